// `npm test`: every test against real parts. Unit and integration tests (vitest) and end-to-end tests
// (Playwright + Chromium) run against DATABASE_URL, or against an embedded Postgres when it is unset.
// Ends with one summary line "faultline: N passed, M failed" and a non-zero exit on any failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { loadEnv } from "../lib/env";

const REPORTS = path.resolve(".data/reports");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return r.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  let embedded: EmbeddedDatabase | null = null;
  if (!loadEnv().DATABASE_URL) {
    console.log("DATABASE_URL is not set: running the tests against an embedded Postgres (.data/test-pg)");
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), port: 54339 });
    process.env.DATABASE_URL = embedded.url;
  }
  const only = process.argv.slice(2);
  const want = (step: string) => only.length === 0 || only.includes(step);
  let passed = 0;
  let failed = 0;
  let stepFailed = false;
  try {
    if (want("vitest")) {
      const vitestJson = path.join(REPORTS, "vitest.json");
      const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
      const v = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
      passed += v?.numPassedTests ?? 0;
      failed += v?.numFailedTests ?? 0;
      stepFailed ||= code !== 0 || v === null;
    }
    if (want("e2e")) {
      const pwJson = path.join(REPORTS, "playwright.json");
      const code = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson });
      const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(pwJson);
      passed += (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0);
      failed += p?.stats.unexpected ?? 0;
      stepFailed ||= code !== 0 || p === null;
    }
  } finally {
    await embedded?.stop();
  }
  console.log(`\nfaultline: ${passed} passed, ${failed} failed`);
  return stepFailed || failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
