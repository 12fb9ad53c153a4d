// Raw uploads kept in an S3-compatible bucket (FAULTLINE_UPLOAD_STORE=s3): one object per file,
// `<FAULTLINE_S3_PREFIX><uploadId>/<index>.gz`, made of the same separately gzipped ~1 MiB pieces as the
// other stores laid back to back (so the object is itself a valid .gz of the file). Postgres keeps
// index rows (UploadChunk: newline count and the piece's stored size, no data): the log viewer's line
// index works as for the other stores, and any run of pieces is one ranged GET away.
//
// Writing streams the pieces into a multipart upload (one PUT when the file fits in one part) holding
// at most QUEUE_SIZE + 1 parts in memory; it returns only once S3 has completed the object, so an
// upload is durable before it is acknowledged. A failed or refused write aborts its multipart upload.
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { DeleteObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { db } from "../db/client";
import { writeChunks, type StoredBlob } from "./blob-store-chunks";
import { s3Location, s3Unavailable, type S3Location } from "./s3-client";

const gunzipAsync = promisify(gunzip);
/** S3's smallest part: bodies past it go up as multipart uploads. */
export const PART_BYTES = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

/** Streams `source` into the object of `storageKey`, with index rows for UploadFile `fileId`. */
export async function writeS3Blob(fileId: string, storageKey: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
  const at = s3Location(storageKey);
  const body = new PassThrough();
  body.on("error", () => {}); // failures reach us through done() and the writes below
  const upload = new Upload({ client: at.s3, params: { Bucket: at.bucket, Key: at.key, Body: body, ContentType: "application/gzip" }, partSize: PART_BYTES, queueSize: QUEUE_SIZE });
  let failed: Error | undefined;
  const uploaded = upload.done().catch((err: unknown) => {
    failed = s3Unavailable(err, "store", at);
    body.destroy(failed); // a write waiting for room in the body fails with it
    throw failed;
  });
  uploaded.catch(() => {}); // awaited below; until then not an unhandled rejection
  const sink = {
    put: async (seq: number, gz: Uint8Array, newlines: number) => {
      await db().uploadChunk.create({ data: { fileId, seq, newlines, storedBytes: gz.length, data: new Uint8Array() } });
      if (failed) throw failed;
      if (!body.write(gz)) await once(body, "drain");
    },
  };
  try {
    const blob = await writeChunks(sink, source, maxBytes);
    body.end();
    await uploaded;
    return blob;
  } catch (err) {
    // A body that ends in an error makes lib-storage abort the multipart upload before done() settles.
    body.destroy(err instanceof Error ? err : new Error(String(err)));
    await uploaded.catch(() => {});
    throw err;
  }
}

/** Streams the pieces of a stored file from `fromSeq` on, decompressed, one piece per yield. */
export async function* readS3Blob(fileId: string, storageKey: string, fromSeq: number): AsyncGenerator<Uint8Array> {
  const pieces = await db().uploadChunk.findMany({ where: { fileId, seq: { gte: fromSeq } }, orderBy: { seq: "asc" }, select: { seq: true, storedBytes: true } });
  if (pieces.length === 0) return;
  const sizes = pieces.map((p) => {
    if (p.storedBytes === null) throw new Error(`file ${fileId}: piece ${p.seq} has no stored size in the S3 index`);
    return p.storedBytes;
  });
  const [{ before }] = await db().$queryRaw<{ before: bigint }[]>`
    SELECT coalesce(sum("storedBytes"), 0)::bigint AS before FROM "UploadChunk" WHERE "fileId" = ${fileId} AND seq < ${fromSeq}`;
  const at = s3Location(storageKey);
  let offset = Number(before);
  // Windows of 1, 2, 4 … pieces: a reader that stops early (a format sniff, a zip header, the log
  // viewer's screenful) has fetched at most twice what it used; a whole file takes ~log2(n) GETs.
  for (let i = 0, n = 1; i < sizes.length; i += n, n *= 2) {
    const window = sizes.slice(i, i + n);
    yield* readWindow(at, offset, window);
    offset += window.reduce((a, b) => a + b, 0);
  }
}

async function* readWindow(at: S3Location, offset: number, sizes: number[]): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  let next = 0;
  for await (const data of fetchRange(at, offset, sizes.reduce((a, b) => a + b, 0))) {
    pending = pending.length ? Buffer.concat([pending, data]) : data;
    while (next < sizes.length && pending.length >= sizes[next]) {
      const gz = pending.subarray(0, sizes[next]);
      pending = pending.subarray(sizes[next++]);
      yield new Uint8Array(await gunzipAsync(gz));
    }
  }
  if (next < sizes.length) throw s3Unavailable(new Error("the object is shorter than its index"), "read", at);
}

async function* fetchRange(at: S3Location, offset: number, length: number): AsyncGenerator<Buffer> {
  let body: Readable;
  try {
    const res = await at.s3.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key, Range: `bytes=${offset}-${offset + length - 1}` }));
    body = res.Body as Readable;
    // A gateway that ignores Range sends the whole object: cutting that into pieces would be wrong.
    if (res.ContentLength !== length) {
      body.destroy();
      throw new Error(`asked for ${length} bytes at ${offset}, got ${res.ContentLength} (Range not supported?)`);
    }
  } catch (err) {
    throw s3Unavailable(err, "read", at);
  }
  const chunks = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: IteratorResult<Buffer>;
      try {
        step = await chunks.next();
      } catch (err) {
        throw s3Unavailable(err, "read", at);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    body.destroy(); // the reader stopped early: close the connection instead of draining it
  }
}

/** Deletes the object of `storageKey` (a missing object is fine: S3 deletes are idempotent). */
export async function removeS3Blob(storageKey: string): Promise<void> {
  const at = s3Location(storageKey);
  try {
    await at.s3.send(new DeleteObjectCommand({ Bucket: at.bucket, Key: at.key }));
  } catch (err) {
    throw s3Unavailable(err, "delete", at);
  }
}
