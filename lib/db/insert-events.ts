// Writes analysed events with COPY, the fastest way into Postgres: rows are streamed as COPY text in
// pieces, so a million events never sit in one buffer. Runs on a caller's pg client, inside the
// caller's transaction (see `npm run bench:ingest` for the figures against a bare COPY).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { FieldValue } from "../analysis/types";

export interface EventRow {
  uploadId: string;
  seq: number;
  class: string;
  line: number;
  endLine: number;
  file: string | null;
  timestamp: Date | null;
  step: string | null;
  message: string;
  fields: Record<string, FieldValue>;
  fingerprint: string;
  count: number;
  ruleId: string;
  runbookId: string | null;
  isRootCause: boolean;
}

const COLUMNS = `"uploadId", seq, class, line, "endLine", file, timestamp, step, message, fields, fingerprint, count, "ruleId", "runbookId", "isRootCause"`;
const ROWS_PER_PIECE = 500;

// COPY text format: backslash escapes for the characters that delimit rows and columns; NUL cannot
// be stored in a Postgres text value at all, so it is dropped.
function esc(v: string | null): string {
  if (v === null) return "\\N";
  return v.replace(/[\\\t\n\r\0]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : ""));
}

export function copyLine(r: EventRow): string {
  return (
    [r.uploadId, r.seq, esc(r.class), r.line, r.endLine, esc(r.file), r.timestamp ? r.timestamp.toISOString() : "\\N", esc(r.step),
      esc(r.message), esc(JSON.stringify(r.fields)), esc(r.fingerprint), r.count, esc(r.ruleId), esc(r.runbookId), r.isRootCause ? "t" : "f"].join("\t") + "\n"
  );
}

/** COPYs rows into `table` (default ErrorEvent); `beforePiece` may throw to abort (rolls back with the transaction). */
export async function copyEvents(client: pg.PoolClient | pg.Client, rows: Iterable<EventRow>, opts: { table?: string; beforePiece?: () => void } = {}): Promise<void> {
  const table = opts.table ?? "ErrorEvent";
  const pieces = Readable.from(
    (function* () {
      let piece = "";
      let n = 0;
      for (const r of rows) {
        piece += copyLine(r);
        if (++n === ROWS_PER_PIECE) {
          opts.beforePiece?.();
          yield piece;
          piece = "";
          n = 0;
        }
      }
      if (piece) yield piece;
    })(),
  );
  await pipeline(pieces, client.query(copyFrom(`COPY "${table}" (${COLUMNS}) FROM STDIN`)));
}
