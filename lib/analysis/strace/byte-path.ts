// The analyzer's byte path (LineAnalyzer.pushLines): lines are read from their bytes and never decoded
// as a whole. Most lines of a trace are calls whose only effect is a tally (count, errors, time) and a
// tick of their process's success counter, or a path lookup whose path the cache below already knows;
// they take shortcuts. Other call lines go to the same string handlers as push() with their parts cut
// from the bytes. Lines the byte path does not read (see byteLine) go through push() as decoded text.
// Every step must have exactly the effect push() of the decoded line has: tests/byte-path.test.ts
// compares the two on every line form.
import { isAscii } from "node:buffer";
import { decodeLine } from "../input/decode-line";
import type { LogLine } from "../types";
import * as byteLines from "./byte-lines";
import type { ByteLine, ByteResult } from "./byte-lines";
import * as bytePaths from "./byte-paths";
import type { ByteSpan } from "./byte-paths";
import { classifyFailure, EXECS, OPENS, pathArgIndex } from "./classify";
import { onPathFailure } from "./failed-calls";
import type { ProcState } from "./process-table";
import type { Tally } from "./report-builder";
import { isInteresting, onPathSuccess } from "./successful-calls";
import { observeTime } from "./timestamps";
import { MAX_PENDING, type AnalyzerCore, type FileState, type PathArg } from "./trace-context";

// tsx runs this code as CommonJS, where each use of an imported name goes through a getter: the
// per-line helpers are bound once here.
const { byteNames, endsUnfinished, errnoEnd, FAST_MAX_LINE, hasByte, isResumedTag, latin1, leadingFileFd, nameEnd, readResult, scanPrefix } = byteLines;
const { ByteFinder, PathCache, quotedPathAt } = bytePaths;

/** What a successful call of a given name does beyond counting, as far as the byte path is concerned. */
const PLAIN = 0; // nothing (not isInteresting)
const READ = 1; // read(): nothing when its fd is a file (`3</path>`)
const CLOSE = 2; // close(): forgets the fd when it is a file
const PATH = 3; // a path call (not an exec)
const OTHER = 4; // its string handler

// Kinds of line the byte path reads.
const CALL = 0;
const UNFINISHED = 1;
const RESUMED = 2;

const NO_VIEW: DataView = new DataView(new ArrayBuffer(0));

