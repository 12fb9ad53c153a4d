// The one server-side Prisma client. Next.js reloads modules in development, so the instance is kept
// on globalThis to avoid opening a new pool on every reload.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { requireDatabaseUrl } from "../env";

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.faultlinePrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl(), max: 10 }),
  });
  return globalForPrisma.faultlinePrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.faultlinePrisma?.$disconnect();
  globalForPrisma.faultlinePrisma = undefined;
}
