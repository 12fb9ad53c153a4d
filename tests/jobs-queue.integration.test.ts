// The analysis queue on a real Postgres: upload → enqueue → worker → events and incident; enqueuing
// twice; re-analysis by analyzer version; retries ending in a failed upload.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ANALYZER_VERSION } from "../lib/analysis";
import { db, disconnectDb } from "../lib/db/client";
import { getBoss } from "../lib/jobs/boss";
import { enqueueAnalysis } from "../lib/jobs/enqueue-analysis";
import { reanalyzeUploads } from "../lib/jobs/reanalyze";
import { startWorker, type RunningWorker } from "../lib/jobs/worker";
import { bigGoLog, corpusBytes, createTeam, eventsOf, jobsFor, settledJobs, setUpJobs, storeUpload, tearDownJobs, uploadRow, waitFor, waitForStatus } from "./support/jobs-harness";

const { schema } = setUpJobs();
let teamId: string;
let worker: RunningWorker | null = null;

const quiet = () => {};
const startTestWorker = async () => (worker = await startWorker({ concurrency: 2, log: quiet }));

beforeAll(async () => {
  await getBoss(); // creates this file's queue schema
  teamId = await createTeam();
});

afterEach(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  worker = null;
});

afterAll(async () => {
  await tearDownJobs(schema);
  await disconnectDb();
});

