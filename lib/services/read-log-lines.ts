// A window of lines of one uploaded file (or archive member) for the log viewer and evidence links.
// Plain text jumps straight to the chunk holding the first line (per-chunk newline index); gzip is
// decompressed as a stream (within the input limits: no gzip bombs); archive members are read in
// place from the stored zip.
//
// Lines are redacted (lib/redaction) unless the caller asks for `raw`: the raw text is for the team
// that uploaded it only, which every read here already is. So that a private key block that starts
// above the window is still masked, the redactor first reads up to MAX_PRIVATE_KEY_LINES lines
// before it.
import { z } from "zod";
import { gunzipped, isZip } from "../analysis/input/byte-sources";
import { guardInflation, InputRejectedError } from "../analysis/input/limits";
import { db } from "../db/client";
import { createRedactor, MAX_PRIVATE_KEY_LINES } from "../redaction";
import { collectLineWindow, type LogLineView } from "../storage/line-window";
import { locateLine, readBlob } from "../storage/postgres-blob-store";
import { readZipMember } from "../storage/zip-member";
import { NotFoundError, ServiceError } from "./errors";

export const ZReadLogLinesQuery = z.object({
  file: z.string().max(1000).optional(),
  from: z.coerce.number().int().min(1).default(1),
  count: z.coerce.number().int().min(1).max(2000).default(200),
  /** `raw=1`: the text as uploaded, secrets included. Redacted by default. */
  raw: z
    .union([z.boolean(), z.enum(["1", "true", "0", "false", ""])])
    .optional()
    .transform((v) => v === true || v === "1" || v === "true"),
});

export interface LogWindow {
  uploadId: string;
  file: string;
  member?: string;
  from: number;
  lines: LogLineView[];
  totalLines: number | null;
  hasMore: boolean;
  files: string[];
  /** Secrets in the lines are masked (false only for `raw`). */
  redacted: boolean;
}

type Window = { lines: LogLineView[]; hasMore: boolean };

export async function readLogLines(input: { teamId: string; uploadId: string } & z.input<typeof ZReadLogLinesQuery>): Promise<LogWindow> {
  try {
    return await readWindow(input);
  } catch (err) {
    // A zip bomb or unsafe archive stays refused when someone asks to view it.
    if (err instanceof InputRejectedError) throw new ServiceError(err.message, 422, "Unprocessable Content");
    throw err;
  }
}

async function readWindow(input: { teamId: string; uploadId: string } & z.input<typeof ZReadLogLinesQuery>): Promise<LogWindow> {
  const q = ZReadLogLinesQuery.parse(input);
  const upload = await db().upload.findFirst({
    where: { id: input.uploadId, teamId: input.teamId },
    select: { id: true, files: { select: { id: true, name: true, lines: true, size: true }, orderBy: { name: "asc" } } },
  });
  if (!upload || upload.files.length === 0) throw new NotFoundError(`upload ${input.uploadId}`);
  // Redacting needs the lines above the window too (a key block may begin there).
  const lookback = q.raw ? 0 : Math.min(q.from - 1, MAX_PRIVATE_KEY_LINES);
  const start = q.from - lookback;
  const want = { from: start, count: q.count + lookback };
  const finish = (w: Window): Window => (q.raw ? w : redactWindow(w, q.from));
  // `file` is an uploaded file's name, or an archive member path (events of archives carry those).
  const direct = q.file ? upload.files.find((f) => f.name === q.file) : upload.files[0];
  const files = upload.files.map((f) => f.name);
  if (direct) {
    const first = await firstBytes(direct.id);
    if (isZip(first)) throw new NotFoundError(`a member name inside archive ${direct.name}`);
    let window;
    if (first[0] === 0x1f && first[1] === 0x8b) {
      let compressed = 0;
      const counted = (async function* () {
        for await (const piece of readBlob(direct.id)) {
          compressed += piece.length;
          yield piece;
        }
      })();
      const gunzip = guardInflation(gunzipped(counted), () => compressed, `file ${direct.name}`);
      window = await collectLineWindow(gunzip, { firstLineNo: 1, ...want });
    } else {
      const at = await locateLine(direct.id, start);
      window = await collectLineWindow(skipNewlines(readBlob(direct.id, at.seq), at.skipNewlines), { firstLineNo: start, ...want });
    }
    return { uploadId: upload.id, file: direct.name, from: q.from, ...finish(window), totalLines: direct.lines, files, redacted: !q.raw };
  }
  for (const f of upload.files) {
    const first = await firstBytes(f.id);
    if (!isZip(first)) continue;
    const window = await readZipMember({ id: f.id, name: f.name, size: Number(f.size) }, q.file!, (member) => collectLineWindow(member, { firstLineNo: 1, ...want }));
    if (window) return { uploadId: upload.id, file: f.name, member: q.file, from: q.from, ...finish(window), totalLines: null, files, redacted: !q.raw };
  }
  throw new NotFoundError(`file ${q.file} in upload ${input.uploadId}`);
}

/**
 * Redacts the lines in order (one redactor: key blocks span lines) and keeps those from `from` on.
 * A line cut at the viewer's length limit loses its last, cut-off word: a token cut in half no
 * longer looks like a token, so it could not be recognised.
 */
function redactWindow(w: Window, from: number): Window {
  const redactor = createRedactor();
  const lines: LogLineView[] = [];
  for (const l of w.lines) {
    let text = redactor.line(l.text);
    if (l.no < from) continue;
    if (l.truncated) text = text.replace(/[^\s"'`,;]{1,1024}$/, "");
    lines.push({ ...l, text });
  }
  return { lines, hasMore: w.hasMore };
}

async function firstBytes(fileId: string): Promise<Uint8Array> {
  for await (const piece of readBlob(fileId)) return piece.subarray(0, 4);
  return new Uint8Array();
}

async function* skipNewlines(source: AsyncIterable<Uint8Array>, n: number): AsyncGenerator<Uint8Array> {
  let left = n;
  for await (const piece of source) {
    if (left === 0) {
      yield piece;
      continue;
    }
    let i = -1;
    while (left > 0) {
      i = piece.indexOf(10, i + 1);
      if (i === -1) break;
      left--;
    }
    if (left === 0 && i + 1 < piece.length) yield piece.subarray(i + 1);
  }
}
