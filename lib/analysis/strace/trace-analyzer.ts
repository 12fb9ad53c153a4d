// The streaming analyzer for strace output. Lines of several `-ff -o prefix` files may be pushed one file
// after the other (LogLine.file set); per-file state (pid from the `prefix.PID` name, clock, calls left
// `<unfinished ...>`) is kept apart and events are merged by time stamp at finish().
import type { AnalyzeOptions, LogLine, PartialResult } from "../types";
import { createBytePath } from "./byte-path";
import type { StraceAnalyzer } from "./index";
import { latin1 } from "./byte-paths";
import { CandidateBook, isAfter, type Candidate, type Outcome } from "./candidates";
import { EventList, stablePath } from "./event-list";
import { detailsOf } from "./failure-targets";
import { onFailedCall } from "./failed-calls";
import { detach, newStraceLine, parseStraceLine, resultErrno, type StraceLine } from "./line-grammar";
import { PathKnowledge } from "./paths";
import { ProcessTable } from "./process-table";
import { ReportBuilder } from "./report-builder";
import { onExitLine, onSignalLine } from "./process-exits";
import { SocketBook } from "./socket-book";
import { isInteresting, onSuccessfulCall } from "./successful-calls";
import { forgetPending, makeRoomForPending, type AnalyzerCore, type CallSite, type FileState, type TraceContext } from "./trace-context";
import { clockKey, newTraceClock, observeTime, packedSeconds, resolvePackedTime, resolveTime, type StraceTime, type TraceClock } from "./timestamps";

const MAX_RESOLUTIONS = 200;
const PROGRESS_EVERY = 4 << 20;

/** `prefix.23781` → 23781 (the `-ff -o prefix` naming). */
export function pidFromFileName(name: string | undefined): number | undefined {
  const m = name ? /\.(\d{1,9})$/.exec(name) : null;
  return m ? Number(m[1]) : undefined;
}

