// The strace engine is developed separately; it is loaded lazily so that a broken or missing strace
// module degrades to "every input is a build log" instead of taking the build-log analyzer down.
import type { AnalyzeOptions, LineAnalyzer } from "../types";

export interface StraceEngine {
  detectStrace(sample: string[]): "strace" | "strace-summary" | null;
  createStraceAnalyzer(kind: "strace" | "strace-summary", opts?: AnalyzeOptions): LineAnalyzer;
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
