// Prisma CLI configuration. Prisma 7's CLI fetches a native schema engine at startup from a host that
// offline machines cannot reach; `generate` never uses it, so any existing path satisfies the check.
// Migrations are applied by lib/db/migrate.ts (same format and bookkeeping as `prisma migrate deploy`).
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/faultline" },
});
