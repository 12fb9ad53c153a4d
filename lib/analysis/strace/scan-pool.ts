// Parallel scanning of large traces: worker threads run the line scanner (line-scanner.ts) over the
// complete lines of each chunk while the main thread applies the batches of earlier chunks, in order, to
// the one stateful analysis (byte-path.ts). The design is the build-log pre-scan's (input/parallel-scanner.ts):
// chunks that own their memory move to the worker and back without a copy; the worker is created from
// source text, here the scanner function's own, so it needs no loader, bundler entry or file on disk.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { SCANNER_CONFIG } from "./classify";
import { createLineScanner, type ScanBatch } from "./line-scanner";
import { pidFromFileName } from "./trace-analyzer";

/** A chunk whose complete lines were scanned on a worker. */
export interface ScannedTrace {
  /** The whole chunk, usable again (it moved to the worker and back, or stayed here). */
  chunk: Uint8Array;
  /** The bytes the batch's offsets refer to (the chunk itself, or a copy of its lines). */
  buf: Buffer;
  batch: ScanBatch;
  /** The worker whose scanner gave the batch's ids. */
  origin: object;
  /** The batch is applied: its memory may serve that worker's next batch. */
  release(): void;
}

// `__name` is the helper esbuild's keepNames (tsx) calls in transpiled code; the scanner's text may use it.
const workerSource = () => `
const { parentPort, workerData } = require("node:worker_threads");
const { isAscii } = require("node:buffer");
var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });
const createLineScanner = ${createLineScanner.toString()};
const scanner = createLineScanner(workerData.config, isAscii);
parentPort.on("message", ({ id, bytes, start, end, defaultPid, memory }) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let batch = null, error = null;
  try {
    batch = scanner.scan(buf, start, end, defaultPid, memory || undefined);
  } catch (e) {
    error = String((e && e.stack) || e);
  }
  parentPort.postMessage({ id, batch, error, bytes }, batch ? [bytes.buffer, batch.memory] : [bytes.buffer]);
});
`;

interface Pending {
  resolve: (r: ScannedTrace) => void;
  reject: (e: Error) => void;
  /** The chunk, when only a copy of its lines went to the worker. */
  original: Uint8Array | null;
}

/** Batch buffers kept per worker for reuse. */
const SPARES = 4;

interface ScanWorker {
  worker: Worker;
  origin: object;
  /** Batch memory the main thread is done with, to go back with the next chunk. */
  spare: ArrayBuffer[];
}

export class TraceScanPool {
  private workers: ScanWorker[] = [];
  private next = 0;
  private seq = 0;
  private waiting = new Map<number, Pending>();

  private constructor(count: number) {
    const source = workerSource();
    for (let i = 0; i < count; i++) {
      // The scanner keeps bounded tables of names and paths; its batches are moved, not copied.
      const worker = new Worker(source, {
        eval: true,
        workerData: { config: SCANNER_CONFIG },
        resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16, codeRangeSizeMb: 16 },
      });
      const w: ScanWorker = { worker, origin: {}, spare: [] };
      worker.on("message", (m: { id: number; batch: ScanBatch | null; error: string | null; bytes: Uint8Array }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (!p) return;
        const batch = m.batch;
        if (!batch) return p.reject(new Error(`strace scan worker: ${m.error}`));
        const buf = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        const release = () => void (w.spare.length < SPARES && w.spare.push(batch.memory));
        p.resolve({ chunk: p.original ?? m.bytes, buf, batch, origin: w.origin, release });
      });
      worker.on("error", (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  /**
   * A pool with a worker per core (up to two), or null on a single core, with FAULTLINE_THREADS=0, or
   * without worker support (the caller then scans in-process).
   */
  static create(): TraceScanPool | null {
    const cores = availableParallelism();
    const asked = Number(process.env.FAULTLINE_THREADS ?? NaN);
    const count = Number.isInteger(asked) && asked >= 0 ? Math.min(asked, cores) : Math.min(2, cores);
    if (cores < 2 || count < 1) return null;
    try {
      return new TraceScanPool(count);
    } catch {
      return null;
    }
  }

  /** Scans the complete lines chunk[start, end) of file `name` (its pid, for `-ff` files). */
  scan(chunk: Uint8Array, start: number, end: number, name: string | undefined): Promise<ScannedTrace> {
    const id = this.seq++;
    const w = this.workers[this.next++ % this.workers.length];
    // A chunk that is the whole of its ArrayBuffer can move to the worker and back; others are copied.
    const owned = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
    const bytes = owned ? chunk : new Uint8Array(chunk.subarray(start, end));
    const [s, e] = owned ? [start, end] : [0, end - start];
    const scanned = new Promise<ScannedTrace>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, original: owned ? null : chunk });
      const memory = w.spare.pop() ?? null;
      const transfer = memory ? [bytes.buffer as ArrayBuffer, memory] : [bytes.buffer as ArrayBuffer];
      w.worker.postMessage({ id, bytes, start: s, end: e, defaultPid: pidFromFileName(name) ?? 0, memory }, transfer);
    });
    // A scan nobody waits for any more (the analysis stopped at an earlier error) must not fail the process.
    scanned.catch(() => {});
    return scanned;
  }

  close(): void {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers = [];
    this.waiting.clear();
  }
}
