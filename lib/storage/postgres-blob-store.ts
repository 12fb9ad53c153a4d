// Raw uploads kept in Postgres (the default store): each ~1 MiB piece is one gzip-compressed
// UploadChunk row, so neither writing nor reading ever holds a whole file in memory.
//
// readBlob() and locateLine() are what readers call whatever the store: a file kept by the directory
// or S3 store (UploadFile.storage = "directory" | "s3") has index-only chunk rows (newline counts, no
// data) and its pieces are read from disk or with ranged GETs (blob-store-s3.ts).
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { db } from "../db/client";
import { writeChunks, type StoredBlob } from "./blob-store-chunks";
import { readDirectoryChunk } from "./blob-store-directory";

export { BlobTooLargeError, CHUNK_BYTES, countNewlines, type StoredBlob } from "./blob-store-chunks";

const gunzipAsync = promisify(gunzip);

/** Stores a byte stream under fileId; throws BlobTooLargeError past `maxBytes` (caller cleans up). */
export async function writeBlob(fileId: string, source: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): Promise<StoredBlob> {
  const sink = { put: async (seq: number, data: Uint8Array<ArrayBuffer>, newlines: number) => void (await db().uploadChunk.create({ data: { fileId, seq, newlines, data } })) };
  return writeChunks(sink, source, maxBytes, onBytes);
}

// Where a file's bytes are never changes once written: remembered, since archive readers call
// readBlob once per piece.
const locations = new Map<string, { storage: string; storageKey: string | null }>();
const MAX_REMEMBERED = 1000;

async function locationOf(fileId: string): Promise<{ storage: string; storageKey: string | null } | null> {
  const known = locations.get(fileId);
  if (known) return known;
  const file = await db().uploadFile.findUnique({ where: { id: fileId }, select: { storage: true, storageKey: true } });
  if (!file) return null;
  if (locations.size >= MAX_REMEMBERED) locations.delete(locations.keys().next().value!);
  locations.set(fileId, file);
  return file;
}

/** Streams a stored blob back, decompressed, one piece at a time. */
export async function* readBlob(fileId: string, fromSeq = 0): AsyncGenerator<Uint8Array> {
  const file = await locationOf(fileId);
  if (!file) return;
  if (file.storage === "s3") {
    const { readS3Blob } = await import("./blob-store-s3");
    if (!file.storageKey) throw new Error(`file ${fileId} is kept in S3 without a storage key`);
    yield* readS3Blob(fileId, file.storageKey, fromSeq);
    return;
  }
  if (file.storage === "directory") {
    for (let seq = fromSeq; ; seq++) {
      const gz = await readDirectoryChunk(file.storageKey ?? fileId, seq);
      if (!gz) return;
      yield new Uint8Array(await gunzipAsync(gz));
    }
  }
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
