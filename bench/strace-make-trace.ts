// Builds a large strace trace for the benchmark from the real traces of the corpus: each copy gets its
// own pids (every pid of the source, in prefixes, clone results and si_pid fields, shifted) and its own
// times (shifted forward, crossing midnight now and then), so the analyzer sees many distinct processes.
// `-ff` per-pid files get their pid prefix back, as `strace -f -o` would have printed it.
// Usage: tsx bench/strace-make-trace.ts OUT_FILE SIZE_MB [CORPUS_DIR]
import { createWriteStream, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Source {
  lines: string[];
  pids: Set<string>;
  seconds: number;
}

const PREFIX = /^(\d+ )?(\d{2}):(\d{2}):(\d{2})\.(\d{6}) /;

function loadSources(corpus: string): Source[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^strace-(?!c-).*\.txt$|^trace\.\d+$/.test(name)) files.push(p);
    }
  };
  walk(corpus);
  const sources: Source[] = [];
  for (const file of files) {
    const ffPid = /\.(\d+)$/.exec(file)?.[1];
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    const withPid = ffPid ? lines.map((l) => `${ffPid} ${l}`) : lines;
    if (!PREFIX.test(withPid[0] ?? "")) continue;
    const pids = new Set(withPid.map((l) => l.slice(0, l.indexOf(" "))));
    sources.push({ lines: withPid, pids, seconds: 5 });
  }
  return sources;
}

const two = (n: number) => String(n).padStart(2, "0");

export async function makeTrace(out: string, sizeMb: number, corpus: string): Promise<void> {
  const sources = loadSources(corpus);
  if (!sources.length) throw new Error(`no strace traces found under ${corpus}`);
  const target = sizeMb * 1024 * 1024;
  const stream = createWriteStream(out);
  let written = 0;
  let copy = 0;
  let clock = 8 * 3600; // seconds of day where the next copy starts
  while (written < target) {
    const src = sources[copy % sources.length];
    const pidShift = 100_000 + ((copy * 7_919) % 3_000_000);
    const pidRe = new RegExp(`\\b(${[...src.pids].join("|")})\\b`, "g");
    let chunk = "";
    for (const line of src.lines) {
      const m = PREFIX.exec(line);
      if (!m) continue;
      const t = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
      const sec = Math.floor(clock + (t % 60)) % 86_400;
      const stamp = `${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}.${m[5]}`;
      const body = line.slice(m[0].length).replace(pidRe, (p) => String(Number(p) + pidShift));
      chunk += `${Number(m[1]) + pidShift} ${stamp} ${body}\n`;
    }
    clock = (clock + 61) % 86_400;
    copy++;
    written += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

if (process.argv[1]?.endsWith("strace-make-trace.ts")) {
  const [out, size, corpus = "../shared/corpus"] = process.argv.slice(2);
  makeTrace(out, Number(size), corpus).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
