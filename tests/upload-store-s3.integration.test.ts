// The S3 store for raw uploads (FAULTLINE_UPLOAD_STORE=s3) against a real S3-compatible server
// (tests/support/s3-server.ts): uploads through the API land in the bucket as one gzip object,
// analysis and the log viewer read them back with ranged GETs, large bodies go up as multipart
// uploads, and a refused upload or an unreachable store leaves nothing behind.
import { createHash, randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { GetObjectCommand, HeadObjectCommand, UploadPartCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getLinesRoute } from "../app/api/v1/uploads/[id]/lines/route";
import { POST as postUploadRoute } from "../app/api/v1/uploads/route";
import { db } from "../lib/db/client";
import { setDatabaseUrl } from "../lib/env";
import { getBoss } from "../lib/jobs/boss";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { createUpload, type IncomingFile } from "../lib/services/create-upload";
import { readLogLines } from "../lib/services/read-log-lines";
import { removeStoredBlob } from "../lib/storage/blob-store";
import { readBlob } from "../lib/storage/postgres-blob-store";
import { apiRequest, params, tokenFor } from "./support/auth-factory";
import { setUpJobs, tearDownJobs } from "./support/jobs-harness";
import { startTestS3, type TestS3 } from "./support/s3-server";
import { corpusFile, corpusText, createTestTeam, textFile } from "./support/upload-factory";

const { url, schema } = setUpJobs();
let s3: TestS3;

/** Settings are read through lib/env, whose cache setDatabaseUrl resets. */
function configure(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  setDatabaseUrl(url);
}

beforeAll(async () => {
  s3 = await startTestS3();
  configure({ FAULTLINE_UPLOAD_STORE: "s3", FAULTLINE_S3_BUCKET: s3.bucket, FAULTLINE_S3_ENDPOINT: s3.endpoint, FAULTLINE_S3_PREFIX: "ci/raw/", FAULTLINE_S3_ACCESS_KEY_ID: "test", FAULTLINE_S3_SECRET_ACCESS_KEY: "test" });
  await getBoss();
});
afterAll(async () => {
  await tearDownJobs(schema);
  await s3.stop();
});
beforeEach(() => {
  s3.requests.length = 0;
  s3.refuse = () => false;
});

const upload = (teamId: string, files: IncomingFile[], maxBytes?: number) => createUpload({ teamId, files: (async function* () { yield* files; })(), maxBytes });
const objectKey = (uploadId: string, index = 0) => `ci/raw/${uploadId}/${index}.gz`;
const head = (key: string) => s3.direct.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).catch((err: { name: string }) => err.name);
const nothingRecorded = async (teamId: string) => expect(await db().upload.count({ where: { teamId } })).toBe(0);

/** A file that arrives in 64 KiB pieces, as from a socket. */
function streamedFile(name: string, text: string): IncomingFile {
  const bytes = Buffer.from(text);
  return { name, stream: (async function* () { for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536); })() };
}

/** ~`mib` MiB of numbered log lines that compress only about 2×, so the object needs several parts. */
function noisyLog(mib: number): { text: string; lines: string[] } {
  const lines = Array.from({ length: Math.ceil((mib * 1024 * 1024) / 80) }, (_, i) => `line ${i + 1} ${randomBytes(34).toString("hex")}`);
  return { text: `${lines.join("\n")}\n`, lines };
}

