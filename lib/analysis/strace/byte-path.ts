// The analyzer's byte path (LineAnalyzer.pushLines / pushScanned): lines are read from their bytes by the
// line scanner (line-scanner.ts, in-process or on a worker thread) and never decoded as a whole; this half
// applies what the scanner read to the analysis, in line order. Most lines of a trace are calls whose only
// effect is a tally (count, errors, time) and a tick of their process's success counter, or a path lookup
// whose path the scanner interned; they take shortcuts. Other call lines go to the same string handlers as
// push() with their parts cut from the bytes. Lines the scanner does not read go through push() as decoded
// text. Every step must have exactly the effect push() of the decoded line has: tests/byte-path.test.ts
// compares the two on every line form, tests/scan-pool.test.ts the in-process and worker scans.
import { isAscii } from "node:buffer";
import { decodeLine } from "../input/decode-line";
import type { LogLine } from "../types";
import { atFdcwdOf, holdsFor, latin1, pathEntry, type PathEntry } from "./byte-paths";
import { classifyFailure, EXECS, OPENS, pathArgIndex, SCANNER_CONFIG, type FailureKind } from "./classify";
import { errTextOf, onPathFailure } from "./failed-calls";
import * as scanning from "./line-scanner";
import type { ScanBatch } from "./line-scanner";
import type { ProcState } from "./process-table";
import type { Tally } from "./report-builder";
import { isInteresting, onPathSuccess } from "./successful-calls";
import { observeTime } from "./timestamps";
import { forgetPending, makeRoomForPending, NOT_KEPT, type AnalyzerCore, type FileState } from "./trace-context";

// tsx runs this code as CommonJS, where each use of an imported name goes through a getter: the
// per-line constants are bound once here, the batch layout from the scanner itself.
const { DECOS, DIR_BARE, DIR_DECO, ERRNOS, FAILED, KIND_MASK, NAMES, NOT_BYTE_LINE, PATH_COMPLEX, PATHS, RESULT_LT, RESULTS, RESUMED, TABLES, UNFINISHED } = scanning;
const { W, WF, S, E, OP, PID, TS, TE, NAME, FROM, RES, RES_END, ARGS_END, ERRNO, RESULT, PATH: PATH_ID, DECO, PAIR, FD, VALUE, DUR, STAMP } = scanning.createLineScanner(SCANNER_CONFIG, isAscii).layout;

/** What a successful call of a given name does beyond counting, as far as the byte path is concerned. */
const PLAIN = 0; // nothing (not isInteresting)
const READ = 1; // read(): nothing when its fd is a file (`3</path>`)
const CLOSE = 2; // close(): forgets the fd when it is a file
const PATH = 3; // a path call (not an exec)
const OTHER = 4; // its string handler

const NO_VIEW: DataView = new DataView(new ArrayBuffer(0));

interface NameInfo {
  name: string;
  use: number;
  /** pathArgIndex of the name. */
  pathIdx: number;
  open: boolean;
  /** Where its calls are counted (ReportBuilder.tallyOf), once known. */
  tally?: Tally;
  /** classifyFailure of this name by errno. */
  kinds: Map<string, FailureKind | null>;
}

function nameInfo(name: string): NameInfo {
  const pathIdx = pathArgIndex(name);
  let use = OTHER;
  if (!isInteresting(name)) use = PLAIN;
  else if (name === "read") use = READ;
  else if (name === "close") use = CLOSE;
  else if (pathIdx >= 0 && !EXECS.has(name)) use = PATH;
  return { name, use, pathIdx, open: OPENS.has(name), kinds: new Map() };
}

/** classifyFailure(info.name, errno), remembered (the kinds are never changed by their users). */
function kindOf(info: NameInfo, errno: string): FailureKind | null {
  let kind = info.kinds.get(errno);
  if (kind === undefined) {
    kind = classifyFailure(info.name, errno);
    if (info.kinds.size < 64) info.kinds.set(errno, kind);
  }
  return kind;
}

/** A failed call of a non-path syscall whose errno cannot matter (onFailedCall would only count it). */
const harmless = (info: NameInfo, errno: string) => info.pathIdx < 0 && errno !== "EINPROGRESS" && kindOf(info, errno) === null;

/** What a scanner's ids stand for, as far as one analyzer has seen its batches. */
interface Mirror {
  epoch: number;
  /** Per table (line-scanner's NAMES, ERRNOS…): the strings by id. */
  strings: string[][];
  infos: (NameInfo | undefined)[];
  entries: (PathEntry | undefined)[];
  /** Per decoration id: the cwd string last found equal to it. */
  decoCwds: (string | undefined)[];
  /** Per result id: errTextOf the result. */
  errTexts: (string | undefined)[];
}

