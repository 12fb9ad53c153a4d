// The byte-stream cutter every raw-upload store shares: ~1 MiB pieces, each gzip-compressed on its own
// (so any piece can be read without the ones before it), with the sha256, size limit and a per-piece
// newline count (the log viewer's line index) computed on the way. The store decides where pieces go.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
export const CHUNK_BYTES = 1024 * 1024;

export class BlobTooLargeError extends Error {
  constructor(public readonly limit: number) {
    super(`upload exceeds the size limit of ${limit} bytes`);
  }
}

/** The store holding the bytes (an S3 bucket) cannot be reached or refused: worth retrying later (503). */
export class BlobStoreUnavailableError extends Error {}

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

export interface ChunkSink {
  /** Stores piece `seq` (gzip data) and its newline count; pieces arrive in order, one at a time. */
  put(seq: number, gz: Uint8Array<ArrayBuffer>, newlines: number): Promise<void>;
}

export function countNewlines(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Cuts `source` into pieces for `sink`; throws BlobTooLargeError past `maxBytes` (caller cleans up). */
export async function writeChunks(sink: ChunkSink, source: AsyncIterable<Uint8Array>, maxBytes: number, onBytes?: (n: number) => void): Promise<StoredBlob> {
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
      await sink.put(seq++, new Uint8Array(data), lines);
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
