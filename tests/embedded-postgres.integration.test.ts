// The fallback for machines without Postgres: a real server from npm whose data survives restarts.
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";

const dataDir = mkdtempSync(path.join(path.resolve(".data"), "embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function count(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM "Team" WHERE slug = 'embedded-check'`);
  await c.end();
  return rows[0].n;
}

it("starts, migrates, keeps data across a restart, and stops", async () => {
  const port = 54400 + Math.floor(Math.random() * 500);
  const first = await startEmbeddedPostgres({ dataDir, port });
  try {
    await migrate(first.url);
    const c = new pg.Client({ connectionString: first.url });
    await c.connect();
    await c.query(`INSERT INTO "Team" (id, slug, name) VALUES ('t-embedded', 'embedded-check', 'Embedded')`);
    await c.end();
  } finally {
    await first.stop();
  }
  await expect(count(first.url)).rejects.toThrow();
  const second = await startEmbeddedPostgres({ dataDir, port });
  try {
    expect((await migrate(second.url)).applied).toEqual([]);
    expect(await count(second.url)).toBe(1);
  } finally {
    await second.stop();
  }
});
