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
}

/** Stores a byte stream under fileId; throws BlobTooLargeError past `maxBytes` (caller cleans up). */
export async function writeBlob(fileId: string, source: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): Promise<StoredBlob> {
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
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
      await db().uploadChunk.create({ data: { fileId, seq: seq++, data: new Uint8Array(data) } });
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
  return { size, sha256: hash.digest("hex") };
}

/** Streams a stored blob back, decompressed, one chunk row at a time. */
export async function* readBlob(fileId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const row = await db().uploadChunk.findUnique({ where: { fileId_seq: { fileId, seq } }, select: { data: true } });
    if (!row) return;
    yield new Uint8Array(await gunzipAsync(row.data));
  }
}
