// Where an event's evidence lines are in the log viewer.
import { formatLineHash } from "./line-range-hash";

export function evidenceHref(e: { uploadId: string; file: string | null; line: number; endLine: number }): string {
  const qs = e.file ? `?file=${encodeURIComponent(e.file)}` : "";
  return `/uploads/${e.uploadId}/log${qs}${formatLineHash({ from: e.line, to: Math.max(e.line, e.endLine) })}`;
}
