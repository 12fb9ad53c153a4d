// Queue names, payloads and send options. Kept free of service imports so the web process can
// enqueue without loading the analyzer.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { JobsConfig } from "./config";

export const ANALYZE_UPLOAD_QUEUE = "analyze-upload";
/** Jobs that used up their retries (including ones whose worker kept dying) land here. */
export const ANALYZE_UPLOAD_DEAD_QUEUE = "analyze-upload-dead";

/** Versioned so a worker can tell payloads from older or newer senders apart during a rolling upgrade. */
export const ZAnalyzeUploadPayload = z.object({ v: z.literal(1), uploadId: z.string().min(1).max(100) });
export type AnalyzeUploadPayload = z.infer<typeof ZAnalyzeUploadPayload>;

export async function ensureQueues(boss: PgBoss, config: JobsConfig): Promise<void> {
  // createQueue is idempotent (ON CONFLICT DO NOTHING). Retry and expiry settings travel with each job
  // (sendOptions), so a queue created by an older version needs no update.
  await boss.createQueue(ANALYZE_UPLOAD_DEAD_QUEUE, { name: ANALYZE_UPLOAD_DEAD_QUEUE, policy: "standard" });
  await boss.createQueue(ANALYZE_UPLOAD_QUEUE, {
    name: ANALYZE_UPLOAD_QUEUE,
    // 'short': at most one *waiting* job per singletonKey (the upload id), so enqueuing twice is
    // harmless, while a re-analysis requested during a run still queues one follow-up run.
    policy: "short",
    deadLetter: ANALYZE_UPLOAD_DEAD_QUEUE,
    ...retryOptions(config),
  });
}

function retryOptions(config: JobsConfig) {
  return {
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    // The first lease; the worker renews it right after fetching (lease.ts).
    expireInSeconds: config.leaseSeconds,
  };
}

/**
 * Queues analysis of an upload. Returns the job id, or null when a job for it is already waiting
 * (that job will do the work).
 */
export async function sendAnalyzeUpload(boss: PgBoss, config: JobsConfig, uploadId: string, opts: { startAfterSeconds?: number } = {}): Promise<string | null> {
  const payload: AnalyzeUploadPayload = ZAnalyzeUploadPayload.parse({ v: 1, uploadId });
  return boss.send(ANALYZE_UPLOAD_QUEUE, payload, {
    singletonKey: uploadId,
    deadLetter: ANALYZE_UPLOAD_DEAD_QUEUE,
    ...retryOptions(config),
    ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
  });
}