describe("analysis jobs", () => {
  it("analyses an enqueued upload into events and an incident", async () => {
    const up = await storeUpload(teamId, "go-checksum-mismatch.log", corpusBytes("go-checksum-mismatch.log"));
    await enqueueAnalysis(up.id);
    expect((await db().upload.findUniqueOrThrow({ where: { id: up.id } })).status).toBe("queued");
    await startTestWorker();
    const done = await waitForStatus(up.id, "done");
    const events = await eventsOf(up.id);
    expect(events.length).toBeGreaterThan(0);
    expect(done.eventCount).toBe(events.length);
    expect(done.analyzerVersion).toBe(ANALYZER_VERSION);
    expect(done.rootCauseClass).toBe("checksum_mismatch");
    expect(events.filter((e) => e.isRootCause)).toMatchObject([{ class: "checksum_mismatch", line: 2 }]);
    // `done` is only set once the upload is grouped, so a client polling for it sees its incident.
    expect(done.incidentId).not.toBeNull();
    const incident = await db().incident.findUniqueOrThrow({ where: { id: done.incidentId! } });
    expect(incident).toMatchObject({ teamId, rootCauseClass: "checksum_mismatch", occurrenceCount: 1 });
    expect(await settledJobs(schema, up.id)).toMatchObject([{ state: "completed", retryCount: 0 }]);
  });

  it("enqueuing twice queues one job, and re-running replaces the events instead of adding to them", async () => {
    const up = await storeUpload(teamId, "npm-eintegrity.log", corpusBytes("npm-eintegrity.log"));
    await enqueueAnalysis(up.id);
    await enqueueAnalysis(up.id);
    expect(await jobsFor(schema, up.id)).toHaveLength(1);
    await startTestWorker();
    const first = await waitForStatus(up.id, "done");
    const firstEvents = await eventsOf(up.id);
    expect(firstEvents.length).toBeGreaterThan(0);

    // Again after it is done: one more run, whose events replace the first run's. (Worker stopped
    // meanwhile, or it could take the first of the two jobs before the second is sent.)
    await worker!.stop();
    await enqueueAnalysis(up.id);
    await enqueueAnalysis(up.id);
    expect(await jobsFor(schema, up.id)).toHaveLength(2);
    await startTestWorker();
    const second = await waitForStatus(up.id, "done");
    expect(await settledJobs(schema, up.id)).toMatchObject([{ state: "completed" }, { state: "completed" }]);
    const secondEvents = await eventsOf(up.id);
    expect(secondEvents).toEqual(firstEvents);
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(firstEvents.length);
    expect(second.incidentId).toBe(first.incidentId);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: first.incidentId! } });
    expect(incident.occurrenceCount).toBe(1);
  });

  it("a re-analysis asked for during a run waits for that run instead of running alongside it", async () => {
    const up = await storeUpload(await createTeam(), "build.log", bigGoLog(4));
    await startTestWorker(); // two slots: the second job is fetched while the first one runs
    await enqueueAnalysis(up.id);
    await waitForStatus(up.id, "analyzing");
    await enqueueAnalysis(up.id);
    const jobs = await settledJobs(schema, up.id);
    expect(jobs.map((j) => j.state)).toEqual(jobs.map(() => "completed"));
    const runs = jobs.filter((j) => (j.output as { events?: number }).events !== undefined);
    expect(runs).toHaveLength(2);
    const [first, second] = runs;
    expect(jobs.some((j) => (j.output as { deferred?: boolean }).deferred)).toBe(true);
    expect(second.startedOn!.getTime()).toBeGreaterThanOrEqual(first.completedOn!.getTime());
    const done = await waitForStatus(up.id, "done");
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(done.eventCount);
    expect((await db().incident.findUniqueOrThrow({ where: { id: done.incidentId! } })).occurrenceCount).toBe(1);
  });

  it("reanalyze queues the uploads analysed by another analyzer version, or all with --all", async () => {
    const team = await createTeam();
    const a = await storeUpload(team, "go-proxy-403.log", corpusBytes("go-proxy-403.log"));
    const b = await storeUpload(team, "git-auth-failed.log", corpusBytes("git-auth-failed.log"));
    await enqueueAnalysis(a.id);
    await enqueueAnalysis(b.id);
    await startTestWorker();
    await waitForStatus(a.id, "done");
    await waitForStatus(b.id, "done");
    await worker!.stop();
    worker = null;

    expect(await reanalyzeUploads({ teamId: team })).toEqual({ enqueued: 0, alreadyPending: 0 });
    await db().upload.update({ where: { id: a.id }, data: { analyzerVersion: "0.0.0-old" } });
    expect(await reanalyzeUploads({ teamId: team })).toEqual({ enqueued: 1, alreadyPending: 0 });
    expect((await db().upload.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("queued");
    // a's job is waiting now, so --all only adds b.
    expect(await reanalyzeUploads({ teamId: team, all: true })).toEqual({ enqueued: 1, alreadyPending: 1 });
    await startTestWorker();
    expect((await waitForStatus(a.id, "done")).analyzerVersion).toBe(ANALYZER_VERSION);
    await waitForStatus(b.id, "done");
    expect(await settledJobs(schema, b.id)).toHaveLength(2);
  });

  it("retries a failing analysis with backoff, then marks the upload failed", async () => {
    // Stored bytes that no longer decompress (damaged storage): every attempt fails the same way, and
    // unlike a refused input (see below) such a failure may be passing, so it is retried.
    const up = await storeUpload(teamId, "build.log", corpusBytes("go-proxy-404.log"));
    await db().$executeRaw`UPDATE "UploadChunk" SET data = ${Buffer.alloc(64, 7)} WHERE "fileId" IN (SELECT id FROM "UploadFile" WHERE "uploadId" = ${up.id})`;
    await enqueueAnalysis(up.id);
    await startTestWorker();
    // Between attempts the upload waits as `queued` (never `failed`), saying why.
    await waitFor("a failed first attempt", async () => (await jobsFor(schema, up.id))[0]?.state === "retry");
    expect(await uploadRow(up.id)).toMatchObject({ status: "queued", error: expect.stringMatching(/^failed, will retry: /) });
    const jobs = await settledJobs(schema, up.id);
    // TEST_JOBS.retryLimit = 2: three attempts in all, one job.
    expect(jobs).toMatchObject([{ state: "failed", retryCount: 2 }]);
    const failed = await uploadRow(up.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toBeTruthy();
    expect(failed.error).not.toMatch(/will retry/);
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(0);
  });

  it("fails a refused input (not a zip despite its magic bytes) at once, without retrying", async () => {
    const up = await storeUpload(teamId, "broken.zip", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)]));
    await enqueueAnalysis(up.id);
    await startTestWorker();
    const failed = await waitForStatus(up.id, "failed");
    expect(failed.error).toBeTruthy();
    expect(failed.error).not.toMatch(/will retry/);
    expect((await settledJobs(schema, up.id))[0]).toMatchObject({ retryCount: 0 });
  });

  it("a worker stopped mid-analysis hands its job back, and the next worker finishes it", async () => {
    // Big enough that analysis plus the event write takes well over a second (events are COPYed fast).
    const up = await storeUpload(await createTeam(), "build.log", bigGoLog(24));
    await enqueueAnalysis(up.id);
    const stopping = await startTestWorker();
    await waitForStatus(up.id, "analyzing");
    await stopping.stop({ timeoutMs: 0 }); // no grace period: the run is aborted
    worker = null;
    expect(await jobsFor(schema, up.id)).toMatchObject([{ state: "retry", retryCount: 0 }]);
    expect(await uploadRow(up.id)).toMatchObject({ status: "queued", error: "failed, will retry: the worker was stopped during the analysis" });
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(0);
    await startTestWorker();
    const done = await waitForStatus(up.id, "done");
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(done.eventCount);
    expect(await settledJobs(schema, up.id)).toMatchObject([{ state: "completed", retryCount: 1 }]);
  });

  it("completes a job whose upload was deleted meanwhile without retrying it", async () => {
    const up = await storeUpload(teamId, "go-proxy-404.log", corpusBytes("go-proxy-404.log"));
    await enqueueAnalysis(up.id);
    await db().upload.delete({ where: { id: up.id } });
    await startTestWorker();
    const [job] = await settledJobs(schema, up.id);
    expect(job).toMatchObject({ state: "completed", retryCount: 0, output: { skipped: "the upload no longer exists" } });
  });
});
