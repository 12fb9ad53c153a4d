// The few queries Faultline runs on pg-boss's own job table, all in one place. pg-boss 10 has no
// public API for them: no lease renewal (heartbeats arrived in later majors, which need Node 22) and
// no lookup by singletonKey. Written against pg-boss 10.4.x (schema version 24; jobs live in
// `<schema>.job`, partitioned by queue name); tests/jobs-*.integration.test.ts exercise each one.
import type PgBoss from "pg-boss";

type Db = Pick<PgBoss.Db, "executeSql">;

/**
 * Moves the job's expiry to `seconds` from now while it is still active. False when it is no longer
 * active (its lease ran out and pg-boss retried or failed it, or it was cancelled).
 */
export async function renewLease(db: Db, schema: string, queue: string, jobId: string, seconds: number): Promise<boolean> {
  const { rows } = await db.executeSql(
    `UPDATE ${schema}.job SET expire_in = (now() - started_on) + $3::int * interval '1 second'
     WHERE name = $1 AND id = $2 AND state = 'active' RETURNING id`,
    [queue, jobId, seconds],
  );
  return rows.length === 1;
}

/** Seconds left on the lease of another active job with the same key (another worker's run), or null. */
export async function otherActiveRun(db: Db, schema: string, queue: string, key: string, jobId: string): Promise<number | null> {
  const { rows } = await db.executeSql(
    `SELECT EXTRACT(epoch FROM started_on + expire_in - now())::float8 AS remaining FROM ${schema}.job
     WHERE name = $1 AND singleton_key = $2 AND id <> $3 AND state = 'active' AND started_on + expire_in > now()
     LIMIT 1`,
    [queue, key, jobId],
  );
  return rows.length ? Number(rows[0].remaining) : null;
}

/** Which of these keys have a job that will still run or is running (created, retry or active). */
export async function keysWithPendingJobs(db: Db, schema: string, queue: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await db.executeSql(
    `SELECT DISTINCT singleton_key AS key FROM ${schema}.job
     WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state < 'completed'`,
    [queue, keys],
  );
  return new Set(rows.map((r: { key: string }) => r.key));
}
