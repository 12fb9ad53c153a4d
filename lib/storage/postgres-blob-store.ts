// Raw uploads kept in Postgres: the byte stream is cut into ~1 MiB pieces, each gzip-compressed and
// stored as one UploadChunk row, so neither writing nor reading ever holds a whole file in memory.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { db } from "../db/client";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
export const CHUNK_BYTES = 1024 * 1024;

export class BlobTooLargeError extends Error {
  constructor(public readonly limit: number) {
    super(`upload exceeds the size limit of ${limit} bytes`);
  }
}

export interface StoredBlob {
  size: number;
  sha256: string;
  /** Newline bytes in the whole blob. */
  newlines: number;
  /** The blob's last byte is a newline (or it is empty). */
  endsWithNewline: boolean;
  /** gzip or zip by magic bytes: its lines are not the stored bytes' lines. */
  compressed: boolean;
}

export function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Stores a byte stream under fileId; throws BlobTooLargeError past `maxBytes` (caller cleans up). */
export async function writeBlob(fileId: string, source: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): Promise<StoredBlob> {
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
  let newlines = 0;
  let lastByte = 10;
  let compressed = false;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Writes whole CHUNK_BYTES pieces (all that is pending when `final`), keeping the remainder.
  const flush = async (final: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending, pendingBytes);
      const raw = all.subarray(0, Math.min(CHUNK_BYTES, all.length));
      const rest = all.subarray(raw.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      const data = await gzipAsync(raw, { level: 6 });
      const lines = countNewlines(raw);
      newlines += lines;
      lastByte = raw[raw.length - 1];
      if (seq === 0) compressed = (raw[0] === 0x1f && raw[1] === 0x8b) || (raw[0] === 0x50 && raw[1] === 0x4b);
      await db().uploadChunk.create({ data: { fileId, seq: seq++, newlines: lines, data: new Uint8Array(data) } });
    }
  };
  for await (const piece of source) {
    const buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    size += buf.length;
    if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
    hash.update(buf);
    pending.push(Buffer.from(buf)); // copy: stream buffers may be reused by the producer
    pendingBytes += buf.length;
    onBytes?.(size);
    if (pendingBytes >= CHUNK_BYTES) await flush(false);
  }
  await flush(true);
  return { size, sha256: hash.digest("hex"), newlines, endsWithNewline: lastByte === 10, compressed };
}

/** Streams a stored blob back, decompressed, one chunk row at a time. */
export async function* readBlob(fileId: string, fromSeq = 0): AsyncGenerator<Uint8Array> {
  for (let seq = fromSeq; ; seq++) {
    const row = await db().uploadChunk.findUnique({ where: { fileId_seq: { fileId, seq } }, select: { data: true } });
    if (!row) return;
    yield new Uint8Array(await gunzipAsync(row.data));
  }
}

/**
 * Where line `lineNo` (1-based) of a plain-text blob starts: the chunk to read from and how many
 * newlines to skip inside it, found from the per-chunk newline counts without reading data.
 */
export async function locateLine(fileId: string, lineNo: number): Promise<{ seq: number; skipNewlines: number }> {
  const need = lineNo - 1;
  if (need <= 0) return { seq: 0, skipNewlines: 0 };
  const rows = await db().$queryRaw<{ seq: number; before: bigint }[]>`
    SELECT seq, coalesce(sum(newlines) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM "UploadChunk" WHERE "fileId" = ${fileId} ORDER BY seq`;
  let chosen = { seq: 0, skipNewlines: need };
  for (const r of rows) {
    if (Number(r.before) >= need) break; // the need-th newline lies in an earlier chunk
    chosen = { seq: r.seq, skipNewlines: need - Number(r.before) };
  }
  return chosen;
}
