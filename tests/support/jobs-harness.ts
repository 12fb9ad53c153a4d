// Shared setup for the job-queue integration tests. Each test file gets its own pg-boss schema, so
// queues of concurrent test runs (or of a dev server) on the same database never trade jobs, and
// its own team, so its uploads and incidents never mix with other tests' rows.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db } from "../../lib/db/client";
import { configureJobs, stopBoss } from "../../lib/jobs/boss";
import type { JobsConfig } from "../../lib/jobs/config";
import { ANALYZE_UPLOAD_QUEUE } from "../../lib/jobs/queues";
import { createUpload } from "../../lib/services/create-upload";
import { connectTestDatabase } from "./db";

export const CORPUS_DIR = path.resolve(process.cwd(), "../shared/corpus");
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Fast recovery for tests: a dead worker's job is retried within a few seconds. */
export const TEST_JOBS: Omit<JobsConfig, "schema"> = {
  leaseSeconds: 2,
  maintenanceIntervalSeconds: 1,
  retryLimit: 2,
  retryDelaySeconds: 1,
  pollIntervalMs: 200,
};

export function setUpJobs(): { url: string; schema: string } {
  const url = connectTestDatabase();
  const schema = `pgboss_test_${randomBytes(5).toString("hex")}`;
  configureJobs({ ...TEST_JOBS, schema });
  return { url, schema };
}

export async function tearDownJobs(schema: string): Promise<void> {
  await stopBoss();
  await db().$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

export async function createTeam(): Promise<string> {
  const slug = `jobs-${randomBytes(6).toString("hex")}`;
  return (await db().team.create({ data: { slug, name: slug }, select: { id: true } })).id;
}

export function corpusBytes(name: string): Buffer {
  return readFileSync(path.join(CORPUS_DIR, name));
}

/** Stores one file as an upload, exactly as the HTTP route does (createUpload with a byte stream). */
export async function storeUpload(teamId: string, name: string, content: Buffer | (() => AsyncIterable<Buffer>)) {
  const stream = typeof content === "function" ? content() : (async function* () { yield content; })();
  return createUpload({ teamId, files: (async function* () { yield { name, stream }; })() });
}

/**
 * A large failing Go build log made of real corpus lines: `go: downloading` lines with a checksum
 * mismatch (the corpus failure, for up to DISTINCT_FAILURES different modules, then again: repeats)
 * after every 20 of them. Thousands of events make the run's writes substantial too. Generated
 * lazily, never held in memory.
 */
const DISTINCT_FAILURES = 3_000; // well below the analyzer's cap on distinct events per run
export function bigGoLog(mib: number): () => AsyncIterable<Buffer> {
  const failure = corpusBytes("go-checksum-mismatch.log").toString("utf8");
  const target = mib * 1024 * 1024;
  return async function* () {
    let written = 0;
    for (let k = 0; written < target; k++) {
      const lines: string[] = [];
      for (let j = 0; j < 20; j++) lines.push(`go: downloading github.com/acme/dep${j} v1.${(k + j) % 97}.${j}`);
      lines.push(failure.replaceAll("github.com/acme/greet", `github.com/acme/greet${k % DISTINCT_FAILURES}`));
      const piece = Buffer.from(lines.join("\n"));
      written += piece.length;
      yield piece;
    }
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function uploadRow(uploadId: string) {
  return db().upload.findUniqueOrThrow({ where: { id: uploadId } });
}

export function waitForStatus(uploadId: string, status: string, timeoutMs = 60_000) {
  return waitFor(`upload ${uploadId} to be ${status}`, async () => {
    const u = await uploadRow(uploadId);
    if (u.status === "failed" && status !== "failed") throw new Error(`upload ${uploadId} failed: ${u.error}`);
    return u.status === status ? u : null;
  }, timeoutMs);
}

/** What a run leaves behind, in a form two runs can be compared by. */
export async function eventsOf(uploadId: string) {
  return db().errorEvent.findMany({
    where: { uploadId },
    orderBy: { seq: "asc" },
    select: { seq: true, class: true, line: true, endLine: true, file: true, message: true, fingerprint: true, count: true, ruleId: true, isRootCause: true },
  });
}

export interface JobRow {
  id: string;
  state: string;
  retryCount: number;
  output: unknown;
  startedOn: Date | null;
  completedOn: Date | null;
}

/** Every job (live or archived) queued for an upload, oldest first. */
export async function jobsFor(schema: string, uploadId: string): Promise<JobRow[]> {
  return db().$queryRawUnsafe<JobRow[]>(
    `SELECT id::text, state::text, retry_count AS "retryCount", output, started_on AS "startedOn", completed_on AS "completedOn" FROM (
       SELECT id, state, retry_count, output, started_on, completed_on, created_on FROM ${schema}.job WHERE name = $1 AND singleton_key = $2
       UNION ALL
       SELECT id, state, retry_count, output, started_on, completed_on, created_on FROM ${schema}.archive WHERE name = $1 AND singleton_key = $2
     ) j ORDER BY created_on`,
    ANALYZE_UPLOAD_QUEUE,
    uploadId,
  );
}

/**
 * The upload's jobs once none is waiting or running. (A job completes just after its upload is
 * marked done, so `done` alone does not mean the job row is final.)
 */
export function settledJobs(schema: string, uploadId: string, timeoutMs = 60_000): Promise<JobRow[]> {
  return waitFor(`every job of upload ${uploadId} to finish`, async () => {
    const all = await jobsFor(schema, uploadId);
    return all.length > 0 && all.every((j) => ["completed", "failed", "cancelled"].includes(j.state)) ? all : null;
  }, timeoutMs);
}

export interface ChildWorker {
  proc: ChildProcess;
  /** Resolves once the worker polls the queue. */
  ready: Promise<void>;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `scripts/worker.ts` in its own process, as `npm run worker` does (node + tsx's loader, no npx
 * wrapper, so a signal reaches the worker itself and not a parent that would leave it orphaned).
 */
const spawned = new Set<ChildProcess>();

/** SIGKILLs worker processes a failed test left running. */
export function killSpawnedWorkers(): void {
  for (const proc of spawned) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
  spawned.clear();
}

export function spawnWorker(opts: { url: string; schema: string }): ChildWorker {
  const args = [
    "--import", "tsx", "scripts/worker.ts",
    "--concurrency", "1",
    "--schema", opts.schema,
    "--lease-seconds", String(TEST_JOBS.leaseSeconds),
    "--maintenance-seconds", String(TEST_JOBS.maintenanceIntervalSeconds),
  ];
  const proc = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: opts.url }, stdio: ["ignore", "pipe", "pipe"] });
  spawned.add(proc);
  let out = "";
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  const onData = (d: Buffer) => {
    out += d.toString();
    if (out.includes("[worker] started")) markReady();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      failReady(new Error(`worker exited (${code ?? signal}) before it was ready:\n${out}`));
      resolve({ code, signal });
    }),
  );
  return { proc, ready, output: () => out, exited };
}
