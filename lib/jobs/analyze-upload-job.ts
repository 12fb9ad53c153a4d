// What a worker does with one analyze-upload job. Exactly-once in effect: analyzeUpload replaces the
// upload's events in one transaction, so a run repeated after a crash ends where a clean run ends.
// Around it: a renewed lease, at most one run per upload at a time, and upload statuses that say
// whether a failure will be retried.
import type PgBoss from "pg-boss";
import { db } from "../db/client";
import { analyzeUpload, failedStatus } from "../services/analyze-upload";
import { NotFoundError } from "../services/errors";
import type { JobsConfig } from "./config";
import { holdLease } from "./lease";
import { keysWithPendingJobs, otherActiveRun } from "./pgboss-sql";
import { ANALYZE_UPLOAD_QUEUE, sendAnalyzeUpload, ZAnalyzeUploadPayload } from "./queues";

export type JobOutcome = "done" | "deferred" | "skipped" | "failed" | "lost";

export interface JobContext {
  boss: PgBoss;
  config: JobsConfig;
  /** Fires when this worker is shutting down: the run stops and the job is retried elsewhere. */
  shutdown: AbortSignal;
  log: (m: string) => void;
}

type Job = PgBoss.JobWithMetadata<unknown>;

export async function runAnalyzeUploadJob(ctx: JobContext, job: Job): Promise<JobOutcome> {
  const { boss, config, log } = ctx;
  const payload = ZAnalyzeUploadPayload.safeParse(job.data);
  if (!payload.success) {
    // Possibly a newer sender's format during a rolling upgrade: fail so it is retried, maybe elsewhere.
    await boss.fail(ANALYZE_UPLOAD_QUEUE, job.id, { message: `unreadable payload: ${payload.error.message}` });
    return "failed";
  }
  const { uploadId } = payload.data;
  const lease = await holdLease(boss.getDb(), { schema: config.schema, queue: ANALYZE_UPLOAD_QUEUE, jobId: job.id, seconds: config.leaseSeconds });
  try {
    if (lease.signal.aborted) return "lost";
    const busy = await otherActiveRun(boss.getDb(), config.schema, ANALYZE_UPLOAD_QUEUE, uploadId, job.id);
    if (busy !== null) {
      // Another worker is analysing this upload right now (a re-analysis asked for mid-run). Running
      // alongside would only redo its work: queue this run for after it instead. Send first, so a
      // crash in between cannot lose the request.
      const after = Math.min(30, Math.max(1, Math.ceil(config.leaseSeconds / 2)));
      await sendAnalyzeUpload(boss, config, uploadId, { startAfterSeconds: after });
      await boss.complete(ANALYZE_UPLOAD_QUEUE, job.id, { deferred: true });
      return "deferred";
    }
    const signal = AbortSignal.any([lease.signal, ctx.shutdown]);
    const willRetry = job.retryCount < job.retryLimit;
    try {
      const result = await analyzeUpload({ uploadId, signal, willRetry });
      if (lease.signal.aborted) return "lost";
      await boss.complete(ANALYZE_UPLOAD_QUEUE, job.id, { events: result.events, incidentId: result.incidentId });
      return "done";
    } catch (err) {
      // Lost lease: the job is another worker's now; touching it or the upload would only interfere.
      if (lease.signal.aborted) return "lost";
      if (err instanceof NotFoundError) {
        await boss.complete(ANALYZE_UPLOAD_QUEUE, job.id, { skipped: "the upload no longer exists" });
        return "skipped";
      }
      const message = ctx.shutdown.aborted ? "the worker was stopped during the analysis" : (err as Error).message;
      log(`job ${job.id}: analysis of upload ${uploadId} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1})${willRetry ? ", will retry" : ""}: ${message}`);
      // analyzeUpload did this for analyzer errors, not for database errors or a shutdown.
      await db().upload.updateMany({ where: { id: uploadId }, data: failedStatus(new Error(message), willRetry) });
      await boss.fail(ANALYZE_UPLOAD_QUEUE, job.id, { message });
      return "failed";
    }
  } finally {
    lease.release();
  }
}

/**
 * A job that used up its retries. When the last attempt's worker died, nothing has marked the upload
 * failed yet: do it here, unless a newer job for the upload is pending (that one decides).
 */
export async function runDeadLetterJob(ctx: JobContext, job: Job, queue: string): Promise<void> {
  const payload = ZAnalyzeUploadPayload.safeParse(job.data);
  if (payload.success) {
    const { uploadId } = payload.data;
    const pending = await keysWithPendingJobs(ctx.boss.getDb(), ctx.config.schema, ANALYZE_UPLOAD_QUEUE, [uploadId]);
    if (!pending.has(uploadId)) {
      const why = outputMessage(job.output) ?? "unknown error";
      await db().upload.updateMany({
        where: { id: uploadId, status: { in: ["queued", "analyzing"] } },
        data: { status: "failed", error: `analysis gave up after ${job.retryLimit + 1} attempts: ${why}`.slice(0, 2000) },
      });
    }
  }
  await ctx.boss.complete(queue, job.id);
}

function outputMessage(output: unknown): string | undefined {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const m = o?.message ?? o?.value?.message;
  return typeof m === "string" ? m : undefined;
}
