// Benchmark: builds a >= 1 GB log from real corpus lines (bench/make-large-log.ts), runs the analyzer on
// it and reports MB/s, lines/s and peak RSS, then times ripgrep counting lines that match the same rule
// literals on the same file, and prints the speed ratio.
//
//   npm run bench:analyze -- [--size-mb 1100] [--failure-rate 0.002] [--regenerate]
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "../lib/analysis";
import { RULES } from "../lib/analysis/rules";
import { generateLargeLog } from "./make-large-log";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizeMb = Number(arg("--size-mb", "1100"));
const failureRate = Number(arg("--failure-rate", "0.0005"));
const file = join(here, "out", `large-${sizeMb}mb-f${failureRate}.log`);

if (process.argv.includes("--regenerate") || !existsSync(file)) {
  const t = performance.now();
  const g = await generateLargeLog({ corpus: join(here, "../../shared/corpus"), out: file, sizeMb, failureRate });
  console.log(`generated ${file}: ${(g.bytes / 1e6).toFixed(0)} MB, ${g.lines} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const bytes = statSync(file).size;

// Both tools should read from the page cache: read the file once before timing anything.
for await (const _ of createReadStream(file, { highWaterMark: 4 << 20 })) void _;

// Peak RSS: sampled on a timer and at every progress report (the analyzer yields between chunks).
let peakRss = process.memoryUsage().rss;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 20);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = await analyzeFile(file, { onProgress: sample });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
clearInterval(timer);
sample();

const mbps = bytes / 1e6 / (ms / 1000);
console.log(`analyzer: ${(bytes / 1e6).toFixed(0)} MB, ${result.stats.lines} lines in ${(ms / 1000).toFixed(2)} s`);
console.log(`  ${mbps.toFixed(0)} MB/s, ${(result.stats.lines / (ms / 1000) / 1e6).toFixed(2)} M lines/s, peak RSS ${(peakRss / 1048576).toFixed(0)} MiB, CPU ${(cpuMs / 1000).toFixed(2)} s (all threads)`);
const folded = result.events.reduce((n, e) => n + e.count, 0);
console.log(`  ${result.events.length} distinct events (${folded} statements${result.stats.droppedEvents ? `, ${result.stats.droppedEvents} beyond the cap` : ""}), root cause ${result.rootCause?.class}@${result.rootCause?.line}`);

// ripgrep counts lines containing any rule literal: the same prefilter patterns the rules start from.
const patterns = join(here, "out", "rule-literals.txt");
writeFileSync(patterns, [...new Set(RULES.flatMap((r) => r.literals))].join("\n") + "\n");
const rgArgs = ["-c", "-F", "-f", patterns, file];
const probe = spawnSync("rg", ["--version"]);
if (probe.error) {
  console.log("ripgrep: not installed (apt-get install -y ripgrep), ratio not measured");
} else {
  // Best of two runs, so a busy machine does not flatter the ratio. GNU time (when installed) also
  // gives ripgrep's CPU time, which is the fairer comparison when other work competes for the cores.
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  let rgMs = Infinity;
  let rgCpuMs = Infinity;
  let count = "";
  for (let i = 0; i < 2; i++) {
    const r0 = performance.now();
    const rg = timeBin ? spawnSync(timeBin, ["-f", "%U %S", "rg", ...rgArgs], { encoding: "utf8" }) : spawnSync("rg", rgArgs, { encoding: "utf8" });
    rgMs = Math.min(rgMs, performance.now() - r0);
    count = rg.stdout.trim();
    const times = /([\d.]+) ([\d.]+)\s*$/.exec(rg.stderr ?? "");
    if (times) rgCpuMs = Math.min(rgCpuMs, (Number(times[1]) + Number(times[2])) * 1000);
  }
  const rgMbps = bytes / 1e6 / (rgMs / 1000);
  console.log(`ripgrep (${String(probe.stdout).split("\n")[0]}): rg -c -F -f <literals of ${RULES.length} rules> -> ${count} lines in ${(rgMs / 1000).toFixed(2)} s, ${rgMbps.toFixed(0)} MB/s${Number.isFinite(rgCpuMs) ? `, CPU ${(rgCpuMs / 1000).toFixed(2)} s` : ""}`);
  console.log(`ratio analyzer/ripgrep: ${(mbps / rgMbps).toFixed(2)}x by wall time (target >= 0.5x)${Number.isFinite(rgCpuMs) ? `, ${(rgCpuMs / cpuMs).toFixed(2)}x by CPU time` : ""}; peak RSS ${(peakRss / 1048576).toFixed(0)} MiB (target <= 256)`);
}
