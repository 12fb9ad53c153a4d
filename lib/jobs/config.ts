// Tuning of the job queue, one set per process. The defaults suit production; tests and
// `npm run worker` flags override them before the queue is first used.

export interface JobsConfig {
  /** Postgres schema pg-boss keeps its tables in (not managed by Prisma migrations). */
  schema: string;
  /**
   * A running job's lease: its worker renews it every leaseSeconds/4, and a job whose lease ran out
   * (its worker died) is retried. Short enough to recover quickly, long enough to ride out a GC pause.
   */
  leaseSeconds: number;
  /** How often this process looks for expired leases; across all processes it runs at most this often. */
  maintenanceIntervalSeconds: number;
  /** Attempts after the first one, spaced by retryDelaySeconds doubling each time (plus jitter). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often an idle worker asks Postgres for work. */
  pollIntervalMs: number;
}

export const DEFAULT_JOBS_CONFIG: Readonly<JobsConfig> = Object.freeze({
  schema: "pgboss",
  leaseSeconds: 60,
  maintenanceIntervalSeconds: 30,
  retryLimit: 4,
  retryDelaySeconds: 10,
  pollIntervalMs: 1000,
});

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

export function checkJobsConfig(c: JobsConfig): JobsConfig {
  // The schema name is interpolated into SQL (pg-boss does the same), so only plain identifiers pass.
  if (!SCHEMA_NAME.test(c.schema)) throw new Error(`invalid job queue schema name ${JSON.stringify(c.schema)}`);
  for (const k of ["leaseSeconds", "maintenanceIntervalSeconds", "retryDelaySeconds"] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 1) throw new Error(`job queue ${k} must be a whole number >= 1`);
  }
  if (!Number.isInteger(c.retryLimit) || c.retryLimit < 0) throw new Error("job queue retryLimit must be a whole number >= 0");
  if (!(c.pollIntervalMs >= 100)) throw new Error("job queue pollIntervalMs must be >= 100");
  return c;
}
