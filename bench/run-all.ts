// `npm run bench`: every benchmark, one after the other (they would only slow each other down on two
// cores), each in its own process, then one table of figures with the baseline measured in the same
// run (ripgrep for scanning, a bare COPY for ingest, a one-upload incident for the page).
//
//   npm run bench -- [--full] [--only analyze,strace,ingest,page] [--analyze-mb N] [--strace-mb N]
//                    [--ingest-rows N] [--page-events N]
//
// Defaults finish in a few minutes; --full uses the issue's sizes (a 1.1 GB build log, a 1 GB strace
// trace, 1M events). Generated inputs are cached under bench/out/. Ingest and the page benchmark use
// DATABASE_URL, else an embedded Postgres in bench/out/pg-data (port 54421).
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "../drills/support/database";
import { BENCH_OUT, outDir, REPO_ROOT } from "../drills/support/paths";

const { values } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    only: { type: "string" },
    "analyze-mb": { type: "string" },
    "strace-mb": { type: "string" },
    "ingest-rows": { type: "string" },
    "page-events": { type: "string" },
    "pg-port": { type: "string", default: "54421" },
  },
});
const full = values.full;
const sizes = {
  analyzeMb: Number(values["analyze-mb"] ?? (full ? 1100 : 256)),
  straceMb: Number(values["strace-mb"] ?? (full ? 1024 : 256)),
  ingestRows: Number(values["ingest-rows"] ?? (full ? 1_000_000 : 200_000)),
  pageEvents: Number(values["page-events"] ?? 100_000),
};
const ALL = ["analyze", "strace", "ingest", "page"] as const;
type Bench = (typeof ALL)[number];
const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...ALL];
for (const o of only) if (!(ALL as readonly string[]).includes(o)) throw new Error(`unknown benchmark ${o}; benchmarks: ${ALL.join(", ")}`);

