// `npm run bench:strace [-- --size-mb N] [--regen] [--engine] [--strings]`: streams a ≥ 1 GB strace trace
// (built from the corpus's real traces by bench/strace-make-trace.ts, cached under bench/out/) through the
// strace analyzer and reports MB/s, peak RSS, and the speed relative to `rg -c` counting the same error
// lines (failed syscalls and non-zero exits) in the same file during the same run. The analyzer is fed
// the way the engine feeds it: runs of whole lines as bytes (LineAnalyzer.pushLines); `--strings` pushes
// each line as decoded text instead, `--engine` also times lib/analysis analyzeFile on the file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStraceAnalyzer } from "../lib/analysis/strace/index";
import { readLineBatches, readLineBytes } from "../lib/analysis/strace/read-lines";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const sizeArg = args.indexOf("--size-mb");
const sizeMb = sizeArg >= 0 ? Number(args[sizeArg + 1]) : 1024;
const corpus = join(here, "../../shared/corpus");
const out = join(here, "out", `strace-${sizeMb}mb.txt`);

// Lines the analyzer treats as errors: `= -1 E…`, `= ? E…` (ERESTART*), `+++ exited with N +++` (N ≠ 0), `+++ killed by`.
const RG_PATTERN = String.raw`= (-1|\?) E[A-Z]|\+\+\+ (exited with [1-9]|killed by)`;

function ensureTrace(): void {
  if (!args.includes("--regen") && existsSync(out) && statSync(out).size >= sizeMb * 1024 * 1024) return;
  mkdirSync(dirname(out), { recursive: true });
  console.log(`building ${out} (${sizeMb} MB) from ${corpus} …`);
  // A child process, so building the file does not count towards this process's peak RSS.
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, "strace-make-trace.ts"), out, String(sizeMb), corpus], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("trace generation failed");
}

async function runAnalyzer(): Promise<{ seconds: number; cpuSeconds: number; lines: number; events: number; peakRss: number }> {
  const analyzer = createStraceAnalyzer("strace", { baseDate: "2026-11-20" });
  let no = 0;
  let peakRss = process.memoryUsage.rss();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  if (analyzer.pushLines && !args.includes("--strings")) {
    // The engine's way: complete lines as bytes, decoded only when the analyzer needs their text.
    for (const { buf, end } of readLineBytes(out)) {
      no += analyzer.pushLines(buf, 0, end, no + 1);
      const rss = process.memoryUsage.rss();
      if (rss > peakRss) peakRss = rss;
    }
  } else {
    for (const batch of readLineBatches(out)) {
      for (const text of batch) analyzer.push({ no: ++no, text, bytes: text.length + 1 });
      const rss = process.memoryUsage.rss();
      if (rss > peakRss) peakRss = rss;
    }
  }
  const result = analyzer.finish();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, lines: no, events: result.events.length, peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) };
}

/** The same file through the engine's own reader (lib/analysis analyzeFile), when it is there. */
async function runEngine(): Promise<{ seconds: number; events: number } | null> {
  try {
    const engine = (await import("../lib/analysis/index")) as { analyzeFile?: (p: string, o?: object) => Promise<{ events: unknown[] }> };
    if (!engine.analyzeFile) return null;
    const started = process.hrtime.bigint();
    const r = await engine.analyzeFile(out, { baseDate: "2026-11-20" });
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, events: r.events.length };
  } catch {
    return null;
  }
}

/** Best of three runs: rg finishes in well under a second, so one run is at the mercy of other load. */
function runRipgrep(): { seconds: number; count: number } | null {
  let best: { seconds: number; count: number } | null = null;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync("rg", ["-c", RG_PATTERN, out], { encoding: "utf8" });
    if (r.error || (r.status !== 0 && r.status !== 1)) return null;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!best || seconds < best.seconds) best = { seconds, count: Number(r.stdout.trim() || 0) };
  }
  return best;
}

async function main(): Promise<void> {
  ensureTrace();
  const mb = statSync(out).size / (1024 * 1024);
  spawnSync("rg", ["-c", RG_PATTERN, out]); // warm the page cache so both readers start from the same state
  const a = await runAnalyzer();
  const rg = runRipgrep();
  const mbps = mb / a.seconds;
  console.log(`file            ${out} (${mb.toFixed(0)} MB, ${a.lines.toLocaleString()} lines)`);
  console.log(`analyzer        ${a.seconds.toFixed(2)} s  ${mbps.toFixed(1)} MB/s  ${a.events} events  (CPU ${a.cpuSeconds.toFixed(2)} s: ${(mb / a.cpuSeconds).toFixed(1)} MB/s of CPU)`);
  console.log(`peak RSS        ${(a.peakRss / 1024 / 1024).toFixed(0)} MB (target ≤ 256 MB)`);
  if (rg) {
    const rgMbps = mb / rg.seconds;
    console.log(`rg -c           ${rg.seconds.toFixed(2)} s  ${rgMbps.toFixed(1)} MB/s  ${rg.count.toLocaleString()} error lines`);
    console.log(`ratio           ${(mbps / rgMbps).toFixed(2)}× rg (target ≥ 0.5×)`);
  } else console.log("rg -c           not available (apt-get install -y ripgrep)");
  if (args.includes("--engine")) {
    const e = await runEngine();
    if (e) console.log(`engine          ${e.seconds.toFixed(2)} s  ${(mb / e.seconds).toFixed(1)} MB/s  ${e.events} events (analyzeFile: the engine's reader + this analyzer)`);
    else console.log("engine          analyzeFile not available");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
