// The strace engine is developed separately; it is loaded lazily so that a broken or missing strace
// module degrades to "every input is a build log" instead of taking the build-log analyzer down.
import type { AnalyzeOptions, LineAnalyzer } from "../types";

/**
 * A chunk whose complete lines a worker scanned for the strace analyzer (opaque here, but for the bytes
 * around them: the chunk itself is not kept, so that it is garbage at once).
 */
export interface ScannedTrace {
  /** The chunk's bytes before its complete lines: the end of a line the previous chunk left partial. */
  head: Uint8Array;
  /** The complete lines' length. */
  bytes: number;
  /** The chunk's bytes after its complete lines: the start of a line the next chunk ends. */
  tail: Uint8Array;
}

export interface TraceScanner {
  /** Scans the complete lines chunk[start, end) of the file called `name`. */
  scan(chunk: Uint8Array, start: number, end: number, name: string | undefined): Promise<ScannedTrace>;
  close(): void;
}

export interface StraceAnalyzer extends LineAnalyzer {
  /** The complete lines of a chunk a TraceScanner scanned, the first being line `firstNo` of `file`; returns their count. */
  pushScanned?(scanned: ScannedTrace, firstNo: number, file?: string): number;
}

export interface StraceEngine {
  detectStrace(sample: string[]): "strace" | "strace-summary" | null;
  createStraceAnalyzer(kind: "strace" | "strace-summary", opts?: AnalyzeOptions): StraceAnalyzer;
  /**
   * Worker threads scanning large traces ahead of the analyzer; null when there are none to use.
   * `idleCores`: what idleCoresSince, started when the trace was recognised, measured since.
   */
  TraceScanPool: { create(idleCores?: number): TraceScanner | null; idleCoresSince(): () => number };
}

let loading: Promise<StraceEngine | null> | undefined;

export function loadStraceEngine(): Promise<StraceEngine | null> {
  loading ??= import("../strace/index").then(
    (m) => m as StraceEngine,
    (err: unknown) => {
      if (process.env.FAULTLINE_DEBUG) console.error("faultline: strace engine unavailable:", err);
      return null;
    },
  );
  return loading;
}
