// The durability promise: a worker process SIGKILLed in the middle of an analysis loses nothing and
// duplicates nothing. Its job is retried once its lease runs out, and the upload ends with exactly the
// events a clean run of the same bytes gives.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db, disconnectDb } from "../lib/db/client";
import { getBoss } from "../lib/jobs/boss";
import { enqueueAnalysis } from "../lib/jobs/enqueue-analysis";
import { startWorker } from "../lib/jobs/worker";
import { bigGoLog, createTeam, eventsOf, killSpawnedWorkers, settledJobs, setUpJobs, spawnWorker, storeUpload, tearDownJobs, TEST_JOBS, uploadRow, waitForStatus } from "./support/jobs-harness";

const { url, schema } = setUpJobs();

/** A clean run must take at least this long, so the kill lands mid-analysis with room to spare. */
const MIN_RUN_MS = 4_000;
const MAX_MIB = 512;

beforeAll(async () => {
  await getBoss();
});

afterAll(async () => {
  killSpawnedWorkers();
  await tearDownJobs(schema);
  await disconnectDb();
});

it("a worker killed mid-analysis is replaced and the upload ends with a clean run's events", async () => {
  const teamId = await createTeam();

  // 1. Reference: a clean run in this process. The log grows until analysing it takes MIN_RUN_MS,
  //    whatever this machine's and the analyzer's speed.
  let mib = 16;
  let reference: { id: string; ms: number };
  for (;;) {
    const up = await storeUpload(teamId, "build.log", bigGoLog(mib));
    const worker = await startWorker({ concurrency: 1, log: () => {} });
    const started = Date.now();
    await enqueueAnalysis(up.id);
    await waitForStatus(up.id, "done", 120_000);
    reference = { id: up.id, ms: Date.now() - started };
    console.log(`[jobs-crash] sizing: ${mib} MiB analysed in ${reference.ms} ms`);
    await worker.stop();
    if (reference.ms >= MIN_RUN_MS || mib >= MAX_MIB) break;
    mib = Math.min(MAX_MIB, Math.ceil((mib * MIN_RUN_MS * 1.5) / reference.ms));
  }
  expect(reference.ms, `a clean run of ${mib} MiB took only ${reference.ms} ms`).toBeGreaterThanOrEqual(MIN_RUN_MS);
  const refRow = await uploadRow(reference.id);
  const refEvents = await eventsOf(reference.id);
  expect(refEvents.length).toBeGreaterThan(0);
  expect(refRow.rootCauseClass).toBe("checksum_mismatch");
  // The run outlived its lease many times over without being expired and retried: renewal works.
  expect(reference.ms).toBeGreaterThan((TEST_JOBS.leaseSeconds + TEST_JOBS.maintenanceIntervalSeconds) * 1000);
  expect(await settledJobs(schema, reference.id)).toMatchObject([{ state: "completed", retryCount: 0 }]);

  // 2. The same bytes, analysed by a worker process that is SIGKILLed part-way through.
  const up = await storeUpload(teamId, "build.log", bigGoLog(mib));
  const doomed = spawnWorker({ url, schema });
  await doomed.ready;
  await enqueueAnalysis(up.id);
  await waitForStatus(up.id, "analyzing", 30_000);
  await sleep(Math.round(reference.ms * 0.3));
  doomed.proc.kill("SIGKILL");
  expect(await doomed.exited).toMatchObject({ signal: "SIGKILL" });
  const killed = await uploadRow(up.id);
  expect(killed.status, "the worker finished before it could be killed").toBe("analyzing");

  // 3. A new worker process. Nobody renews the dead worker's lease, so the job is retried on it.
  const replacement = spawnWorker({ url, schema });
  try {
    await replacement.ready;
    const done = await waitForStatus(up.id, "done", 90_000);
    const events = await eventsOf(up.id);
    expect(events.length).toBe(refEvents.length);
    expect(events.map((e) => e.fingerprint)).toEqual(refEvents.map((e) => e.fingerprint));
    expect(events).toEqual(refEvents);
    expect(done).toMatchObject({
      eventCount: refRow.eventCount,
      rootFingerprint: refRow.rootFingerprint,
      rootCauseLine: refRow.rootCauseLine,
      incidentId: refRow.incidentId, // same failure, same incident, counted once per upload
    });
    // Counted once per upload (the sizing runs above joined it too), not once per attempt.
    const incident = await db().incident.findUniqueOrThrow({ where: { id: refRow.incidentId! } });
    expect(incident.occurrenceCount).toBe(await db().upload.count({ where: { incidentId: incident.id } }));
    // One job, taken over after the crash: not a second job, not a duplicate run.
    expect(await settledJobs(schema, up.id)).toMatchObject([{ state: "completed", retryCount: 1 }]);
  } finally {
    replacement.proc.kill("SIGTERM");
    const { code } = await replacement.exited;
    expect(code, replacement.output()).toBe(0);
  }
});
