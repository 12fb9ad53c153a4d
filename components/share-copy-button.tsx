import { CopyButton } from "./copy-button";

export function ShareCopyButton({ text }: { text: string }) {
  return <CopyButton text={text} label="Copy link" what="Link" />;
}
