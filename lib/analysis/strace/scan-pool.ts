// Parallel scanning of large traces: worker threads run the line scanner (line-scanner.ts) over the
// complete lines of each chunk while the main thread applies the batches of earlier chunks, in order, to
// the one stateful analysis (byte-path.ts). The design is the build-log pre-scan's (input/parallel-scanner.ts):
// chunks that own their memory move to the worker and back without a copy; the worker is created from
// source text, here the scanner function's own, so it needs no loader, bundler entry or file on disk.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PATH_ARG_NAMES } from "./classify";
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
}

// `__name` is the helper esbuild's keepNames (tsx) calls in transpiled code; the scanner's text may use it.
const workerSource = () => `
const { parentPort, workerData } = require("node:worker_threads");
const { isAscii } = require("node:buffer");
var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });
const createLineScanner = ${createLineScanner.toString()};
const scanner = createLineScanner(workerData.config, isAscii);
parentPort.on("message", ({ id, bytes, start, end, defaultPid }) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let batch = null, error = null;
  try {
    batch = scanner.scan(buf, start, end, defaultPid);
  } catch (e) {
    error = String((e && e.stack) || e);
  }
  const transfer = [bytes.buffer];
  if (batch) for (const v of Object.values(batch)) if (ArrayBuffer.isView(v)) transfer.push(v.buffer);
  parentPort.postMessage({ id, batch, error, bytes }, transfer);
});
`;

interface Pending {
  resolve: (r: ScannedTrace) => void;
  reject: (e: Error) => void;
  /** The chunk, when only a copy of its lines went to the worker. */
  original: Uint8Array | null;
  origin: object;
}

export class TraceScanPool {
  private workers: { worker: Worker; origin: object }[] = [];
  private next = 0;
  private seq = 0;
  private waiting = new Map<number, Pending>();

  private constructor(count: number) {
    const source = workerSource();
    for (let i = 0; i < count; i++) {
      // The scanner keeps bounded tables of names and paths; its batches are moved, not copied.
      const worker = new Worker(source, {
        eval: true,
        workerData: { config: PATH_ARG_NAMES },
        resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16, codeRangeSizeMb: 16 },
      });
      const origin = {};
      worker.on("message", (m: { id: number; batch: ScanBatch | null; error: string | null; bytes: Uint8Array }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (!p) return;
        if (!m.batch) return p.reject(new Error(`strace scan worker: ${m.error}`));
        const buf = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        p.resolve({ chunk: p.original ?? m.bytes, buf, batch: m.batch, origin });
      });
      worker.on("error", (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push({ worker, origin });
    }
  }

  /**
   * A pool with a worker per core (up to two), or null on a single core, with FAULTLINE_THREADS=0, or
   * without worker support (the caller then scans in-process).
   */
  static create(): TraceScanPool | null {
    const cores = availableParallelism();
    if (cores < 2 || process.env.FAULTLINE_THREADS === "0") return null;
    try {
      return new TraceScanPool(Math.min(2, cores));
    } catch {
      return null;
    }
  }

  /** Scans the complete lines chunk[start, end) of file `name` (its pid, for `-ff` files). */
  scan(chunk: Uint8Array, start: number, end: number, name: string | undefined): Promise<ScannedTrace> {
    const id = this.seq++;
    const { worker, origin } = this.workers[this.next++ % this.workers.length];
    // A chunk that is the whole of its ArrayBuffer can move to the worker and back; others are copied.
    const owned = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
    const bytes = owned ? chunk : new Uint8Array(chunk.subarray(start, end));
    const [s, e] = owned ? [start, end] : [0, end - start];
    const scanned = new Promise<ScannedTrace>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, original: owned ? null : chunk, origin });
      worker.postMessage({ id, bytes, start: s, end: e, defaultPid: pidFromFileName(name) ?? 0 }, [bytes.buffer as ArrayBuffer]);
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
