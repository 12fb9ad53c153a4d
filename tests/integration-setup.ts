// Vitest global setup for integration tests: a real Postgres (DATABASE_URL, else an embedded one in
// .data/test-pg), migrated, whose URL every test file receives through inject("databaseUrl").
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { loadEnv } from "../lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedDatabase | null = null;

export async function setup(project: TestProject) {
  let url = loadEnv().DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), port: 54339 });
    url = embedded.url;
  }
  await migrate(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await embedded?.stop();
}
