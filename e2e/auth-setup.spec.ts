// The first visitor of a fresh install creates the admin. The shared test database already has
// users, so this starts its own server (the same build) on a scratch database.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { expect, SIGNED_OUT, test } from "./fixtures";
import { screenshotBoth } from "./support";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const BASE = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | null = null;
let dropDatabase: (() => Promise<void>) | null = null;

test.beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm test sets it)");
  const name = `fl_e2e_setup_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  await migrate(scratch.toString());
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  server = spawn(process.execPath, [nextBin, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: scratch.toString(), PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 300) throw new Error("the scratch server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await dropDatabase?.();
});

test.use({ storageState: SIGNED_OUT });

test("the first visitor creates the admin on /setup, which is gone afterwards", async ({ page }) => {
  await page.goto(`${BASE}/incidents/whatever`);
  await expect(page).toHaveURL(`${BASE}/setup`);
  await expect(page.getByRole("heading", { name: "Set up Faultline" })).toBeVisible();
  await screenshotBoth(page, "setup");

  await page.getByLabel("Email").fill("admin@faultline.test");
  await page.getByLabel("Password").fill("the admin's long password");
  await page.getByLabel("Team name").fill("Platform");
  await page.getByRole("button", { name: "Create the admin account" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.goto(`${BASE}/settings`);
  await expect(page.getByTestId("account-email")).toHaveText("admin@faultline.test");
  await expect(page.getByText("Administrator")).toBeVisible();
  await expect(page.getByRole("region", { name: "Teams" })).toContainText("Platform");
  expect((await page.goto(`${BASE}/setup`))?.status()).toBe(404);
});
