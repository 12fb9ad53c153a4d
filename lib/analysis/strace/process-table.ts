// Processes and threads seen in the trace: parent, thread group, command line, cwd, exit, lifetime.
import type { StraceProcess } from "../types";
import type { TracePoint } from "./candidates";
import { detach } from "./line-grammar";
import { resolvePath } from "./paths";

export interface ProcState {
  pid: number;
  /** Thread-group id (the process a thread belongs to); equals pid for processes. */
  tgid: number;
  parentPid?: number;
  argv?: string[];
  exe?: string;
  cwd?: string;
  /** Argument of exit_group()/exit(), known before the `+++ exited` line. */
  exitRequested?: number;
  /** It called exit(), which ends only the calling thread (exit_group ends the process). */
  threadExit?: boolean;
  /** Its lines are a `-ff` file of its own (`prefix.PID`): what it shares with other threads is elsewhere. */
  ownFile?: boolean;
  exitCode?: number;
  signal?: string;
  startedAt?: string;
  endedAt?: string;
  startKey?: number;
  /** Last exec/fork/open/connect of the thread group (kept on the group leader). */
  lastProductive?: TracePoint;
  /** Where the thread-group leader's exit line is. */
  exitAt?: TracePoint;
  /** Paths of descriptors, for traces without `-y` (dirfd-relative lookups, fchdir). */
  fds?: Map<number, string>;
  /** Paths the thread group opened (kept on the leader, bounded). */
  opened?: Set<string>;
}

const MAX_PROCESSES = 20_000;
const MAX_FDS = 256;
const MAX_OPENED = 1_024;

export class ProcessTable {
  private readonly procs = new Map<number, ProcState>();
  /** The process last found (most lines in a row are of one process). */
  private last: ProcState | undefined;

  get(pid: number): ProcState {
    let p = this.peek(pid);
    if (!p) {
      p = { pid, tgid: pid };
      // Bounded: forget the oldest entry (a long-gone process) rather than grow without limit.
      if (this.procs.size >= MAX_PROCESSES) {
        this.procs.delete(this.procs.keys().next().value as number);
        this.last = undefined;
      }
      this.procs.set(pid, p);
    }
    return p;
  }

  peek(pid: number): ProcState | undefined {
    const last = this.last;
    if (last !== undefined && last.pid === pid) return last;
    const p = this.procs.get(pid);
    if (p !== undefined) this.last = p;
    return p;
  }

  tgidOf(pid: number): number {
    return this.procs.get(pid)?.tgid ?? pid;
  }

  /** fork/vfork/clone: the child inherits cwd (and exe/argv until it execs); threads join the parent's group. */
  onChild(parentPid: number, childPid: number, isThread: boolean): ProcState {
    const parent = this.get(parentPid);
    const child = this.get(childPid);
    child.parentPid = isThread ? parent.parentPid : parent.tgid;
    child.tgid = isThread ? parent.tgid : childPid;
    child.cwd ??= parent.cwd;
    if (!child.argv) {
      child.argv = parent.argv;
      child.exe = parent.exe;
    }
    return child;
  }

  onExec(pid: number, exe: string | undefined, argv: string[] | undefined): void {
    const p = this.get(pid);
    p.exe = exe ? detach(resolvePath(p.cwd, exe) ?? exe) : p.exe;
    p.argv = argv;
    p.fds = undefined;
  }

  setCwd(pid: number, dir: string | undefined): void {
    if (!dir) return;
    const p = this.get(pid);
    if (p.cwd !== dir) p.cwd = this.shared(dir);
  }

  /** One string per directory, for every process in it (so that cwds compare by identity). */
  private shared(dir: string): string {
    let s = this.dirs.get(dir);
    if (s === undefined) {
      if (this.dirs.size >= MAX_PROCESSES) this.dirs.clear();
      this.dirs.set((s = detach(dir)), s);
    }
    return s;
  }

  private readonly dirs = new Map<string, string>();

  noteFd(pid: number, fd: number, path: string): void {
    const p = this.get(pid);
    p.fds ??= new Map();
    if (p.fds.size < MAX_FDS || p.fds.has(fd)) p.fds.set(fd, detach(path));
  }

  /**
   * The group opens `path` for the first time (as far as the last MAX_OPENED paths tell): false for a
   * file it opened before (a traceback re-reading the script, a second include of a header).
   */
  firstOpen(tgid: number, path: string): boolean {
    const p = this.get(tgid);
    const opened = (p.opened ??= new Set());
    if (opened.has(path)) return false;
    if (opened.size < MAX_OPENED) {
      opened.add(path);
      // Python loaded `dir/__pycache__/m.cpython-311.pyc` for `dir/m.py`: reading m.py later (a
      // traceback quoting it) is reading what it already had.
      const pyc = path.endsWith(".pyc") ? /^(.*\/)__pycache__\/([^/.]+)\.[^/]*\.pyc$/.exec(path) : null;
      if (pyc) opened.add(`${pyc[1]}${pyc[2]}.py`);
    }
    return true;
  }

  fdPath(pid: number, fd: number): string | undefined {
    return this.procs.get(pid)?.fds?.get(fd);
  }

  closeFd(pid: number, fd: number): void {
    this.procs.get(pid)?.fds?.delete(fd);
  }

  /** Name used in fingerprints and messages: the program, never a pid. */
  programOf(pid: number): string | undefined {
    const p = this.procs.get(this.tgidOf(pid));
    const exe = p?.argv?.[0] ?? p?.exe;
    return exe ? exe.slice(exe.lastIndexOf("/") + 1) : undefined;
  }

  /** Processes (not threads) for the report, oldest first, at most `limit`. */
  report(limit = 2_000): StraceProcess[] {
    const out: StraceProcess[] = [];
    for (const p of this.procs.values()) {
      if (p.tgid !== p.pid) continue;
      if (out.length >= limit) break;
      const r: StraceProcess = { pid: p.pid };
      if (p.parentPid !== undefined) r.parentPid = p.parentPid;
      if (p.argv) r.argv = p.argv;
      if (p.exe) r.exe = p.exe;
      if (p.exitCode !== undefined) r.exitCode = p.exitCode;
      if (p.signal) r.signal = p.signal;
      if (p.startedAt) r.startedAt = p.startedAt;
      if (p.endedAt) r.endedAt = p.endedAt;
      out.push(r);
    }
    return out;
  }
}
