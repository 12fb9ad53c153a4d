// Entry points of the strace analyzer (owned by the strace work; see issue 4).
import type { AnalyzeOptions, LineAnalyzer } from "../types";

/** Decide from the first lines of an input whether it is strace output, an `strace -c` table, or neither. */
export function detectStrace(sample: string[]): "strace" | "strace-summary" | null {
  void sample;
  return null;
}

export function createStraceAnalyzer(kind: "strace" | "strace-summary", opts: AnalyzeOptions = {}): LineAnalyzer {
  void kind;
  void opts;
  throw new Error("strace analysis is not implemented yet");
}
