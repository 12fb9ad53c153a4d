// The StraceReport parts that are plain tallies: a `strace -c`-like summary computed from the trace,
// files opened and failed, network endpoints. Every collection is capped so memory stays bounded.
import type { StraceReport, StraceSyscallSummary } from "../types";
import { detach } from "./line-grammar";

const MAX_FILES_OPENED = 2_000;
const MAX_FILES_FAILED = 1_000;
const MAX_ENDPOINTS = 500;
/** Distinct syscall names tallied (Linux has ~450; garbage input must not grow the table). */
const MAX_SYSCALL_NAMES = 1_024;

export interface Tally {
  calls: number;
  errors: number;
  seconds: number;
}

export class ReportBuilder {
  private readonly tallies = new Map<string, Tally>();
  private readonly opened = new Set<string>();
  private readonly failed = new Map<string, StraceReport["filesFailed"][number]>();
  private readonly endpoints = new Map<string, StraceReport["endpoints"][number]>();

  /** Called once per completed syscall (resumed calls count once, where the result is printed). */
  count(name: string, failed: boolean, seconds: number | undefined): void {
    const t = this.tallyOf(name);
    t.calls++;
    if (failed) t.errors++;
    if (seconds) t.seconds += seconds;
  }

  /**
   * The tally a call of this name counts into (created on first use). The same object for the same name
   * from then on (entries are never replaced), so a caller may keep it and count into it directly.
   */
  tallyOf(name: string): Tally {
    let t = this.tallies.get(name);
    if (!t) {
      const key = this.tallies.size < MAX_SYSCALL_NAMES ? name : "(other)";
      t = this.tallies.get(key) ?? { calls: 0, errors: 0, seconds: 0 };
      this.tallies.set(key, t);
    }
    return t;
  }

  /** A summary row read from an `strace -c` table (summary inputs, or `-C` after a trace). */
  addSummaryRow(name: string, calls: number, errors: number, seconds: number): void {
    if (!this.tallies.has(name) && this.tallies.size < MAX_SYSCALL_NAMES) this.tallies.set(detach(name), { calls, errors, seconds });
  }

  fileOpened(path: string): void {
    if (this.opened.size < MAX_FILES_OPENED && !this.opened.has(path)) this.opened.add(detach(path));
  }

  /** First failure of each path (its errno and call). */
  fileFailed(path: string, errno: string, syscall: string, line: number): void {
    if (this.failed.size >= MAX_FILES_FAILED || this.failed.has(path)) return;
    const own = detach(path);
    this.failed.set(own, { path: own, errno: detach(errno), syscall, line });
  }

  endpoint(family: string, address: string, port: number | undefined, result: string): void {
    const key = `${family}|${address}|${port ?? ""}`;
    const seen = this.endpoints.get(key);
    // A later success outranks earlier failures (retries that got through, an A answer after an empty AAAA).
    if (seen) {
      if (seen.result !== "connected" && seen.result !== "NOERROR") seen.result = result;
      return;
    }
    if (this.endpoints.size >= MAX_ENDPOINTS) return;
    const e: StraceReport["endpoints"][number] = { address, family, result };
    if (port !== undefined) e.port = port;
    this.endpoints.set(key, e);
  }

  endpointResult(family: string, address: string, port: number | undefined): string | undefined {
    return this.endpoints.get(`${family}|${address}|${port ?? ""}`)?.result;
  }

  build(processes: StraceReport["processes"], pathResolutions: StraceReport["pathResolutions"]): StraceReport {
    const syscalls: StraceSyscallSummary[] = [...this.tallies]
      .map(([syscall, t]) => ({ syscall, calls: t.calls, errors: t.errors, seconds: Number(t.seconds.toFixed(6)) }))
      .sort((a, b) => b.seconds - a.seconds || b.calls - a.calls || a.syscall.localeCompare(b.syscall));
    return {
      processes,
      syscalls,
      filesOpened: [...this.opened],
      filesFailed: [...this.failed.values()],
      endpoints: [...this.endpoints.values()],
      pathResolutions,
    };
  }
}
