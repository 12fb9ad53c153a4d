// `npm run bench:strace [-- --size-mb N] [--regen] [--runs N] [--direct] [--strings] [--engine] [--floor]`: analyses a
// ≥ 1 GB strace trace (built from the corpus's real traces by bench/strace-make-trace.ts, cached under
// bench/out/) the way the product does (lib/analysis analyzeFile: the engine's reader, worker threads
// scanning ahead once the trace is past FAULTLINE_PARALLEL_AFTER_MB, the strace analyzer applying their
// batches in order), and reports MB/s, CPU time, peak RSS, and the speed relative to `rg -c` counting the
// same error lines (failed syscalls and non-zero exits) in the same file during the same run, by wall time
// and by CPU time. Runs `--runs` times (default 3), each in a fresh process (so that one run's garbage and
// peak RSS do not count towards the next), and reports each run and the median.
// `--direct` also times the analyzer fed directly, in-process (LineAnalyzer.pushLines on runs of lines;
// `--strings` pushes each line as decoded text instead). `--engine` repeats the product-path figure on an
// `engine` line (bench/run-all.ts reads it). `--floor` times what any line-by-line reader in this runtime
// pays before analysing anything (reading the file; finding each line; reading each syscall name), so
// that the ratio to rg can be read against what is reachable at all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "../lib/analysis/index";
import { createStraceAnalyzer, TraceScanPool } from "../lib/analysis/strace/index";
import { readLineBatches, readLineBytes } from "../lib/analysis/strace/read-lines";
import { lineWalkFloor } from "./strace-floor";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const sizeMb = option("--size-mb", 1024);
const runs = Math.max(1, option("--runs", 3));
const corpus = join(here, "../../shared/corpus");
const out = join(here, "out", `strace-${sizeMb}mb.txt`);

// Lines the analyzer treats as errors: `= -1 E…`, `= ? E…` (ERRESTART*), `+++ exited with N +++` (N ≠ 0), `+++ killed by`.
const RG_PATTERN = String.raw`= (-1|\?) E[A-Z]|\+\+\+ (exited with [1-9]|killed by)`;

function ensureTrace(): void {
  if (!args.includes("--regen") && existsSync(out) && statSync(out).size >= sizeMb * 1024 * 1024) return;
  mkdirSync(dirname(out), { recursive: true });
  console.log(`building ${out} (${sizeMb} MB) from ${corpus} …`);
  // A child process, so building the file does not count towards this process's peak RSS.
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, "strace-make-trace.ts"), out, String(sizeMb), corpus], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("trace generation failed");
}

interface Run {
  /** Scan workers the analysis had (-1: none asked for, the trace stayed below FAULTLINE_PARALLEL_AFTER_MB). */
  workers: number;
  seconds: number;
  /** CPU time of the whole process: this thread, the scan workers, the GC and I/O threads. */
  cpuSeconds: number;
  lines: number;
  events: number;
}

// Peak RSS of the process (worker threads included), sampled while analysing and from the kernel's maximum.
let peakRss = process.memoryUsage.rss();
const sampleRss = () => void (peakRss = Math.max(peakRss, process.memoryUsage.rss()));

async function timed(f: () => Promise<{ lines: number; events: number }>): Promise<Run> {
  TraceScanPool.lastCount = -1;
  const timer = setInterval(sampleRss, 20);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  try {
    const r = await f();
    const used = process.cpuUsage(cpu);
    return { workers: TraceScanPool.lastCount, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6, ...r };
  } finally {
    clearInterval(timer);
    sampleRss();
  }
}

/** The product path: analyzeFile on the trace. */
const viaAnalyzeFile = () =>
  timed(async () => {
    const r = await analyzeFile(out, { baseDate: "2026-11-20", onProgress: sampleRss });
    return { lines: r.stats.lines, events: r.events.length };
  });

/** The analyzer fed directly in-process: runs of whole lines as bytes (pushLines), or decoded lines (`--strings`). */
const viaAnalyzer = () =>
  timed(async () => {
    const analyzer = createStraceAnalyzer("strace", { baseDate: "2026-11-20" });
    let no = 0;
    if (analyzer.pushLines && !args.includes("--strings")) {
      for (const { buf, end } of readLineBytes(out)) no += analyzer.pushLines(buf, 0, end, no + 1);
    } else {
      for (const batch of readLineBatches(out)) for (const text of batch) analyzer.push({ no: ++no, text, bytes: text.length + 1 });
    }
    return { lines: no, events: analyzer.finish().events.length };
  });

