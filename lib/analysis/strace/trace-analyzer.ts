// The streaming analyzer for strace output. Lines of several `-ff -o prefix` files may be pushed one file
// after the other (LogLine.file set); per-file state (pid from the `prefix.PID` name, clock, calls left
// `<unfinished ...>`) is kept apart and events are merged by time stamp at finish().
import type { AnalyzeOptions, LineAnalyzer, LogLine, PartialResult } from "../types";
import { CandidateBook, isAfter, type Candidate } from "./candidates";
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
import type { CallSite, TraceContext } from "./trace-context";
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
    time: () => (memo === null ? (memo = resolveTime(parsed.time, clockOfLine, opts.baseDate)) : memo),
    sortKey: () => site.time()?.sortKey,
  };

  function push(line: LogLine): void {
    bytes += line.bytes;
    if (opts.onProgress && bytes >= nextProgress) {
      nextProgress = bytes + PROGRESS_EVERY;
      opts.onProgress({ bytes, events: events.size });
    }
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
    else {
      const t = site.time();
      const p = procs.get(pid);
      p.startedAt = t?.iso ?? t?.clock;
      p.startKey = t?.sortKey;
      site.tgid = pid;
    }
    dispatch(fs, site, parsed);
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

  return { push, finish };
}
