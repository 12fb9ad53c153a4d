// The process's one pg-boss instance, on the same Postgres as Prisma, created on first use. Kept on
// globalThis like the Prisma client, because Next.js reloads modules in development.
import PgBoss from "pg-boss";
import { requireDatabaseUrl } from "../env";
import { checkJobsConfig, DEFAULT_JOBS_CONFIG, type JobsConfig } from "./config";
import { ensureQueues } from "./queues";

interface JobsState {
  config: JobsConfig;
  boss?: Promise<PgBoss>;
}

const g = globalThis as unknown as { faultlineJobs?: JobsState };

function state(): JobsState {
  g.faultlineJobs ??= { config: { ...DEFAULT_JOBS_CONFIG } };
  return g.faultlineJobs;
}

/** Overrides tuning for this process; only before the queue is first used, so every part agrees. */
export function configureJobs(patch: Partial<JobsConfig>): JobsConfig {
  const s = state();
  if (s.boss) throw new Error("configureJobs() must be called before the job queue is first used");
  s.config = checkJobsConfig({ ...s.config, ...patch });
  return s.config;
}

export function jobsConfig(): JobsConfig {
  return state().config;
}

export function getBoss(): Promise<PgBoss> {
  const s = state();
  s.boss ??= startBoss(s.config).catch((err: unknown) => {
    s.boss = undefined; // let the next call try again (e.g. Postgres was still starting)
    throw err;
  });
  return s.boss;
}

async function startBoss(config: JobsConfig): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: requireDatabaseUrl(),
    schema: config.schema,
    application_name: "faultline-jobs",
    max: 4,
    // Every instance supervises: pg-boss lets one of them per interval expire dead workers' jobs, so
    // recovery keeps working as long as any Faultline process is up.
    supervise: true,
    maintenanceIntervalSeconds: config.maintenanceIntervalSeconds,
    schedule: false, // no cron jobs; spares a polling loop
    migrate: true, // creates/upgrades the pgboss schema, serialised by an advisory lock
  });
  // Without a listener an 'error' event would crash the process; pg-boss retries on its own.
  boss.on("error", (err) => console.error(`[jobs] pg-boss: ${err.message}`));
  await boss.start();
  try {
    await ensureQueues(boss, config);
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  }
  return boss;
}

/** Closes the instance's connections. Call after stopping workers (startWorker().stop()). */
export async function stopBoss(): Promise<void> {
  const s = state();
  const pending = s.boss;
  s.boss = undefined;
  const boss = await pending?.catch(() => null);
  await boss?.stop({ graceful: false, wait: true });
}