/** Best of three runs (by wall time, with the CPU time of that run when GNU time is there): rg finishes in well under a second, so one run is at the mercy of other load. */
function runRipgrep(): { seconds: number; cpuSeconds: number; count: number } | null {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  let best: { seconds: number; cpuSeconds: number; count: number } | null = null;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const r = timeBin ? spawnSync(timeBin, ["-f", "%U %S", "rg", "-c", RG_PATTERN, out], { encoding: "utf8" }) : spawnSync("rg", ["-c", RG_PATTERN, out], { encoding: "utf8" });
    if (r.error || (r.status !== 0 && r.status !== 1)) return null;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const times = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? "");
    const cpuSeconds = times ? Number(times[1]) + Number(times[2]) : NaN;
    if (!best || seconds < best.seconds) best = { seconds, cpuSeconds, count: Number(r.stdout.trim() || 0) };
  }
  return best;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** One measurement in a fresh process (this script with `--child WHAT`): its run and peak RSS. */
function inChild(what: "product" | "direct"): Run & { peakRss: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args, "--child", what], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const line = r.stdout.split("\n").find((l) => l.startsWith("{"));
  if (r.status !== 0 || !line) throw new Error(`benchmark run failed (${what}): ${r.stdout}`);
  return JSON.parse(line) as Run & { peakRss: number };
}

async function child(what: string): Promise<void> {
  const run = what === "direct" ? await viaAnalyzer() : await viaAnalyzeFile();
  console.log(JSON.stringify({ ...run, peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) }));
}

async function main(): Promise<void> {
  if (args.includes("--child")) return child(args[args.indexOf("--child") + 1]);
  ensureTrace();
  const mb = statSync(out).size / (1024 * 1024);
  spawnSync("rg", ["-c", RG_PATTERN, out]); // warm the page cache so both readers start from the same state
  const product: (Run & { peakRss: number })[] = [];
  for (let i = 0; i < runs; i++) product.push(inChild("product"));
  const direct = args.includes("--direct") ? inChild("direct") : null;
  const rg = runRipgrep();
  peakRss = Math.max(...product.map((r) => r.peakRss));

  const a = product.find((r) => r.seconds === median(product.map((p) => p.seconds)))!;
  const cpu = median(product.map((p) => p.cpuSeconds));
  const mbps = mb / a.seconds;
  const range = (f: (r: Run) => number, digits = 1) => `${Math.min(...product.map(f)).toFixed(digits)}–${Math.max(...product.map(f)).toFixed(digits)}`;
  console.log(`file            ${out} (${mb.toFixed(0)} MB, ${a.lines.toLocaleString()} lines)`);
  const workers = [...new Set(product.map((r) => r.workers))].join("/");
  console.log(`analyzer        ${a.seconds.toFixed(2)} s  ${mbps.toFixed(1)} MB/s  ${a.events} events  (analyzeFile, ${workers} scan worker(s), median of ${runs}; CPU ${cpu.toFixed(2)} s: ${(mb / cpu).toFixed(1)} MB/s of CPU, all threads)`);
  console.log(`runs            ${product.map((r) => `${(mb / r.seconds).toFixed(0)} MB/s (CPU ${r.cpuSeconds.toFixed(2)} s, ${r.workers} worker${r.workers === 1 ? "" : "s"})`).join(", ")}; range ${range((r) => mb / r.seconds)} MB/s`);
  console.log(`peak RSS        ${(peakRss / 1024 / 1024).toFixed(0)} MB (target ≤ 256 MB; the highest of the runs: ${product.map((r) => (r.peakRss / 1024 / 1024).toFixed(0)).join(", ")} MB)`);
  if (rg) {
    const rgMbps = mb / rg.seconds;
    const byCpu = Number.isFinite(rg.cpuSeconds) ? `, ${(rg.cpuSeconds / cpu).toFixed(3)}× by CPU time (rg ${rg.cpuSeconds.toFixed(2)} s)` : "";
    console.log(`rg -c           ${rg.seconds.toFixed(2)} s  ${rgMbps.toFixed(1)} MB/s  ${rg.count.toLocaleString()} error lines`);
    console.log(`ratio           ${(mbps / rgMbps).toFixed(2)}× rg (target ≥ 0.5×); runs ${range((r) => mb / r.seconds / rgMbps, 2)}×${byCpu}`);
  } else console.log("rg -c           not available (apt-get install -y ripgrep)");
  if (direct) {
    console.log(`direct          ${direct.seconds.toFixed(2)} s  ${(mb / direct.seconds).toFixed(1)} MB/s  ${direct.events} events (the analyzer fed in-process${args.includes("--strings") ? ", lines as text" : ""}; CPU ${direct.cpuSeconds.toFixed(2)} s, peak RSS ${(direct.peakRss / 1024 / 1024).toFixed(0)} MB)`);
  }
  if (args.includes("--floor")) {
    for (const f of lineWalkFloor(out)) {
      const vsRg = rg ? `, ${(rg.seconds / f.seconds).toFixed(2)}× rg` : "";
      console.log(`floor           ${f.seconds.toFixed(2)} s  ${(mb / f.seconds).toFixed(0)} MB/s${vsRg}  ${f.what} (one thread, no analysis)`);
    }
  }
  if (args.includes("--engine")) console.log(`engine          ${a.seconds.toFixed(2)} s  ${mbps.toFixed(1)} MB/s  ${a.events} events (analyzeFile: the engine's reader + this analyzer)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
