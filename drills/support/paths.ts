// Where drills and benchmarks run from and write to. Everything generated goes under drills/out/ or
// bench/out/ (both ignored by git).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DRILLS_OUT = path.join(REPO_ROOT, "drills", "out");
export const BENCH_OUT = path.join(REPO_ROOT, "bench", "out");
export const CORPUS_DIR = process.env.FAULTLINE_CORPUS ?? path.resolve(REPO_ROOT, "../shared/corpus");
/** The lock other engineers' end-to-end runs hold around `next build` / `npm start` (shared .next). */
export const E2E_LOCK = "/tmp/faultline-e2e.lock";

export function outDir(base: string, ...parts: string[]): string {
  const dir = path.join(base, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
