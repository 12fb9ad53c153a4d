// Generates a large, realistic build log for benchmarking: GitHub-Actions-style timestamped lines made
// of real corpus lines. Most lines are the corpus's ordinary output (downloads, test chatter, stack
// frames, server LOG lines: corpus lines that contain no rule literal); now and then a whole corpus
// failure log is spliced in. Names, versions, ports, hashes and times are varied so folding and
// fingerprinting do real work.
//
//   tsx bench/make-large-log.ts [--size-mb N] [--out bench/out/large.log] [--failure-rate 0.004]
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RULES } from "../lib/analysis/rules";

export interface GenerateOptions {
  corpus: string;
  out: string;
  sizeMb: number;
  /** Probability, per emitted line, of splicing in a whole corpus failure log instead. */
  failureRate?: number;
  seed?: number;
}

const LITERALS = [...new Set(RULES.flatMap((r) => r.literals)), "##["];

interface Label {
  kind: string;
  events?: { line: number }[];
  benign?: number[];
}

/** Small deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadCorpus(dir: string): { blocks: string[][]; noise: string[] } {
  const blocks: string[][] = [];
  const noise: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".log")) continue;
    const label = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Label;
    if (label.kind !== "build-log") continue;
    const lines = readFileSync(join(dir, name), "utf8").split("\n").map((l) => l.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, ""));
    if (lines[lines.length - 1] === "") lines.pop();
    blocks.push(lines);
    const special = new Set([...(label.events ?? []).map((e) => e.line), ...(label.benign ?? [])]);
    lines.forEach((l, i) => {
      if (!special.has(i + 1) && l.trim() && !LITERALS.some((lit) => l.includes(lit))) noise.push(l);
    });
  }
  return { blocks, noise };
}

export async function generateLargeLog(o: GenerateOptions): Promise<{ bytes: number; lines: number }> {
  const { blocks, noise } = loadCorpus(o.corpus);
  const random = rng(o.seed ?? 42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const orgs = Array.from({ length: 400 }, (_, i) => `org${i.toString(36)}`);
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");
  const vary = (line: string) =>
    line
      .replace(/acme(?:-corp)?/g, () => pick(orgs))
      .replace(/v\d+\.\d+\.\d+/g, () => `v${Math.floor(random() * 4)}.${Math.floor(random() * 30)}.${Math.floor(random() * 10)}`)
      .replace(/127\.0\.0\.1:\d+/g, () => `127.0.0.1:${1024 + Math.floor(random() * 60000)}`)
      .replace(/\b[0-9a-f]{40,64}\b/g, (m) => hex(m.length))
      .replace(/0x[0-9a-f]{6,}/g, () => `0x${hex(12)}`);

  await mkdir(dirname(o.out), { recursive: true });
  const out = createWriteStream(o.out, { highWaterMark: 1 << 20 });
  const target = o.sizeMb * 1024 * 1024;
  const failureRate = o.failureRate ?? 0.0005;
  let t = Date.parse("2026-01-01T00:00:00Z");
  let bytes = 0;
  let lines = 0;
  let step = 0;
  let buf: string[] = [];
  const emit = (text: string) => {
    t += Math.floor(random() * 40);
    const line = `${new Date(t).toISOString().replace("Z", "0000Z")} ${text}\n`;
    buf.push(line);
    bytes += Buffer.byteLength(line);
    lines++;
  };
  while (bytes < target) {
    if (lines % 5000 === 0) {
      emit(`##[group]Run make step-${++step}`);
      emit("##[endgroup]");
    }
    if (random() < failureRate) for (const l of pick(blocks)) emit(vary(l));
    else emit(vary(pick(noise)));
    if (buf.length >= 4096) {
      if (!out.write(buf.join(""))) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = [];
    }
  }
  out.write(buf.join(""));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { bytes, lines };
}

// Run directly (`tsx bench/make-large-log.ts`), not when imported by bench/analyze.ts.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : dflt;
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const r = await generateLargeLog({
    corpus: arg("--corpus", join(here, "../../shared/corpus")),
    out: arg("--out", join(here, "out/large.log")),
    sizeMb: Number(arg("--size-mb", "1100")),
    failureRate: Number(arg("--failure-rate", "0.0005")),
  });
  console.log(`wrote ${(r.bytes / 1e6).toFixed(0)} MB, ${r.lines} lines`);
}
