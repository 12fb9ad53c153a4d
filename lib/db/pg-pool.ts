// A plain node-postgres pool beside the Prisma client, for what Prisma cannot do: COPY streams.
import pg from "pg";
import { requireDatabaseUrl } from "../env";

const globalForPg = globalThis as unknown as { faultlinePgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  if (!globalForPg.faultlinePgPool) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 4 });
    // An idle client whose server goes away (Postgres restart, failover) emits 'error' on the pool;
    // without a listener Node treats it as unhandled and kills the whole server. The pool drops the
    // broken client by itself, and the next query either reconnects or fails with a retryable error.
    pool.on("error", (err) => console.error(`[faultline] idle Postgres connection lost: ${err.message}`));
    globalForPg.faultlinePgPool = pool;
  }
  return globalForPg.faultlinePgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPg.faultlinePgPool?.end();
  globalForPg.faultlinePgPool = undefined;
}
