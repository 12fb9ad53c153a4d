// The strace process tree as rows to draw: depth-first from the first process, children in start
// order, the failing process and its ancestors marked. A trace with thousands of processes shows the
// failing branch and the first others up to a limit.
import type { StoredProcess } from "@/lib/services/stored-trace-report";

export interface ProcessRow {
  process: StoredProcess;
  depth: number;
  /** The process whose failed call is the root cause. */
  failing: boolean;
  /** An ancestor of the failing process (its exit status is how the failure travelled up). */
  onFailingPath: boolean;
  /** Milliseconds from the first process's start, when the trace has times. */
  startOffsetMs?: number;
}

export interface ProcessTree {
  rows: ProcessRow[];
  /** Processes left out by the limit. */
  hidden: number;
}

const time = (p: StoredProcess) => (p.startedAt ? Date.parse(p.startedAt) : NaN);

/** The process a failing pid belongs to: itself, or the process it is a thread of. */
export function failingProcess(processes: readonly StoredProcess[], pid: number | undefined, threadOf?: Map<number, number>): number | undefined {
  if (pid === undefined) return undefined;
  if (processes.some((p) => p.pid === pid)) return pid;
  const owner = threadOf?.get(pid);
  return owner !== undefined && processes.some((p) => p.pid === owner) ? owner : undefined;
}

export function prepareProcessTree(processes: readonly StoredProcess[], failingPid: number | undefined, limit = 200): ProcessTree {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const children = new Map<number, StoredProcess[]>();
  const roots: StoredProcess[] = [];
  for (const p of processes) {
    if (p.parentPid !== undefined && byPid.has(p.parentPid) && p.parentPid !== p.pid) {
      const list = children.get(p.parentPid) ?? [];
      list.push(p);
      children.set(p.parentPid, list);
    } else roots.push(p);
  }
  const byStart = (a: StoredProcess, b: StoredProcess) => (time(a) || 0) - (time(b) || 0) || a.pid - b.pid;
  const path = new Set<number>();
  for (let p = failingPid === undefined ? undefined : byPid.get(failingPid); p && !path.has(p.pid); p = p.parentPid === undefined ? undefined : byPid.get(p.parentPid)) path.add(p.pid);
  const t0 = Math.min(...processes.map(time).filter(Number.isFinite));

  const rows: ProcessRow[] = [];
  let hidden = 0;
  const seen = new Set<number>();
  const visit = (p: StoredProcess, depth: number) => {
    if (seen.has(p.pid)) return; // a pid reused or a cycle in bad input: draw it once
    seen.add(p.pid);
    if (rows.length < limit || path.has(p.pid)) {
      const row: ProcessRow = { process: p, depth, failing: p.pid === failingPid, onFailingPath: path.has(p.pid) && p.pid !== failingPid };
      if (Number.isFinite(time(p)) && Number.isFinite(t0)) row.startOffsetMs = time(p) - t0;
      rows.push(row);
    } else hidden++;
    for (const c of (children.get(p.pid) ?? []).sort(byStart)) visit(c, depth + 1);
  };
  for (const r of roots.sort(byStart)) visit(r, 0);
  return { rows, hidden };
}

/** A command line as a shell would need it typed: arguments with spaces or quotes are quoted. */
export function commandLine(p: StoredProcess): string {
  const argv = p.argv?.length ? p.argv : p.exe ? [p.exe] : [];
  return argv.map((a) => (a === "" || /[\s"'$`\\|&;<>()*?]/.test(a) ? `'${a.replaceAll("'", "'\\''")}'` : a)).join(" ");
}

/** "exit 1", "killed by SIGKILL", or "running" when the trace ends first. */
export function exitStatus(p: StoredProcess): { text: string; failed: boolean } {
  if (p.signal) return { text: `killed by ${p.signal}`, failed: true };
  if (p.exitCode !== undefined) return { text: `exit ${p.exitCode}`, failed: p.exitCode !== 0 };
  return { text: "no exit in trace", failed: false };
}
