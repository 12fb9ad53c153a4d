// Turns the raw bytes of one physical line into the text rules match on:
//   - a trailing `\r` (CRLF) is dropped;
//   - `\r` in the middle is a terminal overwrite: only the last segment is what remained on screen;
//   - only the first MATCH_BYTES bytes of that segment are decoded (bounded work for megabyte lines);
//   - invalid UTF-8 becomes U+FFFD instead of failing;
//   - cursor-to-column-1 escapes (`ESC[1G`, spinners redrawn in place) overwrite like `\r`;
//   - ANSI escapes are stripped.
// GitLab puts its `section_start:` markers in a segment that the header text then overwrites; those
// markers are kept in front of the visible text so the step tracker still sees them.
import { Buffer } from "node:buffer";
import { buildkiteTimestamp, stripAnsi } from "./ansi";

/** Bytes of a line that are looked at. Errors are stated at the start of a line; the rest is payload. */
export const MATCH_BYTES = 8192;

const CR = 13;
const SECTION_MARKER = /section_(?:start|end):\d+:[^\s\r\x1b]+/g;
/** Cursor Horizontal Absolute to column 1: what follows redraws the line from its start. */
const TO_COLUMN_ONE = "\x1b[1G";
// A CI runner's timestamp is added in front of each line after the fact: it is metadata, not part of
// what a redraw overwrites, so it is kept when `\r`/column-1 redraws are resolved.
const CI_TIME_PREFIX = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?Z|\[\d{4}-\d\d-\d\dT[\d:.]+Z?\]) /;

function ciPrefix(buf: Buffer, start: number, end: number): string {
  const head = buf.toString("latin1", start, Math.min(end, start + 48));
  return CI_TIME_PREFIX.exec(head)?.[0] ?? "";
}

export interface DecodedLine {
  text: string;
  timestamp?: string;
}

export function decodeLine(buf: Buffer, start: number, end: number): DecodedLine {
  let a = start;
  let b = end;
  while (b > a && buf[b - 1] === CR) b--;
  let hidden = "";
  let prefix = "";
  const lastCr = b > a ? buf.subarray(a, b).lastIndexOf(CR) : -1;
  if (lastCr >= 0) {
    prefix = ciPrefix(buf, a, b);
    const head = buf.toString("latin1", a, Math.min(a + lastCr, a + MATCH_BYTES));
    if (head.includes("section_")) hidden = (head.match(SECTION_MARKER) ?? []).join(" ");
    a += lastCr + 1;
  }
  if (b - a > MATCH_BYTES) b = a + MATCH_BYTES;
  const raw = buf.toString("utf8", a, b);
  let text = raw;
  let timestamp: string | undefined;
  if (raw.includes("\x1b") || raw.includes("\x9b")) {
    if (raw.includes("_bk;t=")) timestamp = buildkiteTimestamp(raw);
    const redraw = Math.max(raw.lastIndexOf(TO_COLUMN_ONE), raw.lastIndexOf("\x1b[G"), raw.lastIndexOf("\x1b[0G"));
    if (redraw >= 0) {
      prefix ||= CI_TIME_PREFIX.exec(raw)?.[0] ?? "";
      text = stripAnsi(raw.slice(redraw));
    } else {
      text = stripAnsi(raw);
    }
  }
  if (hidden) text = hidden + " " + text;
  if (prefix) text = prefix + text;
  return timestamp ? { text, timestamp } : { text };
}
