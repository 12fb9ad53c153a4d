// One fuzz case: run the analyzer (lib/analysis analyzeStream, in-process) on input `index` fed in
// seeded chunks, classify the outcome, and check the result's invariants. Shared by the fuzz worker
// threads and drills/fuzz-repro.ts.
import { analyzeStream } from "../../lib/analysis";
import { EVENT_CLASSES, type AnalysisResult } from "../../lib/analysis/types";
import { chunked, fuzzInput } from "./fuzz-input";

export interface FuzzOutcome {
  index: number;
  kind: string;
  bytes: number;
  ms: number;
  /** ok; rejected: damaged gzip/zip refused with an error (what the CLI reports as unreadable); crash: anything else thrown; skipped: the generator itself failed (a drill bug, not the analyzer's). */
  status: "ok" | "rejected" | "crash" | "skipped";
  error?: string;
  violations: string[];
}

const CLASSES = new Set<string>(EVENT_CLASSES);

async function* feed(chunks: Buffer[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

function isCompressed(b: Buffer): boolean {
  return (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) || (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6));
}

/** What must hold of any result: the contract in lib/analysis/types.ts. */
export function violationsOf(res: AnalysisResult): string[] {
  const v: string[] = [];
  if (!Array.isArray(res.events)) return ["events is not an array"];
  res.events.forEach((e, i) => {
    if (!CLASSES.has(e.class)) v.push(`event ${i}: unknown class ${JSON.stringify(e.class)}`);
    if (!(Number.isInteger(e.line) && e.line >= 1)) v.push(`event ${i}: line ${e.line}`);
    if (!(Number.isInteger(e.endLine) && e.endLine >= e.line)) v.push(`event ${i}: endLine ${e.endLine} < line ${e.line}`);
    if (!(Number.isInteger(e.count) && e.count >= 1)) v.push(`event ${i}: count ${e.count}`);
    if (typeof e.fingerprint !== "string" || e.fingerprint.length === 0) v.push(`event ${i}: empty fingerprint`);
    if (typeof e.message !== "string") v.push(`event ${i}: message is not a string`);
  });
  const rc = res.rootCause;
  if (rc) {
    const e = res.events[rc.eventIndex];
    if (!e) v.push(`rootCause.eventIndex ${rc.eventIndex} is out of range (${res.events.length} events)`);
    else if (e.class !== rc.class || e.line !== rc.line) v.push(`rootCause ${rc.class}@${rc.line} differs from its event ${e.class}@${e.line}`);
  } else if (res.events.some((e) => e.class !== "process_exit")) {
    // Not a contract violation by itself: events without a root cause are allowed. Left unchecked.
  }
  return v;
}

/** The parts of a result that must not depend on how the bytes were chunked. */
function comparable(res: AnalysisResult): string {
  return JSON.stringify({ format: res.format, events: res.events, rootCause: res.rootCause, lines: res.stats.lines, bytes: res.stats.bytes });
}

export async function runFuzzCase(seed: number, index: number, opts: { chunkInvariance: boolean }): Promise<FuzzOutcome> {
  let input: ReturnType<typeof fuzzInput>;
  try {
    input = fuzzInput(seed, index);
  } catch (err) {
    return { index, kind: "generator-error", bytes: 0, ms: 0, status: "skipped", error: (err as Error).message, violations: [] };
  }
  const chunks = chunked(input.bytes, seed, index);
  const t0 = performance.now();
  const base = { index, kind: input.kind, bytes: input.bytes.length };
  let res: AnalysisResult;
  try {
    res = await analyzeStream(feed(chunks));
  } catch (err) {
    const e = err as Error;
    const ms = performance.now() - t0;
    const coding = !(e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError);
    const status = isCompressed(input.bytes) && coding ? "rejected" : "crash";
    return { ...base, ms, status, error: `${e?.name ?? typeof err}: ${e?.message ?? String(err)}${status === "crash" ? `\n${e?.stack ?? ""}` : ""}`, violations: [] };
  }
  const ms = performance.now() - t0;
  const violations = violationsOf(res);
  // Damaged gzip/zip is left out: how zlib treats bytes after a broken member depends on where reads end.
  if (opts.chunkInvariance && chunks.length > 1 && !isCompressed(input.bytes)) {
    try {
      const whole = await analyzeStream(feed([input.bytes]));
      if (comparable(whole) !== comparable(res)) violations.push(`result depends on chunking (${chunks.length} chunks at ${chunks.map((c) => c.length).join("+")} bytes vs one): ${diffHint(whole, res)}`);
    } catch (err) {
      violations.push(`whole input throws (${(err as Error).message}) while the chunked one does not`);
    }
  }
  return { ...base, ms, status: "ok", violations };
}

function diffHint(a: AnalysisResult, b: AnalysisResult): string {
  if (a.format !== b.format) return `format ${a.format} vs ${b.format}`;
  if (a.stats.lines !== b.stats.lines) return `lines ${a.stats.lines} vs ${b.stats.lines}`;
  if (a.events.length !== b.events.length) return `${a.events.length} vs ${b.events.length} events`;
  const i = a.events.findIndex((e, k) => JSON.stringify(e) !== JSON.stringify(b.events[k]));
  if (i >= 0) return `event ${i}: ${JSON.stringify(a.events[i]).slice(0, 200)} vs ${JSON.stringify(b.events[i]).slice(0, 200)}`;
  return `root cause ${JSON.stringify(a.rootCause)} vs ${JSON.stringify(b.rootCause)}`;
}
