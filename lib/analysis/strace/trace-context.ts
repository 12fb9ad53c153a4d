// Shared state of one trace analysis and the per-call view the syscall handlers work with.
import type { AnalyzeOptions, LogLine, StracePathResolution } from "../types";
import { cStringText, parseFdRef } from "./args";
import { NO_LINES, type CandidateBook, type Candidate, type TracePoint } from "./candidates";
import type { FailureKind } from "./classify";
import type { FailureTarget } from "./failure-targets";
import { detach } from "./line-grammar";
import type { EventList } from "./event-list";
import { pathArgIndex } from "./classify";
import { resolvePath, type PathKnowledge } from "./paths";
import type { ProcessTable } from "./process-table";
import type { ReportBuilder } from "./report-builder";
import type { SocketBook } from "./socket-book";
import type { StraceTime, TraceClock } from "./timestamps";

export interface TraceContext {
  opts: AnalyzeOptions;
  procs: ProcessTable;
  paths: PathKnowledge;
  report: ReportBuilder;
  book: CandidateBook;
  events: EventList;
  sockets: SocketBook;
  resolutions: StracePathResolution[];
}

/** Per-file state of an analysis (the files of a `-ff` trace are read one after the other). */
export interface FileState {
  index: number;
  /** `trace.23781` → 23781: lines of a -ff file carry no pid. */
  defaultPid?: number;
  clock: TraceClock;
  /**
   * Calls printed `<unfinished ...>`, by pid, waiting for their `<... name resumed>`; NOT_KEPT for one the
   * byte path did not read because its resumed half, the next line of that pid, never looks at it.
   */
  pending: Map<number, { name: string; args: string }>;
}

/** Calls left `<unfinished ...>` that are remembered at most (per file). */
export const MAX_PENDING = 4_096;

/** A pending call whose arguments are not kept (its name matches no resumed half). */
export const NOT_KEPT = Object.freeze({ name: "", args: "" });

/** Before a call is left pending: past MAX_PENDING pending calls, all are forgotten. */
export function makeRoomForPending(fs: FileState): void {
  if (fs.pending.size >= MAX_PENDING) fs.pending.clear();
}

/** The pid's pending call is over (resumed, or the process exited). */
export function forgetPending(fs: FileState, pid: number): void {
  fs.pending.delete(pid);
}

/** The analyzer's line handling, as its byte path (byte-path.ts) uses it. */
export interface AnalyzerCore {
  ctx: TraceContext;
  /** The call site of the line being handled (set up by atSite). */
  site: CallSite;
  /** The file's state, created at its first line that is not "other". */
  fileState(file: string | undefined): FileState;
  /** The pid of the file's lines that show none (`-ff` files: from the file name). */
  defaultPid(file: string | undefined): number | undefined;
  /** A line is consumed (its bytes count towards progress) and takes its place (seq) in the trace. */
  commit(lineBytes: number): void;
  /** The stamp of the line atSite is called for next, packed (timestamps' packedText; NaN: unknown). */
  stampPacked: Float64Array;
  /** Sets up `site` for line `no` of `file`, stamped buf[stampStart, stampEnd) (stampStart -1: none). */
  atSite(fs: FileState, pid: number, shownPid: number | undefined, no: number, file: string | undefined, buf: Buffer, stampStart: number, stampEnd: number): void;
  /** The line at `site` is the first of its process (atSite first). */
  newProcess(pid: number): void;
  /** A complete call at `site`: counted, then handed to the failed or successful call handlers. */
  completeCall(name: string, args: string, result: string | undefined, duration: number | undefined): void;
  /** A line as decoded text. */
  push(line: LogLine): void;
}

export interface CallSite {
  /** Pid used as a key (0 when the trace prints none and the file name gives none). */
  pid: number;
  /** Pid as the trace (or the -ff file name) states it; undefined when unknown. */
  shownPid?: number;
  tgid: number;
  line: number;
  file?: string;
  fileIndex: number;
  seq: number;
  time(): StraceTime | undefined;
  sortKey(): number | undefined;
}

export function pointOf(site: CallSite): TracePoint {
  return { seq: site.seq, sortKey: site.sortKey(), file: site.file };
}

/**
 * The process did real work (ran or started a program, opened a file, connected): failures before this
 * were tolerated unless it reports them, and a child's failure it reaped before this did not stop it.
 */
export function markProductive(ctx: TraceContext, site: CallSite): void {
  const at = pointOf(site);
  ctx.book.productive(site.tgid, at);
  ctx.procs.get(site.tgid).lastProductive = at;
}

/**
 * A candidate failure at this call site; what it needs beyond position and time is set by the caller.
 * `owned`: the strings are not slices of the line (the byte path's), so they need no copying.
 */