interface NameInfo {
  name: string;
  use: number;
  /** pathArgIndex of the name. */
  pathIdx: number;
  open: boolean;
  /** Where its calls are counted (ReportBuilder.tallyOf), once known. */
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

/** The byte path of one analyzer, working on its state through `core`. */
export function createBytePath(core: AnalyzerCore): (buf: Buffer, start: number, end: number, firstNo: number, file?: string) => number {
  const { ctx, site } = core;
  const procs = ctx.procs;
  const nameAt = byteNames(nameInfo);
  const errnoAt = byteNames((name) => name);
  const bl: ByteLine = { pid: -1, timeStart: -1, timeEnd: -1 };
  const br: ByteResult = { duration: undefined, result: -1, resultEnd: -1, argsEnd: -1, failed: false };
  const find = { quote: new ByteFinder(34), backslash: new ByteFinder(92) };
  const cr = new ByteFinder(13);
  const esc = new ByteFinder(27);
  const span: ByteSpan = { start: 0, end: 0 };
  const pathCache = new PathCache();
  /** A DataView of the buffer pushLines is reading. */
  let view = NO_VIEW;
  /** The state of the file pushLines is reading, once it exists. */
  let fileOfRun: FileState | null = null;

  function pushLines(buf: Buffer, start: number, end: number, firstNo: number, file?: string): number {
    fileOfRun = null;
    for (const f of [find.quote, find.backslash, cr, esc]) f.reset();
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    // decodeLine rewrites lines with a CR or an escape, and non-ASCII lines decode to other offsets:
    // when the whole run has none, no line needs checking on its own.
    const clean = isAscii(buf.subarray(start, end)) && !hasByte(buf, 13, start, end) && !hasByte(buf, 27, start, end);
    let no = firstNo - 1;
    for (let p = start; p < end; ) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl > end) nl = end;
      no++;
      if (!byteLine(buf, p, nl, no, file, clean)) {
        const line: LogLine = { no, text: decodeLine(buf, p, nl).text, bytes: nl - p + 1 };
        if (file !== undefined) line.file = file;
        core.push(line);
      }
      p = nl + 1;
    }
    // Nothing keeps the buffer once its lines are read.
    for (const f of [find.quote, find.backslash, cr, esc]) f.reset();
    view = NO_VIEW;
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
    if (!clean && (!isAscii(buf.subarray(s, e)) || cr.next(buf, s) < e || esc.next(buf, s) < e)) return false;
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
    // The file's state, created at its first call line (as push() does) and the same from then on.
    const fs = fileOfRun ?? (fileOfRun = core.fileState(file));
    const shownPid = bl.pid >= 0 ? bl.pid : fs.defaultPid;
    const pid = shownPid ?? 0;
    const proc = procs.peek(pid);
    // Shortcuts need a process seen before and a clock the stamp does not change (set, not -r).
    if (proc !== undefined && (bl.timeStart < 0 || (fs.clock.format !== undefined && fs.clock.format !== "relative"))) {
      if (kind === UNFINISHED) {
        core.commit(e - s + 1);
        unfinished(buf, from, e, fs, pid, info);
        return true;
      }
      if (kind === RESUMED ? resumedShortcut(buf, s, e, fs, pid, proc, info) : callShortcut(buf, s, e, no, file, fs, pid, shownPid, proc, info, from)) {
        return true;
      }
    }
    core.commit(e - s + 1);
    if (bl.timeStart >= 0) observeTime(latin1(buf, bl.timeStart, bl.timeEnd), fs.clock);
    core.atSite(fs, pid, shownPid, no, file, buf, bl.timeStart, bl.timeEnd);
    if (proc !== undefined) site.tgid = proc.tgid;
    else core.newProcess(pid);
    if (kind === UNFINISHED) {
      unfinished(buf, from, e, fs, pid, info);
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
    core.completeCall(info.name, args, result, br.duration);
    return true;
  }

  /** `name(args <unfinished ...>`: the call waits for its `<... name resumed>` half. */
  function unfinished(buf: Buffer, from: number, e: number, fs: FileState, pid: number, info: NameInfo): void {
    if (fs.pending.size >= MAX_PENDING) fs.pending.clear();
    fs.pending.set(pid, { name: info.name, args: from < e - 16 ? latin1(buf, from, e - 16).trimEnd() : "" });
  }

  /** A resumed call that is only a tally (a plain call, or a failure that cannot matter); false otherwise. */
  function resumedShortcut(buf: Buffer, s: number, e: number, fs: FileState, pid: number, proc: ProcState, info: NameInfo): boolean {
    if (br.result >= 0 && info.use !== PLAIN) return false;
    const failed = br.result >= 0 && br.failed;
    if (failed && !harmlessFailure(buf, info)) return false;
    core.commit(e - s + 1);
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
      core.commit(e - s + 1);
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
      const found = quotedPathAt(buf, view, argsAt, br.argsEnd, info.pathIdx, cwd, find, span);
      if (found < 0) return false;
      if (found > 0) path = pathCache.get(buf, view, span.start, span.end, cwd);
      else if (failed && classifyFailure(info.name, errno) !== null) return false; // then the descriptor is looked at
    }
    core.commit(e - s + 1);
    count(info, failed);
    if (!failed) ctx.book.tick(proc.tgid);
    if (closedFd >= 0) procs.closeFd(pid, closedFd);
    if (path === null) return true;
    // A path call: its handler, with the call site set up as push() does.
    core.atSite(fs, pid, shownPid, no, file, buf, bl.timeStart, bl.timeEnd);
    site.tgid = proc.tgid;
    const result = failed || info.open ? latin1(buf, br.result, br.resultEnd) : "";
    if (failed) onPathFailure(ctx, site, info.name, path, result, errno, classifyFailure(info.name, errno));
    else onPathSuccess(ctx, site, info.name, path, "", result);
    return true;
  }

  return pushLines;
}
