// Drill: SIGKILL the worker (a `scripts/worker.ts` process) in the middle of an analysis, start a new
// one, and check the upload ends with exactly the events of a clean run of the same bytes: 0 lost,
// 0 duplicated, same root cause and incident. The upload goes through the real HTTP server (with its
// in-process worker off, so only the standalone workers analyse). Two kill points: early in the
// analysis, and late (around when events are written).
import path from "node:path";
import type { DrillContext, DrillResult } from "./support/context";
import { postUpload } from "./support/http";
import { goBuildLog } from "./support/logs";
import { mib, ms, sleep } from "./support/stats";
import { diffEvents, eventKeys, jobsFor, uploadStates, waitForStatus } from "./support/uploads-db";
import { spawnWorker, type WorkerProcess } from "./support/worker-process";

const MIN_RUN_MS = 5_000;
const MAX_MIB = 768;
const KILL_POINTS = [0.3, 0.85];

export async function killWorkerDrill(ctx: DrillContext): Promise<DrillResult> {
  const notes: string[] = [];
  const server = await ctx.server("off", "kill-worker (FAULTLINE_WORKER=off, standalone workers)");
  const headers = ctx.auth.headers();
  const workers: WorkerProcess[] = [];
  const startWorker = async () => {
    const w = spawnWorker({ databaseUrl: ctx.db.url, logFile: ctx.workerLog });
    workers.push(w);
    await w.ready;
    return w;
  };
  let lastUploadMs = 0;
  const upload = async (body: Buffer) => {
    const r = await postUpload(server.url, headers, { name: "build.log", body, kind: "raw" });
    if (!r.uploadId) throw new Error(`upload answered ${r.status || r.error}: ${r.body.slice(0, 300)}`);
    lastUploadMs = r.ms;
    return r.uploadId;
  };
  /** Analysis time as the worker sees it: from `analyzing` to `done`. */
  const analyse = async (id: string) => {
    const started = await waitForStatus(id, ["analyzing", "done"], 120_000, 20);
    if (!started) throw new Error(`upload ${id} was not picked up within 120 s`);
    const t0 = Date.now();
    const done = await waitForStatus(id, "done", 600_000, 50);
    if (!done) throw new Error(`upload ${id} was not analysed within 600 s`);
    return Date.now() - t0;
  };

  try {
    let worker = await startWorker();
    // 1. A clean run, on a log grown until its analysis takes MIN_RUN_MS on this machine.
    let size = 48;
    let body = goBuildLog(size * 1048576);
    let refId = await upload(body);
    let refMs = await analyse(refId);
    ctx.log(`kill-worker: sizing: ${size} MiB analysed in ${ms(refMs)}`);
    while (refMs < MIN_RUN_MS && size < MAX_MIB) {
      size = Math.min(MAX_MIB, Math.ceil((size * MIN_RUN_MS * 1.4) / Math.max(refMs, 200)));
      body = goBuildLog(size * 1048576);
      refId = await upload(body);
      refMs = await analyse(refId);
      ctx.log(`kill-worker: sizing: ${size} MiB analysed in ${ms(refMs)}`);
    }
    const storeMbps = body.length / 1e6 / (lastUploadMs / 1000);
    const ref = (await uploadStates([refId])).get(refId)!;
    const refEvents = await eventKeys(refId);
    if (refEvents.length === 0) throw new Error("the clean run found no events: the drill log is wrong");

    // 2. The same bytes, with the worker SIGKILLed part-way through, then a replacement worker.
    const figures: string[] = [];
    let pass = true;
    for (const point of KILL_POINTS) {
      const id = await upload(body);
      const started = await waitForStatus(id, ["analyzing", "done"], 120_000, 20);
      if (!started) throw new Error(`upload ${id} was not picked up within 120 s`);
      await sleep(Math.round(refMs * point));
      const before = (await uploadStates([id])).get(id)!;
      process.kill(worker.pid, "SIGKILL");
      const killedAt = Date.now();
      const exit = await worker.exited;
      worker.rss.stop();
      if (before.status !== "analyzing") {
        pass = false;
        notes.push(`kill at ${point * 100}%: the upload was already ${before.status} when the worker was killed; the drill proves nothing for this point`);
      }
      worker = await startWorker();
      const done = await waitForStatus(id, "done", 300_000, 100);
      const recovered = Date.now() - killedAt;
      if (!done) {
        pass = false;
        const s = (await uploadStates([id])).get(id);
        notes.push(`kill at ${point * 100}%: upload ${id} did not complete within 300 s after the kill (status ${s?.status}, error ${s?.error ?? "none"})`);
        figures.push(`kill@${point * 100}%: not recovered`);
        continue;
      }
      const events = await eventKeys(id);
      const { lost, extra } = diffEvents(refEvents, events);
      const same = done.eventCount === ref.eventCount && done.rootFingerprint === ref.rootFingerprint && done.rootCauseLine === ref.rootCauseLine && done.incidentId === ref.incidentId;
      const jobs = await jobsFor(id);
      const retries = Math.max(0, ...jobs.map((j) => j.retryCount));
      if (lost || extra || !same || exit.signal !== "SIGKILL") {
        pass = false;
        notes.push(
          `kill at ${point * 100}%: upload ${id}: ${lost} events lost, ${extra} extra; eventCount ${done.eventCount} vs ${ref.eventCount}, root ${done.rootFingerprint}@${done.rootCauseLine} vs ${ref.rootFingerprint}@${ref.rootCauseLine}, incident ${done.incidentId} vs ${ref.incidentId}; worker exit ${exit.signal ?? exit.code}`,
        );
      }
      figures.push(`kill@${point * 100}%: ${lost} lost, ${extra} duplicated of ${refEvents.length}, recovered in ${ms(recovered)} (job retried ${retries}x)`);
    }

    // 3. The last worker stops cleanly on SIGTERM.
    worker.proc.kill("SIGTERM");
    const last = await worker.exited;
    if (last.code !== 0) {
      pass = false;
      notes.push(`the replacement worker exited ${last.code ?? last.signal} on SIGTERM (want 0); see ${path.relative(process.cwd(), ctx.workerLog)}`);
    }
    for (const w of workers) ctx.memory.workers.push({ label: `worker pid ${w.pid}`, peakBytes: w.rss.peak().bytes, processes: w.rss.peak().processes });
    return { name: "kill-worker", pass, figures: `${mib(body.length)} log (stored at ${storeMbps.toFixed(0)} MB/s), clean run ${ms(refMs)}, ${refEvents.length} events; ${figures.join("; ")}`, notes };
  } finally {
    for (const w of workers) {
      w.rss.stop();
      if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill("SIGKILL");
    }
  }
}
