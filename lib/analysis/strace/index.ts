// Entry points of the strace analyzer (issue 4): format detection, the streaming analyzer the engine
// feeds line by line, and a helper for `-ff -o prefix` traces split into one file per pid.
import type { AnalyzeOptions, LineAnalyzer, PartialResult } from "../types";
import type { ScannedTrace } from "./scan-pool";
import { createSummaryAnalyzer } from "./summary-table";
import { createTraceAnalyzer } from "./trace-analyzer";

export { detectStrace } from "./detect";
export { pidFromFileName } from "./trace-analyzer";
export { TraceScanPool, type ScannedTrace } from "./scan-pool";

export interface StraceAnalyzer extends LineAnalyzer {
  /**
   * The complete lines of a chunk scanned on a worker (TraceScanPool), the first being line `firstNo` of
   * `file`: the same result as pushLines of them. Returns how many lines there were.
   */
  pushScanned?(scanned: ScannedTrace, firstNo: number, file?: string): number;
}

/**
 * A streaming analyzer. For "strace" it accepts lines of several files (LogLine.file set, one file
 * after the other, e.g. the `prefix.PID` files of `strace -ff -o prefix`): each file's pid defaults to
 * its name's numeric suffix and the events of all files are merged by time stamp at finish(), each
 * keeping its file and per-file line number.
 */
export function createStraceAnalyzer(kind: "strace" | "strace-summary", opts: AnalyzeOptions = {}): StraceAnalyzer {
  return kind === "strace-summary" ? createSummaryAnalyzer(opts) : createTraceAnalyzer(opts);
}

export interface StraceFileInput {
  /** File name as uploaded (`trace.23781`); becomes LogLine.file of its events. */
  name: string;
  /** The file's lines without their `\n`. */
  lines: Iterable<string> | AsyncIterable<string>;
}

/** Analyze the per-pid files of one `strace -ff` run together (or any set of strace files of one incident). */
export async function analyzeStraceFiles(files: StraceFileInput[], opts: AnalyzeOptions = {}): Promise<PartialResult> {
  const analyzer = createTraceAnalyzer(opts);
  for (const f of files) {
    let no = 0;
    for await (const text of f.lines) {
      no++;
      analyzer.push({ no, text, bytes: Buffer.byteLength(text) + 1, file: f.name });
    }
  }
  return analyzer.finish();
}
