// An analysis worker: fetches up to `concurrency` jobs at a time from the Postgres queue and runs
// them. Any number of workers, in any number of processes and machines, can share one Postgres:
// pg-boss hands each job to one of them (SELECT ... FOR UPDATE SKIP LOCKED).
//
// We fetch and complete jobs ourselves rather than use boss.work(), because work() fails a job whose
// handler outlives the expiry it was fetched with; here the expiry is a lease renewed while it runs.
import { setTimeout as sleep } from "node:timers/promises";
import { runAnalyzeUploadJob, runDeadLetterJob, type JobContext } from "./analyze-upload-job";
import { getBoss, jobsConfig } from "./boss";
import { ANALYZE_UPLOAD_DEAD_QUEUE, ANALYZE_UPLOAD_QUEUE } from "./queues";
import { onLocalEnqueue } from "./wake";

export interface WorkerOptions {
  /** Jobs run at once in this process (analysis is mostly CPU on one thread, so keep it small). */
  concurrency?: number;
  log?: (m: string) => void;
}

export interface RunningWorker {
  /**
   * Stops fetching, lets running jobs finish for up to `timeoutMs`, then aborts the rest, which are
   * handed back to the queue and retried by another worker.
   */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

export async function startWorker(opts: WorkerOptions = {}): Promise<RunningWorker> {
  const concurrency = opts.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("worker concurrency must be a whole number >= 1");
  const log = opts.log ?? ((m: string) => console.log(`[worker] ${m}`));
  const boss = await getBoss();
  const config = jobsConfig();
  const shutdown = new AbortController();
  const ctx: JobContext = { boss, config, shutdown: shutdown.signal, log };
  const running = new Set<Promise<void>>();
  let stopping = false;
  // A wake-up that arrives while the loop is busy is remembered, so the next nap is skipped.
  let woken = false;
  let nap: AbortController | null = null;
  const wake = () => {
    woken = true;
    nap?.abort();
  };
  const napFor = async (ms: number) => {
    if (woken) return void (woken = false);
    nap = new AbortController();
    await sleep(ms, undefined, { signal: nap.signal }).catch(() => {});
    nap = null;
    woken = false;
  };
  const unsubscribe = onLocalEnqueue(wake);

  const track = (work: Promise<unknown>) => {
    const p: Promise<void> = work
      .then(() => {}, (err: unknown) => log(`job handling failed: ${(err as Error).message}`))
      .finally(() => {
        running.delete(p);
        wake(); // a slot is free
      });
    running.add(p);
  };

  const loop = async () => {
    while (!stopping) {
      let full = false;
      try {
        const free = concurrency - running.size;
        if (free > 0) {
          const jobs = await boss.fetch<unknown>(ANALYZE_UPLOAD_QUEUE, { batchSize: free, includeMetadata: true });
          for (const job of jobs) track(runAnalyzeUploadJob(ctx, job));
          full = jobs.length === free;
          if (!full) {
            const dead = await boss.fetch<unknown>(ANALYZE_UPLOAD_DEAD_QUEUE, { batchSize: 10, includeMetadata: true });
            for (const job of dead) await runDeadLetterJob(ctx, job, ANALYZE_UPLOAD_DEAD_QUEUE);
          }
        }
      } catch (err) {
        log(`polling the queue failed: ${(err as Error).message}`);
      }
      // Busy: wait for a free slot. Idle: poll again shortly. Either way stop() and enqueue wake us.
      if (!stopping && !(full && running.size < concurrency)) await napFor(config.pollIntervalMs);
    }
  };
  const looping = loop();
  log(`started (concurrency ${concurrency}, lease ${config.leaseSeconds}s)`);

  let stopped: Promise<void> | undefined;
  return {
    stop: ({ timeoutMs = 10_000 } = {}) =>
      (stopped ??= (async () => {
        stopping = true;
        wake();
        await looping;
        unsubscribe();
        const settled = Promise.allSettled([...running]);
        const timer = new AbortController();
        const finished = await Promise.race([settled.then(() => true), sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false)]);
        timer.abort();
        if (!finished) {
          log(`stopping: aborting ${running.size} running job(s); they will be retried`);
          shutdown.abort();
          await settled;
        }
        log("stopped");
      })()),
  };
}