export function candidateAt(site: CallSite, syscall: string, kind: FailureKind, key: string, what: FailureTarget, owned = false): Candidate {
  const t = site.time();
  const c: Candidate = {
    key: owned ? key : detach(key),
    cls: kind.cls,
    ruleId: kind.ruleId,
    syscall,
    line: site.line,
    fileIndex: site.fileIndex,
    seq: site.seq,
    what,
    probe: false,
    count: 1,
    repeatLines: NO_LINES,
  };
  // Candidates outlive the line: copy every string that may be a slice of it.
  if (owned) {
    // nothing to copy
  } else if (what.type === "path") {
    const raw = what.raw;
    what.raw = detach(raw);
    if (what.resolved) what.resolved = what.resolved === raw ? what.raw : detach(what.resolved);
    if (what.base) what.base = detach(what.base);
  } else if (what.type === "fd") {
    if (what.target) what.target = detach(what.target);
  } else if (what.type === "dns") {
    if (what.server) what.server = detach(what.server);
  } else if (what.dest) {
    const d = what.dest;
    what.dest = { ...d, addr: d.addr && detach(d.addr), path: d.path && detach(d.path) };
  }
  if (site.file !== undefined) c.file = site.file;
  if (site.shownPid !== undefined) c.pid = site.shownPid;
  if (t) {
    c.sortKey = t.sortKey;
    c.time = t;
  }
  return c;
}

export interface PathArg {
  /** As printed (not detached from the line: copy before keeping it). */
  raw: string;
  /** Absolute, when the directory it is relative to is known. */
  resolved?: string;
  /** Directory a relative path was resolved against. */
  base?: string;
  /** Set by the byte path (byte-paths.ts): facts about the path worked out once, and its strings are its own. */
  memo?: PathMemo;
}

/** What the byte path's path cache remembers about a path (for one cwd when it is relative). */
export interface PathMemo {
  /** basenameOf(resolved ?? raw). */
  name: string;
  /** isRoutineMiss(resolved ?? raw). */
  routine: boolean;
  /** The trace has shown `resolved` to exist (PathKnowledge never forgets). */
  exists: boolean;
  /** The last candidate key made for it (`cls|path`) and its class. */
  keyCls: string;
  key: string;
  /** ReportBuilder.fileFailed / fileOpened was told about it (telling again changes nothing). */
  failedNoted: boolean;
  openedNoted: boolean;
}

/** The path argument of a path syscall, resolved against its dirfd (`-y` decoration or fd table) or the cwd. */
export function pathArgOf(ctx: TraceContext, site: CallSite, syscall: string, args: string): PathArg | null {
  const idx = pathArgIndex(syscall);
  if (idx < 0) return null;
  const q = args.indexOf('"');
  // The path is the first string argument; for *at calls the dirfd comes before it.
  if (q < 0 || (idx === 0 && q !== 0) || q > 4_096) return null;
  const raw = quotedAt(args, q);
  if (!raw) return null;
  let base: string | undefined;
  const cwd = ctx.procs.peek(site.pid)?.cwd;
  if (idx === 1 && cwd && args.startsWith("AT_FDCWD<", 0) && args.startsWith(cwd, 9) && args.charCodeAt(9 + cwd.length) === 62) {
    base = cwd; // `AT_FDCWD</same/cwd>`, by far the most common dirfd: compared in place
  } else if (idx === 1) {
    let end = q;
    while (end > 0 && (args.charCodeAt(end - 1) === 32 || args.charCodeAt(end - 1) === 44)) end--;
    const dirfd = parseFdRef(args.slice(0, end));
    if (dirfd?.fd === -100) {
      base = dirfd.target ?? ctx.procs.peek(site.pid)?.cwd;
      if (dirfd.target) ctx.procs.setCwd(site.pid, dirfd.target);
    } else if (dirfd) base = dirfd.target ?? ctx.procs.fdPath(site.pid, dirfd.fd);
    // A `-y` decoration names a directory that exists.
    if (base && dirfd?.target) ctx.paths.noteExists(base);
  } else base = ctx.procs.peek(site.pid)?.cwd;
  // A dirfd opened by a relative name while the cwd is unknown (`openat(AT_FDCWD, "out/")` = 3, then
  // `openat(3, "x")`): the path is at least known relative to where the process stands.
  if (base !== undefined && base.charCodeAt(0) !== 47 && raw.charCodeAt(0) !== 47) return { raw: `${base.replace(/\/+$/, "")}/${raw}`, resolved: undefined };
  const resolved = resolvePath(base, raw);
  return raw.charCodeAt(0) === 47 ? { raw, resolved } : { raw, resolved, base };
}

/** The string starting at `q` (a `"`): a plain slice when it has no escapes, decoded otherwise. */
function quotedAt(args: string, q: number): string | undefined {
  let escaped = false;
  let j = q + 1;
  const n = args.length;
  while (j < n) {
    const c = args.charCodeAt(j);
    if (c === 34) break;
    if (c === 92) {
      escaped = true;
      j += 2;
    } else j++;
  }
  if (j >= n) return undefined;
  return escaped ? cStringText(args.slice(q, j + 1)) : args.slice(q + 1, j);
}
