// The streaming analyzer for strace output. Lines of several `-ff -o prefix` files may be pushed one file
// after the other (LogLine.file set); per-file state (pid from the `prefix.PID` name, clock, calls left
// `<unfinished ...>`) is kept apart and events are merged by time stamp at finish().
import { isAscii } from "node:buffer";
import { decodeLine } from "../input/decode-line";
import type { AnalyzeOptions, LineAnalyzer, LogLine, PartialResult } from "../types";
import {
  byteNames,
  endsUnfinished,
  errnoEnd,
  FAST_MAX_LINE,
  latin1,
  leadingFileFd,
  nameEnd,
  readResult,
  scanPrefix,
  type ByteLine,
  type ByteResult,
} from "./byte-lines";
import { ByteFinder, PathCache, quotedPathAt, type ByteSpan } from "./byte-paths";
import { classifyFailure, EXECS, OPENS, pathArgIndex } from "./classify";
import { CandidateBook, isAfter, type Candidate } from "./candidates";
import { EventList, stablePath } from "./event-list";
import { detailsOf } from "./failure-targets";
import { onFailedCall, onPathFailure } from "./failed-calls";
import { detach, newStraceLine, parseStraceLine, resultErrno, type StraceLine } from "./line-grammar";
import { PathKnowledge } from "./paths";
import { ProcessTable, type ProcState } from "./process-table";
import { ReportBuilder, type Tally } from "./report-builder";
import { onExitLine, onSignalLine } from "./process-exits";
import { SocketBook } from "./socket-book";
import { isInteresting, onPathSuccess, onSuccessfulCall } from "./successful-calls";
import type { CallSite, PathArg, TraceContext } from "./trace-context";
import { newTraceClock, observeTime, resolveTime, type StraceTime, type TraceClock } from "./timestamps";

interface FileState {
  index: number;
  /** `trace.23781` → 23781: lines of a -ff file carry no pid. */
  defaultPid?: number;
  clock: TraceClock;
  /** Calls printed `<unfinished ...>`, by pid, waiting for their `<... name resumed>`. */
  pending: Map<number, { name: string; args: string }>;
}

const MAX_PENDING = 4_096;
const MAX_RESOLUTIONS = 200;
const PROGRESS_EVERY = 4 << 20;

/** What the byte path may do with a successful call of a given name. */
const PLAIN = 0; // counted, nothing else (not isInteresting)
const READ = 1; // read(): nothing else when its fd is a file (`3</path>`)
const CLOSE = 2; // close(): forgets the fd when it is a file
const PATH = 3; // a path call (not an exec)
const OTHER = 4; // needs the string handlers

// Kinds of line the byte path reads.
const CALL = 0;
const UNFINISHED = 1;
const RESUMED = 2;

interface NameInfo {
  name: string;
  /** What a successful call does beyond counting. */
  use: number;
  /** pathArgIndex of the name. */
  pathIdx: number;
  open: boolean;
  tally?: Tally;
}

function nameInfo(name: string): NameInfo {
  const pathIdx = pathArgIndex(name);
  let use = OTHER;
  if (!isInteresting(name)) use = PLAIN;
  else if (name === "read") use = READ;
  else if (name === "close") use = CLOSE;
  else if (pathIdx >= 0 && !EXECS.has(name)) use = PATH;
  return { name, use, pathIdx, open: OPENS.has(name) };
}

/** Whether buf[s, e) holds byte c. */
const hasByte = (buf: Buffer, c: number, s: number, e: number) => {
  const k = buf.indexOf(c, s);
  return k >= 0 && k < e;
};

/** `prefix.23781` → 23781 (the `-ff -o prefix` naming). */
export function pidFromFileName(name: string | undefined): number | undefined {
  const m = name ? /\.(\d{1,9})$/.exec(name) : null;
  return m ? Number(m[1]) : undefined;
}