/** Where batches come from: a scanner (in-process or a worker) whose ids they use. */
export type ScanOrigin = object;

export interface BytePath {
  /** The complete lines buf[start, end), scanned in-process. */
  pushLines(buf: Buffer, start: number, end: number, firstNo: number, file?: string): number;
  /** The lines of a batch scanned elsewhere from these bytes, the first being line `firstNo` of `file`. */
  pushScanned(buf: Buffer, batch: ScanBatch, origin: ScanOrigin, firstNo: number, file?: string): number;
}

/** The byte path of one analyzer, working on its state through `core`. */
export function createBytePath(core: AnalyzerCore): BytePath {
  const { ctx, site } = core;
  const procs = ctx.procs;
  const scanner = scanning.createLineScanner(SCANNER_CONFIG, isAscii);
  /** The in-process scanner's batch memory, reused (its batches are applied before the next scan). */
  let memory: ArrayBuffer | SharedArrayBuffer | undefined;
  const mirrors = new Map<ScanOrigin, Mirror>();
  const infos = new Map<string, NameInfo>();
  /** A DataView of the buffer being read. */
  let view = NO_VIEW;
  /** The state of the file being read, once it exists. */
  let fileOfRun: FileState | null = null;
  // The batch being applied (its records) and the ids it uses.
  let bi: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let bf: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let m: Mirror;

  function pushLines(buf: Buffer, start: number, end: number, firstNo: number, file?: string): number {
    const batch = scanner.scan(buf, start, end, core.defaultPid(file) ?? 0, memory);
    memory = undefined; // not reused should apply() fail half-way
    const n = apply(buf, batch, scanner, firstNo, file);
    memory = batch.memory;
    return n;
  }

  function pushScanned(buf: Buffer, batch: ScanBatch, origin: ScanOrigin, firstNo: number, file?: string): number {
    return apply(buf, batch, origin, firstNo, file);
  }

  /** The ids of `batch` made known (null when batches of its origin were missed: its ids are unknown). */
  function mirrorFor(batch: ScanBatch, origin: ScanOrigin): Mirror | null {
    let mirror = mirrors.get(origin);
    if (!mirror || mirror.epoch !== batch.epoch) {
      mirror = { epoch: batch.epoch, strings: Array.from({ length: TABLES }, () => []), infos: [], entries: [], decoCwds: [], errTexts: [] };
      mirrors.set(origin, mirror);
    }
    for (let t = 0; t < TABLES; t++) if (batch.firstIds[t] > mirror.strings[t].length) return null;
    for (let t = 0; t < TABLES; t++) {
      const strings = mirror.strings[t];
      strings.length = batch.firstIds[t];
      for (const text of batch.added[t]) strings.push(text);
    }
    return mirror;
  }

  function apply(buf: Buffer, batch: ScanBatch, origin: ScanOrigin, firstNo: number, file: string | undefined): number {
    const mirror = mirrorFor(batch, origin);
    if (!mirror) {
      return pushLines(buf, batch.start, batch.end, firstNo, file);
    }
    bi = batch.ints;
    bf = batch.floats;
    m = mirror;
    fileOfRun = null;
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const n = batch.count;
    for (let k = 0; k < n; k++) applyLine(buf, k, firstNo + k, file);
    // Nothing keeps the buffer or the batch once its lines are read.
    view = NO_VIEW;
    bi = new Int32Array(0);
    bf = new Float64Array(0);
    return n;
  }

  const infoAt = (id: number): NameInfo => {
    let info = m.infos[id];
    if (info === undefined) {
      const name = m.strings[NAMES][id];
      info = infos.get(name);
      if (info === undefined) {
        info = nameInfo(name);
        if (infos.size < 4_096) infos.set(name, info);
      }
      m.infos[id] = info;
    }
    return info;
  };

  /** The path with id `id` for a process whose cwd is `cwd`. */
  function entryAt(id: number, cwd: string | undefined): PathEntry {
    const x = m.entries[id];
    if (x !== undefined && holdsFor(x, cwd)) return x;
    return (m.entries[id] = pathEntry(x?.raw ?? m.strings[PATHS][id], cwd));
  }

  /**
   * Record k (line `no`, buf[s, e)) with the same effects as push() of its decoded text: a call, its
   * `<unfinished ...>` half or its `<... resumed>` half. Calls whose whole effect is known from what the
   * scanner read take a shortcut; the others go to the string handlers with their parts cut from the
   * bytes. Lines the scanner did not read (not plain ASCII, longer than the engine decodes, exits and
   * signals, unusual prefixes or names) go through push().
   */
  function applyLine(buf: Buffer, k: number, no: number, file: string | undefined): void {
    const s = bi[k * W + S];
    const e = bi[k * W + E];
    const op = bi[k * W + OP];
    const kind = op & KIND_MASK;
    if (kind === NOT_BYTE_LINE) {
      const line: LogLine = { no, text: decodeLine(buf, s, e).text, bytes: e - s + 1 };
      if (file !== undefined) line.file = file;
      return core.push(line);
    }
    const info = infoAt(bi[k * W + NAME]);
    // A call line for sure: what push() does from here on.
    // The file's state, created at its first call line (as push() does) and the same from then on.
    const fs = fileOfRun ?? (fileOfRun = core.fileState(file));
    const shown = bi[k * W + PID];
    const shownPid = shown >= 0 ? shown : fs.defaultPid;
    const pid = shownPid ?? 0;
    const proc = procs.peek(pid);
    const ts = bi[k * W + TS];
    // Shortcuts need a process seen before and a clock the stamp does not change (set, not -r).
    if (proc !== undefined && (ts < 0 || (fs.clock.format !== undefined && fs.clock.format !== "relative"))) {
      if (kind === UNFINISHED) {
        core.commit(e - s + 1);
        const r = bi[k * W + PAIR];
        if (r >= 0 && onlyCounted(r)) {
          // Its resumed half (record r, the next line of its pid) is only counted, never joined with it.
          makeRoomForPending(fs);
          fs.pending.set(pid, NOT_KEPT);
        } else unfinished(buf, bi[k * W + FROM], e, fs, pid, info);
        return;
      }
      if (kind === RESUMED ? resumedShortcut(k, s, e, fs, pid, proc, info) : callShortcut(buf, k, s, e, no, file, fs, pid, shownPid, proc, info)) return;
    }
    core.commit(e - s + 1);
    const te = bi[k * W + TE];
    // Once a clock is set, only -r stamps (deltas) change it.
    if (ts >= 0 && (fs.clock.format === undefined || fs.clock.format === "relative")) observeTime(latin1(buf, ts, te), fs.clock);
    core.stampPacked[0] = bf[k * WF + STAMP];
    core.atSite(fs, pid, shownPid, no, file, buf, ts, te);
    if (proc !== undefined) site.tgid = proc.tgid;
    else core.newProcess(pid);
    if (kind === UNFINISHED) return unfinished(buf, bi[k * W + FROM], e, fs, pid, info);
    const res = bi[k * W + RES];
    const from = bi[k * W + FROM];
    const argsEnd = bi[k * W + ARGS_END];
    const result = res >= 0 ? latin1(buf, res, bi[k * W + RES_END]) : undefined;
    // Without a result the arguments are not looked at (completeCall only counts the call).
    let args = res >= 0 && argsEnd > from ? latin1(buf, from, argsEnd) : "";
    if (kind === RESUMED) {
      const head = fs.pending.get(pid);
      forgetPending(fs, pid);
      if (head && head.name === info.name) args = `${head.args} ${args}`;
    }
    const d = bf[k * WF + DUR];
    core.completeCall(info.name, args, result, d === d ? d : undefined);
  }

  /** `name(args <unfinished ...>`: the call waits for its `<... name resumed>` half. */
  function unfinished(buf: Buffer, from: number, e: number, fs: FileState, pid: number, info: NameInfo): void {
    makeRoomForPending(fs);
    fs.pending.set(pid, { name: info.name, args: from < e - 16 ? latin1(buf, from, e - 16).trimEnd() : "" });
  }

  /** Whether the resumed call at record r is one whose handling never looks at its `<unfinished ...>` half. */
  function onlyCounted(r: number): boolean {
    if (bi[r * W + RES] < 0) return true;
    const info = infoAt(bi[r * W + NAME]);
    return (bi[r * W + OP] & FAILED) !== 0 ? harmless(info, m.strings[ERRNOS][bi[r * W + ERRNO]]) : info.use === PLAIN;
  }

  /** A resumed call that is only a tally (a plain call, or a failure that cannot matter); false otherwise. */
  function resumedShortcut(k: number, s: number, e: number, fs: FileState, pid: number, proc: ProcState, info: NameInfo): boolean {
    const res = bi[k * W + RES];
    if (res >= 0 && info.use !== PLAIN) return false;
    const failed = res >= 0 && (bi[k * W + OP] & FAILED) !== 0;
    if (failed && !harmless(info, m.strings[ERRNOS][bi[k * W + ERRNO]])) return false;
    core.commit(e - s + 1);
    forgetPending(fs, pid);
    count(info, failed, bf[k * WF + DUR]);
    if (res >= 0 && !failed) ctx.book.tick(proc.tgid);
    return true;
  }

  /** Counts a call of this name. */
  function count(info: NameInfo, failed: boolean, duration: number): void {
    const t = (info.tally ??= ctx.report.tallyOf(info.name));
    t.calls++;
    if (failed) t.errors++;
    if (duration) t.seconds += duration;
  }

  /**
   * A call whose effect is known from what the scanner read: a plain call or one without a result (a
   * tally), a failure that cannot matter, a read or close of a file, a path call with a simple path.
   * False (nothing done) for the others.
   */
  function callShortcut(
    buf: Buffer,
    k: number,
    s: number,
    e: number,
    no: number,
    file: string | undefined,
    fs: FileState,
    pid: number,
    shownPid: number | undefined,
    proc: ProcState,
    info: NameInfo,
  ): boolean {
    const res = bi[k * W + RES];
    const op = bi[k * W + OP];
    const failed = res >= 0 && (op & FAILED) !== 0;
    if (res < 0 || (!failed && info.use === PLAIN)) {
      core.commit(e - s + 1);
      count(info, false, bf[k * WF + DUR]);
      if (res >= 0) ctx.book.tick(proc.tgid);
      return true;
    }
    let errno = "";
    let closedFd = -1;
    if (failed) {
      errno = m.strings[ERRNOS][bi[k * W + ERRNO]];
      // A non-path call whose failure may matter (or a connect in progress) needs its arguments parsed.
      if (info.pathIdx < 0 && (errno === "EINPROGRESS" || kindOf(info, errno) !== null)) return false;
    } else if (info.use === READ || info.use === CLOSE) {
      const fd = bf[k * WF + FD];
      if (fd < 0) return false;
      if (info.use === CLOSE) closedFd = fd;
    } else if (info.use !== PATH) return false;
    let path: PathEntry | null = null;
    if (info.pathIdx >= 0 && (failed || info.use === PATH)) {
      const cwd = proc.cwd;
      let found = bi[k * W + PATH_ID];
      // `dirfd, "path"`: resolved against the cwd only for a bare AT_FDCWD or one decorated with the cwd itself.
      if (found >= 0 && info.pathIdx === 1 && (op & DIR_BARE) === 0 && !(cwd && (op & DIR_DECO) !== 0 && decoratedWith(buf, k, cwd))) {
        found = PATH_COMPLEX;
      }
      if (found === PATH_COMPLEX) return false;
      if (found >= 0) path = entryAt(found, cwd);
      else if (failed && kindOf(info, errno) !== null) return false; // then the descriptor is looked at
    }
    core.commit(e - s + 1);
    count(info, failed, bf[k * WF + DUR]);
    if (!failed) ctx.book.tick(proc.tgid);
    if (closedFd >= 0) procs.closeFd(pid, closedFd);
    if (path === null) return true;
    // A path call: its handler, with the call site set up as push() does.
    core.stampPacked[0] = bf[k * WF + STAMP];
    core.atSite(fs, pid, shownPid, no, file, buf, bi[k * W + TS], bi[k * W + TE]);
    site.tgid = proc.tgid;
    if (failed) {
      const id = bi[k * W + RESULT];
      const result = m.strings[RESULTS][id];
      // Failures are few: an open's arguments are decoded for its flags.
      const openArgs = info.open ? latin1(buf, bi[k * W + FROM], bi[k * W + ARGS_END]) : undefined;
      onPathFailure(ctx, site, info.name, path, result, errno, kindOf(info, errno), (m.errTexts[id] ??= errTextOf(result, errno)), openArgs);
      return true;
    }
    if (!info.open) return onPathSuccess(ctx, site, info.name, path, "", ""), true;
    // An open: the descriptor it returned is noted unless -y decorated it (then the lines name its path).
    const value = bf[k * WF + VALUE];
    if (value === value) onPathSuccess(ctx, site, info.name, path, "", "", (op & RESULT_LT) === 0 ? value : null);
    else onPathSuccess(ctx, site, info.name, path, "", latin1(buf, res, bi[k * W + RES_END]));
    return true;
  }

  /** The path call at record k has a `AT_FDCWD</dir>` dirfd naming the cwd (the string decorated holds no `>`, or is compared in place). */
  function decoratedWith(buf: Buffer, k: number, cwd: string): boolean {
    const id = bi[k * W + DECO];
    if (m.decoCwds[id] === cwd) return true; // the same string as last time: no comparing
    if (cwd.includes(">")) return atFdcwdOf(buf, view, bi[k * W + FROM], bi[k * W + ARGS_END], cwd);
    if (m.strings[DECOS][id] !== cwd) return false;
    m.decoCwds[id] = cwd;
    return true;
  }

  return { pushLines, pushScanned };
}
