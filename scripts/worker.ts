// `npm run worker`: a standalone analysis worker for scale. Run any number, on any machines, with
// DATABASE_URL pointing at the Postgres `npm start` uses; they share the queue in that database.
// SIGINT/SIGTERM lets running jobs finish (up to --stop-timeout) and hands the rest back to the queue.
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { env, EnvError } from "../lib/env";
import { configureJobs, stopBoss } from "../lib/jobs/boss";
import type { JobsConfig } from "../lib/jobs/config";
import { startWorker } from "../lib/jobs/worker";

const USAGE = `usage: npm run worker -- [--concurrency N] [--lease-seconds N] [--maintenance-seconds N] [--schema NAME] [--stop-timeout SECONDS]
  --concurrency          jobs run at once by this process (default 2)
  --lease-seconds        a dead worker's job is retried this long after its last sign of life (default 60)
  --maintenance-seconds  how often to look for such jobs (default 30)
  --schema               Postgres schema of the queue tables (default pgboss)
  --stop-timeout         on SIGTERM, how long running jobs may finish before they are handed back (default 10)`;

function wholeNumber(name: string, raw: string | undefined, min = 1): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new EnvError(`--${name} must be a whole number >= ${min}, got ${JSON.stringify(raw)}\n${USAGE}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string" },
      "lease-seconds": { type: "string" },
      "maintenance-seconds": { type: "string" },
      schema: { type: "string" },
      "stop-timeout": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!env().DATABASE_URL) throw new EnvError("DATABASE_URL is not set: point it at the Postgres that `npm start` uses (for the embedded one: postgresql://faultline:faultline@127.0.0.1:54329/faultline)");
  const patch: Partial<JobsConfig> = {};
  const lease = wholeNumber("lease-seconds", values["lease-seconds"]);
  const maintenance = wholeNumber("maintenance-seconds", values["maintenance-seconds"]);
  if (lease !== undefined) patch.leaseSeconds = lease;
  if (maintenance !== undefined) patch.maintenanceIntervalSeconds = maintenance;
  if (values.schema !== undefined) patch.schema = values.schema;
  try {
    configureJobs(patch);
  } catch (err) {
    throw new EnvError(`${(err as Error).message}\n${USAGE}`);
  }
  const stopTimeout = wholeNumber("stop-timeout", values["stop-timeout"], 0) ?? 10;
  const worker = await startWorker({ concurrency: wholeNumber("concurrency", values.concurrency) ?? 2 });

  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      console.log(`[worker] ${signal} received, stopping`);
      process.once(signal, () => process.exit(130)); // a second signal: stop waiting
      resolve();
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
  await worker.stop({ timeoutMs: stopTimeout * 1000 });
  await stopBoss();
  await disconnectDb();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[worker] ${err instanceof EnvError ? err.message : (err as Error).stack ?? err}`);
    process.exit(err instanceof EnvError ? 2 : 1);
  },
);
