// Decides which database Faultline talks to and brings its schema up to date. With DATABASE_URL the
// given server is used; without it an embedded Postgres is started in the data dir.
import { env, setDatabaseUrl } from "../env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { migrate } from "./migrate";

export interface ReadyDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export async function prepareDatabase(log: (m: string) => void = console.log): Promise<ReadyDatabase> {
  const e = env();
  let embedded: EmbeddedDatabase | null = null;
  let url = e.DATABASE_URL;
  if (!url) {
    log(`DATABASE_URL is not set: starting embedded Postgres (data in ${e.FAULTLINE_DATA_DIR})`);
    embedded = await startEmbeddedPostgres({ dataDir: e.FAULTLINE_DATA_DIR, port: e.FAULTLINE_EMBEDDED_PG_PORT, log });
    url = embedded.url;
    setDatabaseUrl(url);
  }
  try {
    const result = await migrate(url, { log });
    log(`database ready (${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied)`);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return { url, embedded };
}
