// A fuzz worker thread: analyses inputs start, start+step, … below end, publishing the index it is on
// in shared memory (so the parent can tell a hang from slow progress and terminate the thread) and
// posting every finding; ends with its tallies.
import { parentPort, workerData } from "node:worker_threads";
import { runFuzzCase, type FuzzOutcome } from "./support/fuzz-check";

export interface FuzzWorkerData {
  seed: number;
  start: number;
  step: number;
  end: number;
  budgetMs: number;
  invarianceEvery: number;
  /** Int32Array over a SharedArrayBuffer: [slot*2] = current index, [slot*2+1] = stop flag. */
  shared: SharedArrayBuffer;
  slot: number;
}

export interface FuzzTally {
  done: number;
  skipped: number;
  ok: number;
  rejected: number;
  crashes: number;
  kinds: Record<string, number>;
  rejections: Record<string, number>;
  durations: number[];
  slowest: { index: number; kind: string; bytes: number; ms: number }[];
}

export type FuzzMessage = { type: "ready" } | { type: "finding"; outcome: FuzzOutcome; why: "crash" | "over-budget" | "invariant" } | { type: "tally"; tally: FuzzTally };

/** Tallies go to the parent every this many inputs, so a thread terminated on a hang loses few. */
const FLUSH_EVERY = 500;

const empty = (): FuzzTally => ({ skipped: 0, done: 0, ok: 0, rejected: 0, crashes: 0, kinds: {}, rejections: {}, durations: [], slowest: [] });

const data = workerData as FuzzWorkerData;
const state = new Int32Array(data.shared);

async function main(): Promise<void> {
  parentPort!.postMessage({ type: "ready" } satisfies FuzzMessage);
  let tally = empty();
  let i = data.start;
  for (; i < data.end; i += data.step) {
    if (Atomics.load(state, data.slot * 2 + 1) === 1) break;
    Atomics.store(state, data.slot * 2, i);
    const invariance = data.invarianceEvery > 0 && Math.floor(i / data.step) % data.invarianceEvery === 0;
    const o = await runFuzzCase(data.seed, i, { chunkInvariance: invariance });
    tally.done++;
    tally.kinds[o.kind] = (tally.kinds[o.kind] ?? 0) + 1;
    tally.durations.push(Math.round(o.ms * 10) / 10);
    if (o.status === "skipped") tally.skipped++;
    else if (o.status === "ok") tally.ok++;
    else if (o.status === "rejected") {
      tally.rejected++;
      const key = (o.error ?? "").split("\n")[0].replace(/\d+/g, "N").slice(0, 120);
      tally.rejections[key] = (tally.rejections[key] ?? 0) + 1;
    } else tally.crashes++;
    if (tally.slowest.length < 10 || o.ms > tally.slowest[tally.slowest.length - 1].ms) {
      tally.slowest.push({ index: o.index, kind: o.kind, bytes: o.bytes, ms: Math.round(o.ms) });
      tally.slowest.sort((a, b) => b.ms - a.ms);
      tally.slowest.length = Math.min(10, tally.slowest.length);
    }
    if (o.status === "crash") parentPort!.postMessage({ type: "finding", outcome: o, why: "crash" } satisfies FuzzMessage);
    if (o.ms > data.budgetMs) parentPort!.postMessage({ type: "finding", outcome: o, why: "over-budget" } satisfies FuzzMessage);
    if (o.violations.length) parentPort!.postMessage({ type: "finding", outcome: o, why: "invariant" } satisfies FuzzMessage);
    if (tally.done === FLUSH_EVERY) {
      parentPort!.postMessage({ type: "tally", tally } satisfies FuzzMessage);
      tally = empty();
    }
  }
  parentPort!.postMessage({ type: "tally", tally } satisfies FuzzMessage);
}

void main();
