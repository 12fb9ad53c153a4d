// Optional parallel pre-scan for large inputs: worker threads run the gateway automaton over chunk
// bodies and report where the hit lines start and how many newlines precede each; the main thread keeps
// everything that depends on order (partial lines, multi-line statements, events). Chunks that own
// their memory (file reads do) are transferred to the worker and back, so nothing is copied. The worker
// is created from source text, so it needs no loader, bundler entry or file on disk; without worker
// support the reader simply scans on the main thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LiteralAutomaton } from "../rules/literal-automaton";

export interface ScanResult {
  /** Offset (within the scanned body) of the start of each line holding a gateway hit. */
  starts: Int32Array;
  /** Newlines before each of those lines, counted from the body start. */
  lines: Int32Array;
  /** Newlines in the whole body. */
  total: number;
}

export interface ScannedChunk {
  result: ScanResult;
  /** The chunk's bytes, handed back by the worker when they were transferred to it. */
  chunk: Uint8Array;
}

// Same loop as LineReader.scanToHit, over a whole body, collecting every hit line.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const delta = workerData.delta;
const acceptFrom = workerData.acceptFrom;
const afterNewline = workerData.lineStart;
parentPort.on("message", ({ id, bytes, start, end }) => {
  // Loop to the view's own length so V8 drops per-byte bounds checks (see LineReader).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
  const starts = [];
  const lines = [];
  let n = 0, state = afterNewline, lineStart = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 10) { n++; state = afterNewline; lineStart = i + 1; continue; }
    state = delta[(state << 8) | c];
    if (state >= acceptFrom) {
      starts.push(lineStart);
      lines.push(n);
      const nl = buf.indexOf(10, i);
      if (nl < 0) break;
      i = nl - 1;
    }
  }
  const s = Int32Array.from(starts), l = Int32Array.from(lines);
  parentPort.postMessage({ id, starts: s, lines: l, total: n, bytes }, [s.buffer, l.buffer, bytes.buffer]);
});
`;

interface Pending {
  resolve: (r: ScannedChunk) => void;
  reject: (e: Error) => void;
  original: Uint8Array | null;
}

export class ParallelScanner {
  private workers: Worker[] = [];
  private next = 0;
  private seq = 0;
  private waiting = new Map<number, Pending>();

  private constructor(gateway: LiteralAutomaton, count: number) {
    const shared = new SharedArrayBuffer(gateway.delta.byteLength);
    const delta = gateway.delta instanceof Uint16Array ? new Uint16Array(shared) : new Uint32Array(shared);
    delta.set(gateway.delta);
    for (let i = 0; i < count; i++) {
      // The scan allocates almost nothing; small heap limits keep the extra resident memory low.
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { delta, acceptFrom: gateway.acceptFrom, lineStart: gateway.lineStart },
        resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4, codeRangeSizeMb: 8 },
      });
      w.on("message", (m: ScanResult & { id: number; bytes: Uint8Array }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.resolve({ result: m, chunk: p.original ?? m.bytes });
      });
      w.on("error", (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  /** A scanner with a worker per core (up to two), or null on a single core or without worker support. */
  static create(gateway: LiteralAutomaton): ParallelScanner | null {
    const cores = availableParallelism();
    if (cores < 2 || process.env.FAULTLINE_THREADS === "0") return null;
    try {
      return new ParallelScanner(gateway, Math.min(2, cores));
    } catch {
      return null;
    }
  }

  /** Scans chunk[start, end). Resolves with the result and the chunk bytes to use from then on. */
  scan(chunk: Uint8Array, start: number, end: number): Promise<ScannedChunk> {
    const id = this.seq++;
    const worker = this.workers[this.next++ % this.workers.length];
    // A chunk that is the whole of its ArrayBuffer can move to the worker and back; others are copied.
    const owned = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
    const bytes = owned ? chunk : new Uint8Array(chunk.subarray(start, end));
    const [s, e] = owned ? [start, end] : [0, end - start];
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, original: owned ? null : chunk });
      worker.postMessage({ id, bytes, start: s, end: e }, [bytes.buffer as ArrayBuffer]);
    });
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }
}
