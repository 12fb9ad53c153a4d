// A plain node-postgres pool beside the Prisma client, for what Prisma cannot do: COPY streams.
import pg from "pg";
import { requireDatabaseUrl } from "../env";

const globalForPg = globalThis as unknown as { faultlinePgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPg.faultlinePgPool ??= new pg.Pool({ connectionString: requireDatabaseUrl(), max: 4 });
  return globalForPg.faultlinePgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPg.faultlinePgPool?.end();
  globalForPg.faultlinePgPool = undefined;
}
