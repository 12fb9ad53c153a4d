import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, migrate, MIGRATIONS_DIR } from "../lib/db/migrate";
import { readCatalog, scratchDatabase } from "./support/catalog";
import { connectTestDatabase } from "./support/db";
import { loadDmmf, renderDdl } from "./support/schema-ddl";

const baseUrl = connectTestDatabase();
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
});

describe("offline migrations", () => {
  it("apply once, record Prisma's bookkeeping, and are a no-op the second time", async () => {
    const db = await scratchDatabase(baseUrl, "fl_migrate");
    drops.push(db.drop);
    const first = await migrate(db.url);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await migrate(db.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(listMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("leave nothing behind when a migration fails", async () => {
    const db = await scratchDatabase(baseUrl, "fl_migrate_fail");
    drops.push(db.drop);
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const dir = mkdtempSync("/tmp/fl-mig-");
    mkdirSync(`${dir}/1_ok`);
    writeFileSync(`${dir}/1_ok/migration.sql`, `CREATE TABLE "A" (id int);`);
    mkdirSync(`${dir}/2_bad`);
    writeFileSync(`${dir}/2_bad/migration.sql`, `CREATE TABLE "B" (id int); SELECT * FROM "Missing";`);
    await expect(migrate(db.url, { dir })).rejects.toThrow(/2_bad failed/);
    const catalog = await readCatalog(db.url);
    expect(catalog.columns.some((c) => c.startsWith("A |"))).toBe(true);
    expect(catalog.columns.some((c) => c.startsWith("B |"))).toBe(false);
  });

  it("tokens made before the write scope keep editing; read-only ones do not gain it", async () => {
    const db = await scratchDatabase(baseUrl, "fl_migrate_scope");
    drops.push(db.drop);
    const { cpSync, mkdtempSync } = await import("node:fs");
    const all = listMigrations();
    const at = all.findIndex((m) => m.name.endsWith("_api_token_write_scope"));
    expect(at).toBeGreaterThan(0);
    // The database as it was before that migration, with tokens in it.
    const before = mkdtempSync("/tmp/fl-mig-");
    for (const m of all.slice(0, at)) cpSync(`${MIGRATIONS_DIR}/${m.name}`, `${before}/${m.name}`, { recursive: true });
    await migrate(db.url, { dir: before });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Team" (id, name, slug) VALUES ('t1', 'T', 't')`);
      for (const [id, scopes] of [["ci", "{upload,read}"], ["ro", "{read}"], ["up", "{upload}"]]) {
        await client.query(`INSERT INTO "ApiToken" (id, "teamId", name, "tokenHash", scopes) VALUES ($1, 't1', $1, $1, $2)`, [id, scopes]);
      }
      expect((await migrate(db.url)).applied).toEqual(all.slice(at).map((m) => m.name));
      const { rows } = await client.query(`SELECT id, scopes FROM "ApiToken" ORDER BY id`);
      expect(Object.fromEntries(rows.map((r) => [r.id, r.scopes]))).toEqual({ ci: ["upload", "read", "write"], ro: ["read"], up: ["upload", "write"] });
    } finally {
      await client.end();
    }
  });
});

describe("schema drift", () => {
  it("prisma/schema.prisma and prisma/migrations describe the same database", async () => {
    const fromMigrations = await scratchDatabase(baseUrl, "fl_drift_mig");
    const fromSchema = await scratchDatabase(baseUrl, "fl_drift_schema");
    drops.push(fromMigrations.drop, fromSchema.drop);
    await migrate(fromMigrations.url);
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(renderDdl(await loadDmmf()));
    await client.end();
    const [a, b] = await Promise.all([readCatalog(fromMigrations.url), readCatalog(fromSchema.url)]);
    // On failure the diff names what a new migration must add (see `npm run db:sql`).
    expect(a).toEqual(b);
  });
});
