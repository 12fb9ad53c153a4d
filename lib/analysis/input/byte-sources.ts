// Byte sources: files, stdin and caller streams as async chunk iterables, with transparent gzip
// decompression detected from the magic bytes (not the file name).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { guardInflation } from "./limits";

export const READ_CHUNK = 1 << 20;

export type ByteInput = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

/** Reads the first bytes of a file for format sniffing. */
export async function readHead(path: string, n = 8): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function toIterable(input: ByteInput): AsyncIterable<Uint8Array> {
  return Symbol.asyncIterator in input ? (input as AsyncIterable<Uint8Array>) : Readable.from(input as unknown as Iterable<Uint8Array>);
}

export interface PeekedInput {
  head: Uint8Array;
  chunks: AsyncIterable<Uint8Array>;
}

/** Takes the first chunk so its magic bytes can be inspected, then replays it. */
export async function peek(input: ByteInput): Promise<PeekedInput> {
  const it = toIterable(input)[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Uint8Array = first.done ? new Uint8Array(0) : first.value;
  // Streams with an encoding set yield strings; everything downstream works on bytes.
  const bytes = (c: Uint8Array | string): Uint8Array => (typeof c === "string" ? Buffer.from(c, "utf8") : c);
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (!first.done) yield bytes(first.value);
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield bytes(r.value);
    }
  }
  return { head: bytes(head), chunks: replay() };
}

/**
 * Gunzips when the stream starts with the gzip magic (concatenated members included), within the
 * input limits (a gzip bomb is refused with InputRejectedError once it expands too far).
 */
export function maybeGunzip(p: PeekedInput, what = "the gzip input"): AsyncIterable<Uint8Array> {
  if (!isGzip(p.head)) return p.chunks;
  let compressed = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const piece of p.chunks) {
      compressed += piece.length;
      yield piece;
    }
  }
  return guardInflation(gunzipped(counted()), () => compressed, what);
}

/**
 * Inflates a gzip byte stream. pipeline() rather than pipe(): corrupt data can make zlib fail before
 * anyone reads, and an 'error' event nobody listens to would kill the process (or analyzer thread);
 * this way the error reaches whoever iterates the result.
 */
export function gunzipped(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  return pipeline(Readable.from(source), createGunzip({ chunkSize: 256 << 10 }), () => {});
}

export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: READ_CHUNK });
}
