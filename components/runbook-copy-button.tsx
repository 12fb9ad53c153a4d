import { CopyButton } from "./copy-button";

export function RunbookCopyButton({ text, describedBy }: { text: string; describedBy?: string }) {
  return <CopyButton text={text} label="Copy" what="Command" ariaLabel="Copy command" describedBy={describedBy} />;
}