interface Row {
  bench: string;
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: "met" | "NOT MET" | "-" | "?";
}

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; seconds: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n$ tsx bench/${script} ${args.join(" ")}`);
    const child = spawn(process.execPath, ["--import", "tsx", `bench/${script}`, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const echo = (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d.toString().replace(/^(?=.)/gm, "  "));
    };
    child.stdout.on("data", echo);
    child.stderr.on("data", echo);
    child.on("exit", (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const num = (m: RegExpExecArray | null, i = 1) => (m ? Number(m[i].replace(/,/g, "")) : NaN);
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "?");
const verdict = (ok: boolean | null): Row["verdict"] => (ok === null ? "?" : ok ? "met" : "NOT MET");

function analyzeRows(out: string): Row[] {
  const a = /^analyzer: (\d+) MB, (\d+) lines in ([\d.]+) s/m.exec(out);
  const speed = /^\s+(\d+) MB\/s, [\d.]+ M lines\/s, peak RSS (\d+) MiB/m.exec(out);
  const rg = /^ripgrep .*-> (\d+) lines in ([\d.]+) s, (\d+) MB\/s/m.exec(out);
  const ratio = /^ratio analyzer\/ripgrep: ([\d.]+)x by wall time[^,;]*(?:, ([\d.]+)x by CPU time)?/m.exec(out);
  const mb = num(a);
  const r = num(ratio);
  return [
    { bench: `analyze (${mb} MB build log)`, figure: "throughput", value: `${num(speed)} MB/s (${num(a, 3)} s)`, baseline: rg ? `rg -c: ${num(rg, 3)} MB/s (${num(rg, 2)} s)` : "rg missing", ratio: `${x(r)} wall${ratio?.[2] ? `, ${x(Number(ratio[2]))} CPU` : ""}`, target: "≥ 0.5×", verdict: verdict(Number.isFinite(r) ? r >= 0.5 : null) },
    { bench: `analyze (${mb} MB build log)`, figure: "peak RSS", value: `${num(speed, 2)} MiB`, baseline: "-", ratio: "-", target: "≤ 256 MiB", verdict: verdict(Number.isFinite(num(speed, 2)) ? num(speed, 2) <= 256 : null) },
  ];
}

function straceRows(out: string): Row[] {
  const file = /^file\s+.*\((\d+) MB/m.exec(out);
  const a = /^analyzer\s+([\d.]+) s\s+([\d.]+) MB\/s/m.exec(out);
  const rss = /^peak RSS\s+(\d+) MB/m.exec(out);
  const rg = /^rg -c\s+([\d.]+) s\s+([\d.]+) MB\/s/m.exec(out);
  const ratio = /^ratio\s+([\d.]+)×/m.exec(out);
  const engine = /^engine\s+([\d.]+) s\s+([\d.]+) MB\/s/m.exec(out);
  const r = num(ratio);
  const rows: Row[] = [
    { bench: `strace (${num(file)} MB trace)`, figure: "throughput", value: `${num(a, 2)} MB/s (${num(a)} s)`, baseline: rg ? `rg -c: ${num(rg, 2)} MB/s (${num(rg)} s)` : "rg missing", ratio: x(r), target: "≥ 0.5×", verdict: verdict(Number.isFinite(r) ? r >= 0.5 : null) },
    { bench: `strace (${num(file)} MB trace)`, figure: "peak RSS", value: `${num(rss)} MB`, baseline: "-", ratio: "-", target: "≤ 256 MB", verdict: verdict(Number.isFinite(num(rss)) ? num(rss) <= 256 : null) },
  ];
  if (engine && rg) {
    const er = num(engine, 2) / num(rg, 2);
    rows.push({ bench: `strace (${num(file)} MB trace)`, figure: "via analyzeFile (product path)", value: `${num(engine, 2)} MB/s (${num(engine)} s)`, baseline: `rg -c: ${num(rg, 2)} MB/s`, ratio: x(er), target: "≥ 0.5×", verdict: verdict(er >= 0.5) });
  }
  return rows;
}

function ingestRows(out: string): Row[] {
  const n = /^events written\s+([\d,]+)/m.exec(out);
  const ours = /^faultline event writer\s+([\d.]+) s, ([\d,]+) rows\/s/m.exec(out);
  const copy = /^raw COPY \(baseline\)\s+([\d.]+) s, ([\d,]+) rows\/s/m.exec(out);
  const ratio = /^ratio ours\/COPY\s+([\d.]+)x/m.exec(out);
  const r = num(ratio);
  return [
    { bench: `ingest (${n ? n[1] : "?"} events)`, figure: "write time", value: `${num(ours)} s (${ours?.[2] ?? "?"} rows/s)`, baseline: `raw COPY: ${num(copy)} s (${copy?.[2] ?? "?"} rows/s)`, ratio: x(r), target: "≤ 2×", verdict: verdict(Number.isFinite(r) ? r <= 2 : null) },
  ];
}

interface PageJson {
  events: number;
  dataP50: number;
  big: { ttfbP50: number; ttfbP95: number; totalP50: number; totalP95: number; htmlBytes: number; eventRows: number };
  small: { ttfbP50: number; ttfbP95: number; totalP50: number; totalP95: number; htmlBytes: number };
  bigBrowser: { lcp: number; tbt: number };
  smallBrowser: { lcp: number };
  scroll: { fps: number; frameP95: number; jank: number; longTasks: number; longTaskMs: number; jumpMs: number; lines: number; blankFrames: number; frames: number };
}

function pageRows(out: string): Row[] {
  const line = /^bench-json (.*)$/m.exec(out);
  if (!line) return [{ bench: "incident page", figure: "-", value: "no result (see the output above)", baseline: "-", ratio: "-", target: "-", verdict: "?" }];
  const j = JSON.parse(line[1]) as PageJson;
  const m = (n: number) => `${Math.round(n)} ms`;
  const name = `incident page (${j.events.toLocaleString("en-US")} events)`;
  return [
    { bench: name, figure: "TTFB p50 / p95", value: `${m(j.big.ttfbP50)} / ${m(j.big.ttfbP95)}`, baseline: `1-upload incident: ${m(j.small.ttfbP50)} / ${m(j.small.ttfbP95)}`, ratio: x(j.big.ttfbP95 / j.small.ttfbP95), target: "< 300 ms (p95)", verdict: verdict(j.big.ttfbP95 < 300) },
    { bench: name, figure: "full response p50 / p95", value: `${m(j.big.totalP50)} / ${m(j.big.totalP95)}, ${(j.big.htmlBytes / 1048576).toFixed(1)} MiB HTML`, baseline: `${m(j.small.totalP50)} / ${m(j.small.totalP95)}, ${(j.small.htmlBytes / 1024).toFixed(0)} KiB`, ratio: x(j.big.totalP95 / j.small.totalP95), target: "-", verdict: "-" },
    { bench: name, figure: "getIncident() in-process p50", value: m(j.dataP50), baseline: "-", ratio: "-", target: "-", verdict: "-" },
    { bench: name, figure: "LCP (headless Chromium) p50", value: `${m(j.bigBrowser.lcp)} (blocking ${m(j.bigBrowser.tbt)})`, baseline: m(j.smallBrowser.lcp), ratio: x(j.bigBrowser.lcp / j.smallBrowser.lcp), target: "< 2500 ms", verdict: verdict(j.bigBrowser.lcp < 2500) },
    { bench: `log viewer (${j.scroll.lines.toLocaleString("en-US")} lines)`, figure: "scroll 100 px/frame", value: `${j.scroll.fps.toFixed(0)} fps, p95 frame ${m(j.scroll.frameP95)}, ${j.scroll.jank} frames > 50 ms, ${j.scroll.longTasks} long tasks`, baseline: "60 fps display", ratio: "-", target: "p95 frame ≤ 34 ms (2 frames)", verdict: verdict(j.scroll.frameP95 <= 34) },
    { bench: `log viewer (${j.scroll.lines.toLocaleString("en-US")} lines)`, figure: "jump to the middle, rows filled", value: m(j.scroll.jumpMs), baseline: "-", ratio: "-", target: "-", verdict: "-" },
  ];
}

function table(rows: Row[]): string {
  const head: Row = { bench: "benchmark", figure: "figure", value: "measured", baseline: "baseline (same run)", ratio: "ratio", target: "target", verdict: "-" };
  const cols = ["bench", "figure", "value", "baseline", "ratio", "target", "verdict"] as const;
  const all = [head, ...rows];
  const width = cols.map((c) => Math.max(...all.map((r) => String(r[c]).length)));
  const fmtRow = (r: Row) => cols.map((c, i) => String(c === "verdict" && r === head ? "verdict" : r[c]).padEnd(width[i])).join("  ").trimEnd();
  return [fmtRow(head), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmtRow)].join("\n");
}

async function main(): Promise<number> {
  outDir(BENCH_OUT);
  const started = Date.now();
  let database: Database | null = null;
  const env: Record<string, string> = {};
  if (only.includes("ingest") || only.includes("page")) {
    database = await openDatabase({ dataDir: outDir(BENCH_OUT, "pg-data"), port: Number(values["pg-port"]), useEnv: true, log: (m) => console.log(`[bench] ${m}`) });
    env.DATABASE_URL = database.url;
  }
  const rows: Row[] = [];
  const failures: string[] = [];
  const plan: Record<Bench, () => Promise<void>> = {
    analyze: async () => {
      const r = await run("analyze.ts", ["--size-mb", String(sizes.analyzeMb)], env);
      if (r.code) failures.push(`analyze exited ${r.code}`);
      rows.push(...analyzeRows(r.out));
    },
    strace: async () => {
      const r = await run("strace.ts", ["--size-mb", String(sizes.straceMb), "--engine"], env);
      if (r.code) failures.push(`strace exited ${r.code}`);
      rows.push(...straceRows(r.out));
    },
    ingest: async () => {
      const r = await run("ingest.ts", ["--rows", String(sizes.ingestRows)], env);
      if (r.code) failures.push(`ingest exited ${r.code}`);
      rows.push(...ingestRows(r.out));
    },
    page: async () => {
      const r = await run("incident-page.ts", ["--events", String(sizes.pageEvents)], env);
      if (r.code) failures.push(`incident page exited ${r.code}`);
      rows.push(...pageRows(r.out));
    },
  };
  try {
    for (const b of ALL) if (only.includes(b)) await plan[b]();
  } finally {
    await database?.close();
  }
  console.log(`\nbenchmarks (${full ? "--full sizes" : "default sizes; --full for the issue's"}), ${((Date.now() - started) / 1000).toFixed(0)} s in all\n`);
  console.log(table(rows));
  for (const f of failures) console.log(`error: ${f}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
