// The drills' load generator, run as a separate process so the load does not share the drill's event
// loop: `node --import tsx drills/load-client.ts SPEC.json RESULT.json`.
//   burst: `count` uploads of mixed sizes and shapes (raw, multipart, gzip, zip), all sent at once;
//   soak:  `concurrency` loops uploading and reading status for `seconds` or until stdin closes,
//          plus a poller of /api/health and /api/v1/incidents (the restart drill runs it across a
//          database outage and closes stdin when it has seen enough).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { get, postUpload, type Reply, type UploadReply } from "./support/http";
import { uploadBody, type UploadBody } from "./support/logs";
import { rng, sleep } from "./support/stats";

export type LoadSpec =
  | { mode: "burst"; base: string; headers: Record<string, string>; count: number; seed: number; scale: number }
  | { mode: "soak"; base: string; headers: Record<string, string>; concurrency: number; seconds: number; seed: number; maxBytes: number };

export interface SentUpload {
  index: number;
  name: string;
  kind: UploadBody["kind"];
  bytes: number;
  sha256: string;
  reply: UploadReply;
}

export interface LoadResult {
  uploads: SentUpload[];
  /** Every other request (status reads, health, incident list). */
  reads: Reply[];
  startedAt: number;
  endedAt: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** Sizes of a burst: half small, then medium, large and a few huge ones (times `scale`). */
export function burstSize(index: number, seed: number, scale: number): number {
  const r = rng(seed * 31 + index);
  const slot = index % 20;
  const [lo, hi] = slot < 10 ? [2 * KiB, 64 * KiB] : slot < 16 ? [256 * KiB, 2 * MiB] : slot < 19 ? [4 * MiB, 16 * MiB] : [32 * MiB, 64 * MiB];
  return Math.round((lo + r() * (hi - lo)) * scale);
}

function sent(index: number, up: UploadBody, reply: UploadReply): SentUpload {
  const slim = reply.status === 202 ? { ...reply, body: "" } : { ...reply, body: reply.body.slice(0, 1000) };
  return { index, name: up.name, kind: up.kind, bytes: up.body.length, sha256: createHash("sha256").update(up.body).digest("hex"), reply: slim };
}

async function burst(spec: Extract<LoadSpec, { mode: "burst" }>): Promise<LoadResult> {
  const bodies = Array.from({ length: spec.count }, (_, i) => uploadBody(burstSize(i, spec.seed, spec.scale), spec.seed, i));
  const startedAt = Date.now();
  const uploads = await Promise.all(bodies.map(async (up, i) => sent(i, up, await postUpload(spec.base, spec.headers, up, 600_000))));
  return { uploads, reads: [], startedAt, endedAt: Date.now() };
}

async function soak(spec: Extract<LoadSpec, { mode: "soak" }>): Promise<LoadResult> {
  const uploads: SentUpload[] = [];
  const reads: Reply[] = [];
  const startedAt = Date.now();
  let deadline = startedAt + spec.seconds * 1000;
  process.stdin.on("end", () => (deadline = Math.min(deadline, Date.now())));
  process.stdin.resume();
  let next = 0;
  // A well-behaved client: waits after 503 and 429 (Retry-After, capped so the drill keeps probing).
  const backoff = (r: Reply) => (r.status === 503 || r.status === 429 || r.status === 0 ? sleep(Math.min(r.status === 429 ? 2000 : 1000, Number(r.retryAfter ?? 1) * 1000)) : Promise.resolve());
  const loop = async (lane: number) => {
    const r = rng(spec.seed * 977 + lane);
    while (Date.now() < deadline) {
      const index = next++;
      const size = Math.round(r() < 0.85 ? 2 * KiB + r() * 256 * KiB : Math.min(spec.maxBytes, MiB + r() * 8 * MiB));
      const up = uploadBody(size, spec.seed, index);
      const reply = await postUpload(spec.base, spec.headers, up, 120_000);
      uploads.push(sent(index, up, reply));
      if (reply.uploadId) reads.push(slim(await get(spec.base, `/api/v1/uploads/${reply.uploadId}`, spec.headers)));
      await backoff(reply);
    }
  };
  const poll = async () => {
    while (Date.now() < deadline) {
      reads.push(slim(await get(spec.base, "/api/health", spec.headers, 10_000)));
      reads.push(slim(await get(spec.base, "/api/v1/incidents?limit=5", spec.headers, 10_000)));
      await sleep(250);
    }
  };
  await Promise.all([...Array.from({ length: spec.concurrency }, (_, lane) => loop(lane)), poll()]);
  return { uploads, reads, startedAt, endedAt: Date.now() };
}

const slim = (r: Reply): Reply => ({ ...r, body: r.status >= 200 && r.status < 300 ? "" : r.body.slice(0, 1000) });

async function main(): Promise<void> {
  const [specFile, resultFile] = process.argv.slice(2);
  if (!specFile || !resultFile) throw new Error("usage: load-client.ts SPEC.json RESULT.json");
  const spec = JSON.parse(readFileSync(specFile, "utf8")) as LoadSpec;
  const result = spec.mode === "burst" ? await burst(spec) : await soak(spec);
  writeFileSync(resultFile, JSON.stringify(result));
  const byStatus = new Map<string, number>();
  for (const u of result.uploads) byStatus.set(String(u.reply.status || u.reply.error), (byStatus.get(String(u.reply.status || u.reply.error)) ?? 0) + 1);
  console.log(`load-client ${spec.mode}: ${result.uploads.length} uploads (${[...byStatus].map(([k, v]) => `${v}x ${k}`).join(", ")}), ${result.reads.length} reads in ${((result.endedAt - result.startedAt) / 1000).toFixed(1)} s`);
}

if (process.argv[1]?.endsWith("load-client.ts")) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