export function createTraceAnalyzer(opts: AnalyzeOptions = {}): LineAnalyzer {
  const procs = new ProcessTable();
  const resolutions: TraceContext["resolutions"] = [];
  const events = new EventList();
  const paths = new PathKnowledge();
  const onDecisive = (c: Candidate) => {
    const { fields, message, resolution } = detailsOf(c.syscall, c.pid, c.line, c.what, paths);
    if (resolution && resolutions.length < MAX_RESOLUTIONS) resolutions.push(resolution);
    if (c.clock) fields.time = c.clock;
    events.add({
      cls: c.cls,
      ruleId: c.ruleId,
      line: c.line,
      file: c.file,
      fileIndex: c.fileIndex,
      seq: c.seq,
      sortKey: c.sortKey,
      timestamp: c.timestamp,
      message,
      fields,
      target: c.foldTarget ?? stablePath(c.key.slice(c.key.indexOf("|") + 1)),
      tgid: procs.tgidOf(c.pid ?? 0),
      count: c.count,
      repeatLines: c.repeatLines,
    });
  };
  const ctx: TraceContext = {
    opts,
    procs,
    paths,
    report: new ReportBuilder(),
    book: new CandidateBook(onDecisive, (tgid) => failedOf(tgid)),
    events,
    sockets: new SocketBook(),
    resolutions,
  };
  const files = new Map<string | undefined, FileState>();
  let seq = 0;
  let bytes = 0;
  let nextProgress = PROGRESS_EVERY;

  const fileState = (file: string | undefined): FileState => {
    let fs = files.get(file);
    if (!fs) {
      fs = { index: files.size, defaultPid: pidFromFileName(file ?? opts.name), clock: newTraceClock(), pending: new Map() };
      files.set(file, fs);
      // Per-pid files (`prefix.PID`): a process's threads and messages may be in files not read yet.
      if (fs.defaultPid !== undefined) ctx.book.deferred = true;
    }
    return fs;
  };

  // One parsed line and one call site, reused for every line: the hot path allocates nothing for them.
  const parsed = newStraceLine();
  let clockOfLine: TraceClock = newTraceClock();
  let memo: StraceTime | undefined | null = null;
  const site: CallSite = {
    pid: 0,
    tgid: 0,
    line: 0,
    fileIndex: 0,
    seq: 0,
    time: () => (memo === null ? (memo = resolveTime(lineTime(), clockOfLine, opts.baseDate)) : memo),
    sortKey: () => site.time()?.sortKey,
  };

  function account(lineBytes: number): void {
    bytes += lineBytes;
    if (opts.onProgress && bytes >= nextProgress) {
      nextProgress = bytes + PROGRESS_EVERY;
      opts.onProgress({ bytes, events: events.size });
    }
  }

  const lineTime = () => (lineBuf === null ? parsed.time : bl.timeStart >= 0 ? latin1(lineBuf, bl.timeStart, bl.timeEnd) : undefined);

  function push(line: LogLine): void {
    account(line.bytes);
    lineBuf = null;
    parseStraceLine(line.text, parsed);
    if (parsed.kind === "other") return;
    const fs = fileState(line.file);
    seq++;
    if (parsed.time) observeTime(parsed.time, fs.clock);
    const shownPid = parsed.pid ?? fs.defaultPid;
    const pid = shownPid ?? 0;
    memo = null;
    clockOfLine = fs.clock;
    site.pid = pid;
    site.shownPid = shownPid;
    site.line = line.no;
    site.file = line.file;
    site.fileIndex = fs.index;
    site.seq = seq;
    const known = procs.peek(pid);
    if (known) site.tgid = known.tgid;
    else newProcess(pid);
    dispatch(fs, site, parsed);
  }

  // The byte path (pushLines): lines are read from their bytes and never decoded as a whole. Lines it
  // does not read (see byteLine) go through push() as decoded text.
  const nameAt = byteNames(nameInfo);
  const errnoAt = byteNames((name) => name);
  const bl: ByteLine = { pid: -1, timeStart: -1, timeEnd: -1 };
  const br: ByteResult = { duration: undefined, result: -1, resultEnd: -1, argsEnd: -1, failed: false };
  const find = { quote: new ByteFinder(34), backslash: new ByteFinder(92) };
  const span: ByteSpan = { start: 0, end: 0 };
  const pathCache = new PathCache();
  /** The buffer of the line being handled from bytes (its stamp is read from there when needed). */
  let lineBuf: Buffer | null = null;

  function pushLines(buf: Buffer, start: number, end: number, firstNo: number, file?: string): number {
    find.quote.reset();
    find.backslash.reset();
    // decodeLine rewrites lines with a CR or an escape, and non-ASCII lines decode to other offsets.
    const clean = isAscii(buf.subarray(start, end)) && !hasByte(buf, 13, start, end) && !hasByte(buf, 27, start, end);
    let no = firstNo - 1;
    for (let p = start; p < end; ) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl > end) nl = end;
      no++;
      if (!byteLine(buf, p, nl, no, file, clean)) {
        const line: LogLine = { no, text: decodeLine(buf, p, nl).text, bytes: nl - p + 1 };
        if (file !== undefined) line.file = file;
        push(line);
      }
      p = nl + 1;
    }
    lineBuf = null;
    return no - firstNo + 1;
  }

  /**
   * Line `no`, buf[s, e), read from its bytes with the same effects as push() of its decoded text: a
   * call, its `<unfinished ...>` half or its `<... resumed>` half. Calls whose whole effect is known
   * from a few bytes take a shortcut; the others go to the string handlers with their parts cut from
   * the bytes. False (nothing done) for the lines left to push(): not plain ASCII, longer than the
   * engine decodes, exits and signals, unusual prefixes or names.
   */
  function byteLine(buf: Buffer, s: number, e: number, no: number, file: string | undefined, clean: boolean): boolean {
    if (e - s > FAST_MAX_LINE) return false;
    if (!clean && (!isAscii(buf.subarray(s, e)) || hasByte(buf, 13, s, e) || hasByte(buf, 27, s, e))) return false;
    const i = scanPrefix(buf, s, e, bl);
    if (i < 0) return false;
    let info: NameInfo;
    let from: number;
    let kind: number;
    if (buf[i] === 60 /* < */) {
      if (buf[i + 1] !== 46 || buf[i + 2] !== 46 || buf[i + 3] !== 46 || buf[i + 4] !== 32) return false;
      const k = nameEnd(buf, i + 5, e, 59, 32);
      if (k < 0 || k > i + 64 || !isResumedTag(buf, k)) return false;
      info = nameAt(buf, i + 5, k);
      from = k + 9;
      kind = RESUMED;
    } else {
      const j = nameEnd(buf, i, e, 40, 40);
      if (j < 0) return false;
      info = nameAt(buf, i, j);
      from = j + 1;
      kind = endsUnfinished(buf, s, e) ? UNFINISHED : CALL;
    }
    if (kind !== UNFINISHED && !readResult(buf, from, e, br)) return false;
    // A call line for sure: what push() does from here on.
    const fs = fileState(file);
    const shownPid = bl.pid >= 0 ? bl.pid : fs.defaultPid;
    const pid = shownPid ?? 0;
    const proc = procs.peek(pid);
    // Shortcuts need a process seen before and a clock the stamp does not change (set, not -r).
    if (proc !== undefined && (bl.timeStart < 0 || (fs.clock.format !== undefined && fs.clock.format !== "relative"))) {
      if (kind === UNFINISHED) {
        commit(e - s + 1);
        if (fs.pending.size >= MAX_PENDING) fs.pending.clear();
        fs.pending.set(pid, { name: info.name, args: from < e - 16 ? latin1(buf, from, e - 16).trimEnd() : "" });
        return true;
      }
      if (kind === RESUMED ? resumedShortcut(buf, s, e, fs, pid, proc, info) : callShortcut(buf, s, e, no, file, fs, pid, shownPid, proc, info, from)) {
        return true;
      }
    }
    commit(e - s + 1);
    if (bl.timeStart >= 0) observeTime(latin1(buf, bl.timeStart, bl.timeEnd), fs.clock);
    atSite(buf, fs, pid, shownPid, no, file);
    if (proc !== undefined) site.tgid = proc.tgid;
    else newProcess(pid);
    if (kind === UNFINISHED) {
      if (fs.pending.size >= MAX_PENDING) fs.pending.clear();
      fs.pending.set(pid, { name: info.name, args: from < e - 16 ? latin1(buf, from, e - 16).trimEnd() : "" });
      return true;
    }
    const result = br.result >= 0 ? latin1(buf, br.result, br.resultEnd) : undefined;
    // Without a result the arguments are not looked at (completeCall only counts the call).
    let args = br.result >= 0 && br.argsEnd > from ? latin1(buf, from, br.argsEnd) : "";
    if (kind === RESUMED) {
      const head = fs.pending.get(pid);
      fs.pending.delete(pid);
      if (head && head.name === info.name) args = `${head.args} ${args}`;
    }
    completeCall(site, info.name, args, result, br.duration);
    return true;
  }

  /** A resumed call that is only a tally (a plain call, or a failure that cannot matter); false otherwise. */
  function resumedShortcut(buf: Buffer, s: number, e: number, fs: FileState, pid: number, proc: ProcState, info: NameInfo): boolean {
    if (br.result >= 0 && info.use !== PLAIN) return false;
    const failed = br.result >= 0 && br.failed;
    if (failed && !harmlessFailure(buf, info)) return false;
    commit(e - s + 1);
    fs.pending.delete(pid);
    count(info, failed);
    if (br.result >= 0 && !failed) ctx.book.tick(proc.tgid);
    return true;
  }

  /** The errno of a failed call (br), read from its bytes. */
  function errnoOf(buf: Buffer): string {
    const at = br.result + (buf[br.result] === 45 ? 3 : 2);
    return errnoAt(buf, at, errnoEnd(buf, at + 1, br.resultEnd));
  }

  /** A failed call of a non-path syscall whose errno cannot matter (onFailedCall would only count it). */
  function harmlessFailure(buf: Buffer, info: NameInfo): boolean {
    if (info.pathIdx >= 0) return false;
    const errno = errnoOf(buf);
    return errno !== "EINPROGRESS" && classifyFailure(info.name, errno) === null;
  }

  /** Sets up the call site for line `no` read from `buf`, as push() does. */
  function atSite(buf: Buffer, fs: FileState, pid: number, shownPid: number | undefined, no: number, file: string | undefined): void {
    memo = null;
    lineBuf = buf;
    clockOfLine = fs.clock;
    site.pid = pid;
    site.shownPid = shownPid;
    site.line = no;
    site.file = file;
    site.fileIndex = fs.index;
    site.seq = seq;
  }

  /** The first line of a process: it starts then (push() and byteLine()). */
  function newProcess(pid: number): void {
    const t = site.time();
    const p = procs.get(pid);
    p.startedAt = t?.iso ?? t?.clock;
    p.startKey = t?.sortKey;
    site.tgid = pid;
  }

  /** Counts a call of this name (duration from br). */
  function count(info: NameInfo, failed: boolean): void {
    const t = (info.tally ??= ctx.report.tallyOf(info.name));
    t.calls++;
    if (failed) t.errors++;
    if (br.duration) t.seconds += br.duration;
  }

  /**
   * A call (br holds its result) whose effect is known from its bytes: a plain call or one without a
   * result (a tally), a failure that cannot matter, a read or close of a file, a path call with a
   * simple path. False (nothing done) for the others.
   */
  function callShortcut(
    buf: Buffer,
    s: number,
    e: number,
    no: number,
    file: string | undefined,
    fs: FileState,
    pid: number,
    shownPid: number | undefined,
    proc: ProcState,
    info: NameInfo,
    argsAt: number,
  ): boolean {
    const failed = br.result >= 0 && br.failed;
    if (br.result < 0 || (!failed && info.use === PLAIN)) {
      commit(e - s + 1);
      count(info, false);
      if (br.result >= 0) ctx.book.tick(proc.tgid);
      return true;
    }
    let errno = "";
    let closedFd = -1;
    if (failed) {
      errno = errnoOf(buf);
      // A non-path call whose failure may matter (or a connect in progress) needs its arguments parsed.
      if (info.pathIdx < 0 && (errno === "EINPROGRESS" || classifyFailure(info.name, errno) !== null)) return false;
    } else if (info.use === READ || info.use === CLOSE) {
      const fd = leadingFileFd(buf, argsAt, br.argsEnd);
      if (fd < 0) return false;
      if (info.use === CLOSE) closedFd = fd;
    } else if (info.use !== PATH) return false;
    let path: PathArg | null = null;
    if (info.pathIdx >= 0 && (failed || info.use === PATH)) {
      const cwd = proc.cwd;
      const found = quotedPathAt(buf, argsAt, br.argsEnd, info.pathIdx, cwd, find, span);
      if (found < 0) return false;
      if (found > 0) path = pathCache.get(buf, span.start, span.end, cwd);
      else if (failed && classifyFailure(info.name, errno) !== null) return false; // then the descriptor is looked at
    }
    commit(e - s + 1);
    count(info, failed);
    if (!failed) ctx.book.tick(proc.tgid);
    if (closedFd >= 0) procs.closeFd(pid, closedFd);
    if (path === null) return true;
    // A path call: its handler, with the call site set up as push() does.
    atSite(buf, fs, pid, shownPid, no, file);
    site.tgid = proc.tgid;
    const result = failed || info.open ? latin1(buf, br.result, br.resultEnd) : "";
    if (failed) onPathFailure(ctx, site, info.name, path, result, errno, classifyFailure(info.name, errno));
    else onPathSuccess(ctx, site, info.name, path, "", result);
    return true;
  }

  /** A line handled from its bytes: bytes consumed and its place in the trace. */
  function commit(lineBytes: number): void {
    account(lineBytes);
    seq++;
  }

  function dispatch(fs: FileState, site: CallSite, parsed: StraceLine): void {
    switch (parsed.kind) {
      case "unfinished":
        if (fs.pending.size >= MAX_PENDING) fs.pending.clear();
        fs.pending.set(site.pid, { name: parsed.name, args: detach(parsed.args) });
        return;
      case "resumed": {
        const head = fs.pending.get(site.pid);
        fs.pending.delete(site.pid);
        const args = head && head.name === parsed.name ? `${head.args} ${parsed.args}` : parsed.args;
        return completeCall(site, parsed.name, args, parsed.result, parsed.duration);
      }
      case "call":
        return completeCall(site, parsed.name, parsed.args, parsed.result, parsed.duration);
      case "signal":
        return onSignalLine(ctx, site, parsed);
      case "exited":
      case "killed":
        fs.pending.delete(site.pid);
        return onExitLine(ctx, site, parsed);
    }
  }

  function completeCall(site: CallSite, name: string, args: string, result: string | undefined, duration: number | undefined): void {
    const errno = resultErrno(result);
    ctx.report.count(name, errno !== undefined, duration);
    if (result === undefined) return;
    if (errno !== undefined) return onFailedCall(ctx, site, name, args, result, errno);
    ctx.book.tick(site.tgid);
    if (isInteresting(name)) onSuccessfulCall(ctx, site, name, args, result);
  }

  /** true: exited non-zero or by a fatal signal; false: exited 0 (or SIGPIPE); undefined: still running. */
  const failedOf = (tgid: number): boolean | undefined => {
    const p = procs.peek(tgid);
    if (p?.signal) return p.signal !== "SIGPIPE";
    const code = p?.exitCode ?? p?.exitRequested;
    return code === undefined ? undefined : code !== 0;
  };

  /** The process failed and so did each ancestor, none of them doing real work after reaping the failed child. */
  const reachesTop = (tgid: number): boolean => {
    let p = procs.peek(tgid);
    for (let hops = 0; p && hops < 256; hops++) {
      if (!failedOf(p.tgid)) return false;
      const parent = p.parentPid !== undefined ? procs.peek(p.parentPid) : undefined;
      if (!parent) return true;
      if (parent.lastProductive && p.exitAt && isAfter(parent.lastProductive, p.exitAt)) return false;
      p = parent;
    }
    return false;
  };

  function finish(): PartialResult {
    ctx.book.settleAll(failedOf);
    const { events: list, rootCause, causalChain } = events.finish(reachesTop);
    return {
      format: "strace",
      events: list,
      rootCause,
      causalChain,
      strace: ctx.report.build(procs.report(), resolutions),
    };
  }

  return { push, pushLines, finish };
}

/** ` resumed>` at k. */
function isResumedTag(buf: Buffer, k: number): boolean {
  return (
    buf[k] === 32 && buf[k + 1] === 114 && buf[k + 2] === 101 && buf[k + 3] === 115 && buf[k + 4] === 117 &&
    buf[k + 5] === 109 && buf[k + 6] === 101 && buf[k + 7] === 100 && buf[k + 8] === 62
  );
}