describe("S3 store", () => {
  it("keeps an upload made over the API as one object that analysis and the log viewer read back", async () => {
    const teamId = await createTestTeam();
    const token = await tokenFor(teamId);
    const log = corpusText("go-checksum-mismatch.log");
    const res = await postUploadRoute(apiRequest("/api/v1/uploads?name=build.log", { method: "POST", token, body: log, headers: { "content-type": "text/plain" } }), params({}));
    expect(res.status).toBe(202);
    const { uploadId } = await res.json();
    const file = await db().uploadFile.findFirstOrThrow({ where: { uploadId } });
    expect(file).toMatchObject({ storage: "s3", storageKey: `${uploadId}/0.gz` });
    expect((await db().uploadChunk.findMany({ where: { fileId: file.id } })).every((c) => c.data.length === 0 && c.storedBytes! > 0)).toBe(true);
    // The object is a plain .gz of the file: readable without Faultline.
    const object = await s3.direct.send(new GetObjectCommand({ Bucket: s3.bucket, Key: objectKey(uploadId) }));
    expect(gunzipSync(await object.Body!.transformToByteArray()).toString()).toBe(log);

    const result = await analyzeUpload({ uploadId });
    expect(result.rootCause).toMatchObject({ class: "checksum_mismatch", line: 2 });
    const lines = await getLinesRoute(apiRequest(`/api/v1/uploads/${uploadId}/lines?from=2&count=1&raw=1`, { token }), params({ id: uploadId }));
    expect((await lines.json()).lines).toEqual([{ no: 2, text: log.split("\n")[1] }]);
    expect(s3.requests.filter((r) => r.method === "GET").every((r) => r.range?.startsWith("bytes="))).toBe(true);

    await removeStoredBlob(file);
    expect(await head(objectKey(uploadId))).toBe("NotFound");
  });

  it("sends a large body as a multipart upload and serves a window from its middle with a small ranged GET", async () => {
    const teamId = await createTestTeam();
    const { text, lines } = noisyLog(14);
    const up = await upload(teamId, [textFile("big.log", text)]);
    const calls = s3.requests.map((r) => `${r.method} ${r.url.replace(/^[^?]*/, "")}`);
    expect(calls[0]).toMatch(/^POST \?uploads/);
    expect(calls.filter((c) => c.startsWith("PUT ") && c.includes("partNumber=")).length).toBeGreaterThanOrEqual(2);
    expect(calls.at(-1)).toMatch(/^POST \?uploadId=/);
    const stored = await s3.direct.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: objectKey(up.id) }));
    expect(stored.ETag).toMatch(/-\d+"$/); // S3's mark of an object assembled from parts

    s3.requests.length = 0;
    const window = await readLogLines({ teamId, uploadId: up.id, from: 150_000, count: 3 });
    expect(window.lines.map((l) => l.text)).toEqual(lines.slice(149_999, 150_002));
    const fetched = s3.requests.map((r) => r.range!.match(/bytes=(\d+)-(\d+)/)!).reduce((n, m) => n + Number(m[2]) - Number(m[1]) + 1, 0);
    expect(fetched).toBeLessThan(stored.ContentLength! / 3);

    const hash = createHash("sha256");
    for await (const piece of readBlob((await db().uploadFile.findFirstOrThrow({ where: { uploadId: up.id } })).id)) hash.update(piece);
    expect(hash.digest("hex")).toBe(up.sha256);
  });

  it("reads a stored zip archive in place: analysis and a member's lines", async () => {
    const teamId = await createTestTeam();
    const up = await upload(teamId, [corpusFile("gha-logs-catalog.zip")]);
    const result = await analyzeUpload({ uploadId: up.id });
    expect(result.rootCause).toMatchObject({ class: "compile_error" });
    const w = await readLogLines({ teamId, uploadId: up.id, file: "frontend/2_Run npm install.txt", from: 1, count: 50 });
    expect(w.lines.some((l) => /E404/.test(l.text))).toBe(true);
  });

  it("aborts the multipart upload of a body refused part way and keeps nothing", async () => {
    const teamId = await createTestTeam();
    const { text } = noisyLog(14);
    await expect(upload(teamId, [streamedFile("big.log", text)], 11 * 1024 * 1024)).rejects.toMatchObject({ status: 413 });
    await nothingRecorded(teamId);
    const created = s3.requests.find((r) => r.url.includes("?uploads"))!;
    const uploadId = new URL(s3.requests.find((r) => r.url.includes("partNumber="))!.url, s3.endpoint).searchParams.get("uploadId")!;
    expect(created).toBeDefined();
    expect(s3.requests).toContainEqual(expect.objectContaining({ method: "DELETE", url: expect.stringContaining(`uploadId=${uploadId}`), status: 204 }));
    expect(s3.requests.some((r) => r.method === "POST" && r.url.includes("uploadId="))).toBe(false);
    const key = new URL(created.url, s3.endpoint).pathname.replace(`/${s3.bucket}/`, "");
    const partAfterAbort = await s3.direct.send(new UploadPartCommand({ Bucket: s3.bucket, Key: key, UploadId: uploadId, PartNumber: 3, Body: Buffer.alloc(1) })).catch((err: { name: string }) => err.name);
    expect(partAfterAbort).toBe("NoSuchUpload");
    expect(await head(key)).toBe("NotFound");
  });

  it("deletes the objects of earlier files when a later file of the upload is refused", async () => {
    const teamId = await createTestTeam();
    const binary = { name: "core", stream: (async function* () { yield Buffer.alloc(2048, 0); })() };
    await expect(upload(teamId, [textFile("ok.log", corpusText("go-proxy-403.log")), binary])).rejects.toMatchObject({ status: 415 });
    await nothingRecorded(teamId);
    const firstKey = new URL(s3.requests.find((r) => r.method === "PUT")!.url, s3.endpoint).pathname.replace(`/${s3.bucket}/`, "");
    expect(s3.requests).toContainEqual(expect.objectContaining({ method: "DELETE", status: 204 }));
    expect(await head(firstKey)).toBe("NotFound");
  });
});

describe("S3 store out of reach", () => {
  it("answers an upload with 503 and records nothing when the store cannot be reached", async () => {
    const teamId = await createTestTeam();
    s3.refuse = () => true;
    const res = await postUploadRoute(apiRequest("/api/v1/uploads?name=build.log", { method: "POST", token: await tokenFor(teamId), body: corpusText("go-proxy-403.log"), headers: { "content-type": "text/plain" } }), params({}));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ title: "Service Unavailable", detail: "the upload store is unavailable; retry shortly" });
    await nothingRecorded(teamId);
  });

  it("fails a multipart upload cut off after its first part, naming the object and the cause", async () => {
    const teamId = await createTestTeam();
    s3.refuse = (r) => r.url.includes("partNumber=2");
    const err = await upload(teamId, [streamedFile("big.log", noisyLog(14).text)]).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^S3 store \(http:\/\/127\.0\.0\.1:\d+\) could not store s3:\/\/faultline-test\/ci\/raw\/\w+\/0\.gz: .*(socket hang up|ECONNRESET|EPIPE)/);
    await nothingRecorded(teamId);
    expect(s3.requests.some((r) => r.method === "DELETE" && r.url.includes("uploadId="))).toBe(true); // the parts sent are aborted
  });

  it("names a bucket that does not exist", async () => {
    const teamId = await createTestTeam();
    configure({ FAULTLINE_S3_BUCKET: "no-such-bucket" });
    try {
      await expect(upload(teamId, [textFile("a.log", "hello\n")])).rejects.toThrow(/could not store s3:\/\/no-such-bucket\/.*NoSuchBucket/);
      await nothingRecorded(teamId);
    } finally {
      configure({ FAULTLINE_S3_BUCKET: s3.bucket });
    }
  });
});