export function createTraceAnalyzer(opts: AnalyzeOptions = {}): StraceAnalyzer {
  const procs = new ProcessTable();
  const resolutions: TraceContext["resolutions"] = [];
  const events = new EventList();
  const paths = new PathKnowledge();
  const onDecisive = (c: Candidate) => {
    const { fields, message, resolution } = detailsOf(c.syscall, c.pid, c.line, c.what, paths);
    if (resolution && resolutions.length < MAX_RESOLUTIONS) resolutions.push(resolution);
    const timestamp = c.time?.iso;
    if (!timestamp && c.time?.clock) fields.time = c.time.clock;
    events.add({
      cls: c.cls,
      ruleId: c.ruleId,
      line: c.line,
      firstLine: c.firstLine,
      file: c.file,
      fileIndex: c.fileIndex,
      seq: c.seq,
      sortKey: c.sortKey,
      timestamp,
      message,
      fields,
      target: stablePath(c.key.slice(c.key.indexOf("|") + 1)),
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

  const defaultPid = (file: string | undefined) => pidFromFileName(file ?? opts.name);

  const fileState = (file: string | undefined): FileState => {
    let fs = files.get(file);
    if (!fs) {
      fs = { index: files.size, defaultPid: defaultPid(file), clock: newTraceClock(), pending: new Map() };
      files.set(file, fs);
      // Per-pid files (`prefix.PID`): a process's threads and messages may be in files not read yet.
      if (fs.defaultPid !== undefined) {
        ctx.book.deferred = true;
        procs.get(fs.defaultPid).ownFile = true;
      }
    }
    return fs;
  };

  // One parsed line and one call site, reused for every line: the hot path allocates nothing for them.
  const parsed = newStraceLine();
  let clockOfLine: TraceClock = newTraceClock();
  let memo: StraceTime | undefined | null = null;
  // The stamp of the line at the site: parsed.time, or (byte path) buf[stampStart, stampEnd) when asked
  // for, with its seconds into the day (stampSec) when the line scanner worked them out (else NaN).
  let stampBuf: Buffer | null = null;
  let stampStart = -1;
  let stampEnd = -1;
  // A typed array, not a variable: a double stored in a variable is boxed on every line.
  const stampPacked = new Float64Array(1);
  const time = (): StraceTime | undefined => {
    if (stampBuf === null) return resolveTime(parsed.time, clockOfLine, opts.baseDate);
    if (stampStart < 0) return undefined;
    const packed = stampPacked[0];
    if (packed === packed) return resolvePackedTime(packed, clockOfLine, opts.baseDate);
    return resolveTime(latin1(stampBuf, stampStart, stampEnd), clockOfLine, opts.baseDate, true);
  };
  const site: CallSite = {
    pid: 0,
    tgid: 0,
    line: 0,
    fileIndex: 0,
    seq: 0,
    time: () => (memo === null ? (memo = time()) : memo),
    // Without the time's text when the seconds are known (most `-tt` lines): the same key, sooner.
    sortKey: () => {
      const packed = stampPacked[0];
      if (memo === null && stampBuf !== null && stampStart >= 0 && packed === packed && (clockOfLine.format ?? "clock") === "clock") {
        return clockKey(packedSeconds(packed), clockOfLine, opts.baseDate);
      }
      return site.time()?.sortKey;
    },
  };

  function account(lineBytes: number): void {
    bytes += lineBytes;
    if (opts.onProgress && bytes >= nextProgress) {
      nextProgress = bytes + PROGRESS_EVERY;
      opts.onProgress({ bytes, events: events.size });
    }
  }

  function push(line: LogLine): void {
    account(line.bytes);
    parseStraceLine(line.text, parsed);
    if (parsed.kind === "other") return;
    const fs = fileState(line.file);
    seq++;
    if (parsed.time) observeTime(parsed.time, fs.clock);
    const shownPid = parsed.pid ?? fs.defaultPid;
    const pid = shownPid ?? 0;
    atSite(fs, pid, shownPid, line.no, line.file, null, -1, -1);
    const known = procs.peek(pid);
    if (known) site.tgid = known.tgid;
    else newProcess(pid);
    dispatch(fs, site, parsed);
  }

  /**
   * Sets up the call site for line `no`; its stamp is parsed.time (buf null) or buf[start, end), whose
   * packed form the byte path puts in core.stampPacked[0] (NaN: unknown) when it calls this.
   */
  function atSite(fs: FileState, pid: number, shownPid: number | undefined, no: number, file: string | undefined, buf: Buffer | null, start: number, end: number): void {
    memo = null;
    clockOfLine = fs.clock;
    stampBuf = buf;
    stampStart = start;
    stampEnd = end;
    if (buf === null) stampPacked[0] = NaN;
    site.pid = pid;
    site.shownPid = shownPid;
    site.line = no;
    site.file = file;
    site.fileIndex = fs.index;
    site.seq = seq;
  }

  /** The first line of a process: it starts then. */
  function newProcess(pid: number): void {
    const t = site.time();
    const p = procs.get(pid);
    p.startedAt = t?.iso ?? t?.clock;
    p.startKey = t?.sortKey;
    site.tgid = pid;
  }

  /** A line consumed by the byte path: its bytes, and its place in the trace. */
  function commit(lineBytes: number): void {
    account(lineBytes);
    seq++;
  }

  // The byte path (pushLines), reading lines from their bytes; what it does not read comes back to push().
  const core: AnalyzerCore = {
    ctx,
    site,
    fileState,
    defaultPid,
    stampPacked,
    commit,
    atSite,
    newProcess,
    completeCall: (name, args, result, duration) => completeCall(site, name, args, result, duration),
    push,
  };
  const bytePath = createBytePath(core);
  const pushLines = bytePath.pushLines;
  const pushScanned: StraceAnalyzer["pushScanned"] = (t, firstNo, file) => {
    const n = bytePath.pushScanned(t.buf, t.batch, t.origin, firstNo, file);
    t.release();
    return n;
  };

  function dispatch(fs: FileState, site: CallSite, parsed: StraceLine): void {
    switch (parsed.kind) {
      case "unfinished":
        makeRoomForPending(fs);
        fs.pending.set(site.pid, { name: parsed.name, args: detach(parsed.args) });
        return;
      case "resumed": {
        const head = fs.pending.get(site.pid);
        forgetPending(fs, site.pid);
        const args = head && head.name === parsed.name ? `${head.args} ${parsed.args}` : parsed.args;
        return completeCall(site, parsed.name, args, parsed.result, parsed.duration);
      }
      case "call":
        return completeCall(site, parsed.name, parsed.args, parsed.result, parsed.duration);
      case "signal":
        return onSignalLine(ctx, site, parsed);
      case "exited":
      case "killed":
        forgetPending(fs, site.pid);
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

  /**
   * true: exited non-zero or by a fatal signal; false: exited 0 (or SIGPIPE); undefined: still running;
   * "thread-ended": a `-ff` file of one thread that never ran a program of its own and ended with exit(0)
   * (its process's fate is in another file; the thread's job ended there).
   */
  const failedOf = (tgid: number): Outcome => {
    const p = procs.peek(tgid);
    if (p?.signal) return p.signal !== "SIGPIPE";
    const code = p?.exitCode ?? p?.exitRequested;
    if (code === 0 && p?.threadExit && p.ownFile && p.parentPid === undefined && !p.exe) return "thread-ended";
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

  return { push, pushLines, pushScanned, finish };
}
