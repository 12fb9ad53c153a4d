// A window of lines of one uploaded file (or archive member) for the log viewer and evidence links.
// Plain text jumps straight to the chunk holding the first line (per-chunk newline index); gzip is
// decompressed as a stream; archive members are read from a spooled copy of the zip.
import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { z } from "zod";
import { db } from "../db/client";
import { collectLineWindow, type LogLineView } from "../storage/line-window";
import { locateLine, readBlob } from "../storage/postgres-blob-store";
import { readZipMember } from "../storage/zip-member";
import { NotFoundError } from "./errors";

export const ZReadLogLinesQuery = z.object({
  file: z.string().max(1000).optional(),
  from: z.coerce.number().int().min(1).default(1),
  count: z.coerce.number().int().min(1).max(2000).default(200),
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
}

export async function readLogLines(input: { teamId: string; uploadId: string } & z.input<typeof ZReadLogLinesQuery>): Promise<LogWindow> {
  const q = ZReadLogLinesQuery.parse(input);
  const upload = await db().upload.findFirst({
    where: { id: input.uploadId, teamId: input.teamId },
    select: { id: true, files: { select: { id: true, name: true, lines: true }, orderBy: { name: "asc" } } },
  });
  if (!upload || upload.files.length === 0) throw new NotFoundError(`upload ${input.uploadId}`);
  // `file` is an uploaded file's name, or an archive member path (events of archives carry those).
  const direct = q.file ? upload.files.find((f) => f.name === q.file) : upload.files[0];
  const files = upload.files.map((f) => f.name);
  if (direct) {
    const first = await firstBytes(direct.id);
    if (first[0] === 0x50 && first[1] === 0x4b) throw new NotFoundError(`a member name inside archive ${direct.name}`);
    let window;
    if (first[0] === 0x1f && first[1] === 0x8b) {
      const gunzip = Readable.from(readBlob(direct.id)).pipe(createGunzip());
      window = await collectLineWindow(gunzip, { firstLineNo: 1, from: q.from, count: q.count });
    } else {
      const at = await locateLine(direct.id, q.from);
      window = await collectLineWindow(skipNewlines(readBlob(direct.id, at.seq), at.skipNewlines), { firstLineNo: q.from, from: q.from, count: q.count });
    }
    return { uploadId: upload.id, file: direct.name, from: q.from, ...window, totalLines: direct.lines, files };
  }
  for (const f of upload.files) {
    const first = await firstBytes(f.id);
    if (!(first[0] === 0x50 && first[1] === 0x4b)) continue;
    const window = await readZipMember(readBlob(f.id), q.file!, (member) => collectLineWindow(member, { firstLineNo: 1, from: q.from, count: q.count }));
    if (window) return { uploadId: upload.id, file: f.name, member: q.file, from: q.from, ...window, totalLines: null, files };
  }
  throw new NotFoundError(`file ${q.file} in upload ${input.uploadId}`);
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
