// The strace engine is developed separately; it is loaded lazily so that a broken or missing strace
// module degrades to "every input is a build log" instead of taking the build-log analyzer down.
import type { AnalyzeOptions, LineAnalyzer } from "../types";

/** A chunk whose complete lines a worker scanned for the strace analyzer (opaque here). */
export interface ScannedTrace {
  /** The whole chunk, usable again after its trip to the worker. */
  chunk: Uint8Array;
}

export interface TraceScanner {
  /** Scans the complete lines chunk[start, end) of the file called `name`. */
  scan(chunk: Uint8Array, start: number, end: number, name: string | undefined): Promise<ScannedTrace>;
  close(): void;
}

export interface StraceAnalyzer extends LineAnalyzer {
  /**
   * The complete lines buf[start, end) of a chunk a TraceScanner scanned (`scanned`), the first being line
   * `firstNo` of `file`: the same as pushLines of them. Returns how many lines there were.
   */
  pushScanned?(scanned: ScannedTrace, buf: Buffer, start: number, end: number, firstNo: number, file?: string): number;
}

export interface StraceEngine {
  detectStrace(sample: string[]): "strace" | "strace-summary" | null;
  createStraceAnalyzer(kind: "strace" | "strace-summary", opts?: AnalyzeOptions): StraceAnalyzer;
  /** Worker threads scanning large traces ahead of the analyzer; null when there are none to use. */
  TraceScanPool: { create(): TraceScanner | null };
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
