// Keeps a running job's lease alive. If this process dies the renewals stop, the lease runs out within
// leaseSeconds and pg-boss's maintenance retries the job on another worker. If a renewal finds the
// job no longer ours, the run is aborted so two workers never keep writing the same upload.
import type PgBoss from "pg-boss";
import { renewLease } from "./pgboss-sql";

export class LeaseLostError extends Error {
  constructor(jobId: string, why: string) {
    super(`lost the lease on job ${jobId}: ${why}`);
  }
}

export interface Lease {
  /** Aborted when the lease is lost; pass it to the work so it stops early. */
  readonly signal: AbortSignal;
  release(): void;
}

export async function holdLease(db: PgBoss.Db, opts: { schema: string; queue: string; jobId: string; seconds: number }): Promise<Lease> {
  const { schema, queue, jobId, seconds } = opts;
  const controller = new AbortController();
  const lose = (why: string) => {
    if (!controller.signal.aborted) controller.abort(new LeaseLostError(jobId, why));
  };
  // Renew at once: a retried job still carries the stretched expiry of its previous attempt.
  if (!(await renewLease(db, schema, queue, jobId, seconds))) lose("the job is no longer active");
  let renewedAt = Date.now();
  let renewing = false;
  const timer = setInterval(
    async () => {
      if (renewing || controller.signal.aborted) return;
      renewing = true;
      try {
        if (await renewLease(db, schema, queue, jobId, seconds)) renewedAt = Date.now();
        else lose("its lease ran out and it was handed to another worker");
      } catch (err) {
        // A database hiccup: keep trying until the lease may have run out, then give up the run.
        if (Date.now() - renewedAt > seconds * 1000) lose(`could not renew it: ${(err as Error).message}`);
      } finally {
        renewing = false;
      }
    },
    Math.max(250, (seconds * 1000) / 4),
  );
  return {
    signal: controller.signal,
    release: () => clearInterval(timer),
  };
}
