// Parallel scanning of large traces: worker threads run the line scanner (line-scanner.ts) over the
// complete lines of each chunk while the main thread applies the batches of earlier chunks, in order, to
// the one stateful analysis (byte-path.ts). The design is the build-log pre-scan's (input/parallel-scanner.ts):
// a few workers created from source text (here the scanner function's own, so they need no loader, bundler
// entry or file on disk), a bounded number of chunks in flight. The chunk's lines are copied into a slot of
// shared memory, which the worker scans in place and writes the batch next to; the main thread keeps no
// chunk while it is scanned, so chunks die young instead of piling up until a full collection.
import { isAscii } from "node:buffer";
import { availableParallelism, cpus, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { SCANNER_CONFIG } from "./classify";
import { createLineScanner, type ScanBatch } from "./line-scanner";
import { pidFromFileName } from "./trace-analyzer";

/** A chunk whose complete lines were scanned on a worker. */
export interface ScannedTrace {
  /** The chunk's bytes before and after its complete lines (copies: the chunk itself is not kept). */
  head: Uint8Array;
  tail: Uint8Array;
  /** The complete lines' length. */
  bytes: number;
  /** The bytes the batch's offsets refer to (a copy of the chunk's complete lines). */
  buf: Buffer;
  batch: ScanBatch;
  /** The worker whose scanner gave the batch's ids. */
  origin: object;
  /** The batch is applied: its slot may take the next chunk. */
  release(): void;
}

/** Chunks in flight at most (the engine scans at most 7 ahead), and the lines a slot takes. */
const SLOTS = 8;
const SLOT_BYTES = 1 << 20;
/** Room for batches of lines of 32 bytes on average; a chunk of shorter lines gets a batch of its own memory. */
const SLOT_LINES = SLOT_BYTES >> 5;
/** Chunks a worker may have waiting before this thread scans the next one itself. */
const BACKLOG = 4;

// `__name` is the helper esbuild's keepNames (tsx) calls in transpiled code; the scanner's text may use it.
const workerSource = () => `
const { parentPort, workerData } = require("node:worker_threads");
const { isAscii } = require("node:buffer");
var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });
const createLineScanner = ${createLineScanner.toString()};
const scanner = createLineScanner(workerData.config, isAscii);
const { data, batches } = workerData;
parentPort.on("message", ({ id, slot, chunk, start, end, defaultPid }) => {
  // The lines come in their chunk (copied into the slot here, then the chunk goes back) or already copied.
  const length = end - start;
  if (chunk) new Uint8Array(data[slot], 0, length).set(chunk.subarray(start, end));
  const buf = Buffer.from(data[slot], 0, length);
  let batch = null, error = null;
  try {
    batch = scanner.scan(buf, 0, length, defaultPid, batches[slot]);
  } catch (e) {
    error = String((e && e.stack) || e);
  }
  // A batch that outgrew its slot has memory of its own, which moves; the slot's is shared.
  const transfer = chunk ? [chunk.buffer] : [];
  if (batch && batch.memory !== batches[slot]) transfer.push(batch.memory);
  parentPort.postMessage({ id, batch, error, chunk }, transfer);
});
parentPort.postMessage({ ready: true });
`;

interface ScanWorker {
  worker: Worker;
  origin: object;
  /** It has started (until then chunks are copied into slots rather than moved to it, so none is lost if it fails to start). */
  ready: boolean;
}

interface Pending {
  resolve: (r: ScannedTrace) => void;
  reject: (e: Error) => void;
  worker: ScanWorker;
  head: Uint8Array;
  tail: Uint8Array;
  slot: number;
  /** The lines were copied into the slot (not moved to the worker in their chunk). */
  copied: boolean;
  length: number;
  defaultPid: number;
}

export class TraceScanPool {
  private workers: ScanWorker[] = [];
  private next = 0;
  private seq = 0;
  private waiting = new Map<number, Pending>();
  private readonly data: SharedArrayBuffer[] = [];
  private readonly batches: SharedArrayBuffer[] = [];
  private readonly free: number[] = [];
  /** A worker failed: from then on lines are scanned on this thread. */
  private broken = false;
  /** Scans on this thread when no slot is free, a chunk does not fit one, or a worker failed. */
  private readonly local = createLineScanner(SCANNER_CONFIG, isAscii);

  private constructor(count: number, source: string) {
    for (let i = 0; i < SLOTS; i++) {
      this.data.push(new SharedArrayBuffer(SLOT_BYTES));
      this.batches.push(new SharedArrayBuffer(SLOT_LINES * this.local.bytesPerLine));
      this.free.push(i);
    }
    for (let i = 0; i < count; i++) {
      // The scanner keeps bounded tables of names and paths; it allocates little else.
      const worker = new Worker(source, {
        eval: true,
        workerData: { config: SCANNER_CONFIG, data: this.data, batches: this.batches },
        resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4, codeRangeSizeMb: 8 },
      });
      const w: ScanWorker = { worker, origin: {}, ready: false };
      worker.on("message", (m: { ready?: boolean; id: number; batch: ScanBatch | null; error: string | null }) => {
        if (m.ready) return void (w.ready = true);
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (!p) return;
        if (!m.batch) {
          this.free.push(p.slot);
          return p.reject(new Error(`strace scan worker: ${m.error}`));
        }
        const buf = Buffer.from(this.data[p.slot], 0, m.batch.end);
        p.resolve({ head: p.head, tail: p.tail, bytes: m.batch.end, buf, batch: m.batch, origin: w.origin, release: () => this.free.push(p.slot) });
      });
      // A worker that cannot start or dies: what it had in slots is scanned here, as is all that follows.
      worker.on("error", (err) => {
        this.broken = true;
        for (const [id, p] of this.waiting) {
          if (p.worker !== w) continue;
          this.waiting.delete(id);
          if (p.copied) p.resolve(this.scanSlot(p));
          else p.reject(err);
        }
      });
      this.workers.push(w);
    }
  }

  /**
   * A pool of workerCount(idleCores) workers, or null when that is 0 or workers cannot be made (the caller
   * then scans in-process). `source` replaces the workers' code (tests: a worker that fails).
   */
  static create(idleCores = NaN, source = workerSource()): TraceScanPool | null {
    const count = TraceScanPool.workerCount(idleCores);
    TraceScanPool.lastCount = 0;
    if (count < 1) return null;
    try {
      const pool = new TraceScanPool(count, source);
      TraceScanPool.lastCount = count;
      return pool;
    } catch {
      return null;
    }
  }

  /** Workers of the pool create() made last (0: none), for reports such as the benchmark's. */
  static lastCount = 0;

  /**
   * How many workers create() starts: FAULTLINE_THREADS=N asks for N; by default one per idle core (the
   * main thread applying the batches is as busy as a worker scanning them), at most two, and none when no
   * core is idle: a worker then only competes with the main thread, and scanning in-process costs less
   * CPU in all. `idleCores`: what a probe (idleCoresSince) measured while the trace began; without one,
   * the 1-minute load says how many cores are idle.
   */
  static workerCount(idleCores = NaN): number {
    const cores = availableParallelism();
    if (cores < 2) return 0;
    const asked = Number(process.env.FAULTLINE_THREADS ?? NaN);
    if (Number.isInteger(asked) && asked >= 0) return Math.min(asked, cores);
    const idle = Number.isNaN(idleCores) ? cores - 1 - loadavg()[0] : idleCores;
    return Math.max(0, Math.min(2, cores - 1, Math.round(idle)));
  }

  /**
   * Starts measuring how many cores a worker could have: the function returned says, over the time since
   * (NaN when too short to tell), how many were idle or used by this process beyond its main thread.
   */
  static idleCoresSince(): () => number {
    const idleMs = () => cpus().reduce((sum, c) => sum + c.times.idle, 0);
    const before = idleMs();
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    return () => {
      const elapsed = performance.now() - started;
      if (elapsed < 100) return NaN;
      const own = process.cpuUsage(ownBefore);
      return (idleMs() - before + (own.user + own.system) / 1000) / elapsed - 1;
    };
  }

  /** Scans the complete lines chunk[start, end) of file `name` (its pid, for `-ff` files). */
  scan(chunk: Uint8Array, start: number, end: number, name: string | undefined): Promise<ScannedTrace> {
    const defaultPid = pidFromFileName(name) ?? 0;
    // A worker with chunks still to scan is behind this thread: scanning this one here keeps both busy
    // (else this thread, done applying, would wait for the worker).
    const behind = this.waiting.size >= BACKLOG * this.workers.length;
    const slot = !this.broken && !behind && end - start <= SLOT_BYTES ? this.free.pop() : undefined;
    if (slot === undefined) return Promise.resolve(this.scanHere(chunk, start, end, defaultPid));
    const w = this.workers[this.next++ % this.workers.length];
    // A chunk that is the whole of its ArrayBuffer moves to a started worker, which copies its lines into
    // the slot (the first touch of them is the worker's) and sends it back to be dropped; others are
    // copied here.
    const owned = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
    const copied = !owned || !w.ready;
    if (copied) new Uint8Array(this.data[slot], 0, end - start).set(chunk.subarray(start, end));
    // Copies of the bytes around the lines, so that nothing keeps the chunk: it dies young (chunks kept
    // while a few others are scanned would outlive collections of the young generation, and wait for
    // a full one).
    const head = new Uint8Array(chunk.subarray(0, start));
    const tail = new Uint8Array(chunk.subarray(end));
    const id = this.seq++;
    const scanned = new Promise<ScannedTrace>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: w, head, tail, slot, copied, length: end - start, defaultPid });
      if (!copied) w.worker.postMessage({ id, slot, chunk, start, end, defaultPid }, [chunk.buffer as ArrayBuffer]);
      else w.worker.postMessage({ id, slot, chunk: null, start: 0, end: end - start, defaultPid });
    });
    // A scan nobody waits for any more (the analysis stopped at an earlier error) must not fail the process.
    scanned.catch(() => {});
    return scanned;
  }

  private scanHere(chunk: Uint8Array, start: number, end: number, defaultPid: number): ScannedTrace {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const batch = this.local.scan(buf, start, end, defaultPid);
    return { head: chunk.subarray(0, start), tail: chunk.subarray(end), bytes: end - start, buf, batch, origin: this.local, release: () => {} };
  }

  /** The lines a failed worker had in its slot, scanned here. */
  private scanSlot(p: Pending): ScannedTrace {
    const buf = Buffer.from(this.data[p.slot], 0, p.length);
    const batch = this.local.scan(buf, 0, p.length, p.defaultPid);
    return { head: p.head, tail: p.tail, bytes: p.length, buf, batch, origin: this.local, release: () => this.free.push(p.slot) };
  }

  close(): void {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers = [];
    this.waiting.clear();
  }
}
