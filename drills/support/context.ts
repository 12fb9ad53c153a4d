// What every drill gets from drills/run-all.ts: options, a log, the drill database (an embedded
// Postgres of our own), API credentials, and the Faultline server, started on demand with or without
// its in-process worker and restarted when a drill needs the other kind.
import type { Auth } from "./auth";
import type { Database } from "./database";
import type { RunningServer } from "./server";

export interface DrillArgs {
  port: number;
  pgPort: number;
  seed: number;
  /** Sizes of the concurrent-upload drill's bodies are multiplied by this. */
  uploadScale: number;
  uploads: number;
  fuzzInputs: number;
  fuzzUploads: number;
  fuzzMinutes: number;
  fuzzBudgetMs: number;
  outageSeconds: number;
  /** Diagnostic patches for the server (simulated fixes), e.g. ["pg-pool"]. */
  patches: string[];
}

export interface MemoryPhase {
  label: string;
  peakBytes: number;
  processes: { pid: number; rss: number; command: string }[];
}

export interface DrillContext {
  args: DrillArgs;
  log: (m: string) => void;
  db: Database;
  auth: Auth;
  out: string;
  serverLog: string;
  workerLog: string;
  /** The running server with the given worker mode (restarted if it runs the other mode). */
  server(worker: "on" | "off", label: string): Promise<RunningServer>;
  stopServer(): Promise<void>;
  /** Peak RSS of each server run, and of standalone workers, for the memory verdict. */
  memory: { server: MemoryPhase[]; workers: MemoryPhase[] };
}

export interface DrillResult {
  name: string;
  pass: boolean;
  figures: string;
  /** Explanations printed under the verdict line (what failed, with request ids and reproductions). */
  notes: string[];
}

export function verdictLine(r: DrillResult): string {
  return `drill ${r.name}: ${r.pass ? "PASS" : "FAIL"} ${r.figures}`;
}
