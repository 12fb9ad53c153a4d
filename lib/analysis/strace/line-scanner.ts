// The stateless half of the byte path: reads every line of a run of strace output from its bytes (prefix,
// syscall name, result, duration, errno, leading descriptor, where the path argument is) into a batch of
// typed arrays, without ever decoding a line as a whole. The stateful half (byte-path.ts) then applies the
// batch to the analysis in line order. Because this half needs no analysis state, it can run on worker
// threads over ranges of a large input while the main thread applies earlier batches (scan-pool.ts).
//
// createLineScanner must stay self-contained (no reference to anything outside its own body, no classes):
// the worker is built from its source text (Function.prototype.toString), so that the same code, not a
// copy of it, reads lines in the worker and in-process. Every reading mirrors line-grammar.ts exactly on
// the shapes it accepts and answers "not a byte line" (NOT_BYTE_LINE) on anything else, so the caller
// hands that line to the string parser: the byte path may only ever be a shortcut, never a second grammar.

/** What kind of line a record is (ScanBatch.op & KIND_MASK). */
export const NOT_BYTE_LINE = 0; // decoded and pushed as text
export const CALL = 1;
export const UNFINISHED = 2;
export const RESUMED = 3;
export const KIND_MASK = 3;
/** ScanBatch.op flags. */
export const FAILED = 4; // the result is `-1 E…` or `? E…`
export const DIR_BARE = 8; // a path call's dirfd is the bare `AT_FDCWD`
export const DIR_DECO = 16; // a path call's arguments start with `AT_FDCWD<`
/** ScanBatch.path values below 0 (ids of interned paths are ≥ 0). */
export const PATH_NONE = -1; // no path argument where the syscall takes one (or not a path call)
export const PATH_COMPLEX = -2; // a form only the string parser reads (escapes, another dirfd…)

/** Names of the syscalls whose path is their first (pathArg0) or second (pathArg1) argument. */
export interface ScannerConfig {
  pathArg0: string[];
  pathArg1: string[];
}

/**
 * One run of lines, read. Offsets are into the buffer the run was read from. Strings first seen in this
 * run (syscall names, errno names, paths) are listed once, in id order, from the given first id; `epoch`
 * changes when the scanner forgot its earlier ids (bounded tables).
 */
export interface ScanBatch {
  /** The run: buf[start, end). */
  start: number;
  end: number;
  count: number;
  /** Line start and end (its `\n`, or the end of the run). */
  s: Int32Array;
  e: Int32Array;
  /** Kind | FAILED | DIR_BARE | DIR_DECO. */
  op: Uint8Array;
  /** `[pid N]` or bare leading pid; -1 when the line shows none (any number of digits: not an Int32). */
  pid: Float64Array;
  /** The time stamp at [ts, te); ts -1 when none. */
  ts: Int32Array;
  te: Int32Array;
  /** Syscall name id. */
  name: Int32Array;
  /** Where the arguments start. */
  from: Int32Array;
  /** Result text [res, resEnd) (res -1: no result); end of the arguments (before `) = `). */
  res: Int32Array;
  resEnd: Int32Array;
  argsEnd: Int32Array;
  /** Errno name id of a failed call, else -1. */
  errno: Int32Array;
  /** Leading descriptor when its `-y` decoration names a file path (`3</x>`), else -1. */
  fd: Float64Array;
  /** Path id, PATH_NONE or PATH_COMPLEX (path calls with a result). */
  path: Int32Array;
  /** An `<unfinished ...>` call: the record of its `<... resumed>` half when that is the next line of its pid in the run, else -1. */
  pair: Int32Array;
  /** `-T` duration; NaN when absent. */
  dur: Float64Array;
  epoch: number;
  namesFrom: number;
  names: string[];
  errnosFrom: number;
  errnos: string[];
  pathsFrom: number;
  paths: string[];
}

export interface LineScanner {
  /** Reads the lines of buf[start, end) (each ending in `\n`, the last one may not); `defaultPid` is the pid of lines that show none. */
  scan(buf: Uint8Array, start: number, end: number, defaultPid: number): ScanBatch;
}

export function createLineScanner(config: ScannerConfig, isAscii: (bytes: Uint8Array) => boolean): LineScanner {
  // Constants are repeated here (not imported): this function runs from its own source text in workers.
  const K_NOT = 0, K_CALL = 1, K_UNFINISHED = 2, K_RESUMED = 3;
  const F_FAILED = 4, F_DIR_BARE = 8, F_DIR_DECO = 16;
  const P_NONE = -1, P_COMPLEX = -2;
  /** Longest line read from bytes (the engine decodes at most this many bytes of a line). */
  const FAST_MAX_LINE = 8192;
  /** How far back from the end ` = ` is looked for before the line is left to the string parser. */
  const RESULT_SCAN = 512;
  const SP = 32;
  const MAX_NAMES = 4096;
  const MAX_ERRNOS = 1024;
  const MAX_PATHS = 1 << 15;

  const pathIdxOf = new Map<string, number>();
  for (const n of config.pathArg0) pathIdxOf.set(n, 0);
  for (const n of config.pathArg1) pathIdxOf.set(n, 1);

  // ---- Interned strings: open addressing on a hash of a few bytes, compared in place. ----
  interface Table {
    slots: Int32Array;
    keys: Uint8Array[];
    values: string[];
    /** Path index per name (names only). */
    extra: number[];
  }
  const newTable = (slots: number): Table => ({ slots: new Int32Array(slots).fill(-1), keys: [], values: [], extra: [] });
  let epoch = 0;
  let names = newTable(MAX_NAMES * 2);
  let errnos = newTable(MAX_ERRNOS * 2);
  let paths = newTable(MAX_PATHS * 2);
  // Ids first given out in the current batch.
  let namesFrom = 0, errnosFrom = 0, pathsFrom = 0;

  function sameBytes(key: Uint8Array, buf: Uint8Array, s: number, len: number): boolean {
    if (key.length !== len) return false;
    let k = 0;
    while (k < len && key[k] === buf[s + k]) k++;
    return k === len;
  }

  function hashOf(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    let h = len * 31 + buf[e - 1] * 7919 + buf[s + (len >> 1)] * 131 + buf[s];
    if (len >= 16) h += buf[e - 2] * 131 + buf[e - 4] * 17 + buf[e - 7] * 3 + buf[e - 11] * 29 + buf[e - 16] * 37;
    return Math.imul(h, 0x9e3779b1);
  }

  /** Id of the string buf[s, e) in the table, added when new (the bytes are ASCII: latin1 is exact). */
  function intern(t: Table, buf: Uint8Array, s: number, e: number): number {
    const mask = t.slots.length - 1;
    let slot = hashOf(buf, s, e) & mask;
    for (;;) {
      const id = t.slots[slot];
      if (id < 0) break;
      if (sameBytes(t.keys[id], buf, s, e - s)) return id;
      slot = (slot + 1) & mask;
    }
    const id = t.keys.length;
    if (id * 2 > mask) return -1; // full (only within one batch of garbage): the caller falls back
    t.slots[slot] = id;
    const key = buf.slice(s, e);
    t.keys.push(key);
    t.values.push(String.fromCharCode.apply(null, key as unknown as number[]));
    return id;
  }

  // ---- Where the next byte of a kind is, remembered across lines (amortised linear per run). ----
  interface Finder {
    byte: number;
    buf: Uint8Array | null;
    from: number;
    at: number;
  }
  const finder = (byte: number): Finder => ({ byte, buf: null, from: 0, at: 0 });
  function next(f: Finder, buf: Uint8Array, from: number): number {
    if (buf !== f.buf || from < f.from || from > f.at) {
      const k = buf.indexOf(f.byte, from);
      f.buf = buf;
      f.from = from;
      f.at = k < 0 ? buf.length : k;
    }
    return f.at;
  }
  const quotes = finder(34), backslashes = finder(92), crs = finder(13), escs = finder(27);

  // ---- One line's fields (reused). ----
  let pid = -1, timeStart = -1, timeEnd = -1;
  let duration = NaN, result = -1, resultEnd = -1, argsEnd = -1, failed = false;

  const isDigit = (c: number) => c >= 48 && c <= 57;

  /**
   * The prefix of buf[s, e) as parseStraceLine reads it (`[pid N]`, bare pid, stamp): where the body
   * starts, or -1 for a prefix left to the string parser (`-Y` comm, `-i` addresses, anything unusual).
   */
  function scanPrefix(buf: Uint8Array, s: number, e: number): number {
    pid = -1;
    timeStart = -1;
    timeEnd = -1;
    let i = s;
    while (i < e && buf[i] === SP) i++;
    if (buf[i] === 91 /* [ */) {
      if (buf[i + 1] !== 112 || buf[i + 2] !== 105 || buf[i + 3] !== 100) return -1; // not `[pid`
      let j = i + 4;
      while (j < e && buf[j] === SP) j++;
      let v = 0;
      const start = j;
      while (j < e && isDigit(buf[j])) v = v * 10 + buf[j++] - 48;
      if (j === start || buf[j] !== 93 /* ] */) return -1;
      pid = v;
      i = j + 1;
      while (i < e && buf[i] === SP) i++;
    }
    for (let round = 0; round < 2 && i < e && isDigit(buf[i]); round++) {
      let j = i;
      let punct = false;
      let v = 0;
      while (j < e) {
        const c = buf[j];
        if (isDigit(c)) {
          v = v * 10 + c - 48;
          j++;
        } else if (c === 58 || c === 46) {
          punct = true;
          j++;
        } else break;
      }
      if (!punct && buf[j] === 60 /* < */) return -1; // `-Y` comm after the pid
      if (j >= e || buf[j] !== SP) break;
      if (punct) {
        if (timeStart >= 0) break;
        timeStart = i;
        timeEnd = j;
      } else {
        if (pid >= 0 || timeStart >= 0) break;
        pid = v;
      }
      i = j;
      while (i < e && buf[i] === SP) i++;
    }
    if (buf[i] === 91 /* [ */) return -1; // `-i` / `-n`
    return i;
  }

  /** End of a syscall name from i (`[a-zA-Z0-9_?]`, 1 to `max` of them) when `term` follows it, else -1. */
  function nameEnd(buf: Uint8Array, i: number, e: number, max: number, term: number): number {
    let j = i;
    while (j < e && j - i < max) {
      const d = buf[j];
      if ((d >= 97 && d <= 122) || isDigit(d) || d === 95 || d === 63 || (d >= 65 && d <= 90)) j++;
      else break;
    }
    return j === i || j >= e || buf[j] !== term ? -1 : j;
  }

  /** ` resumed>` at k. */
  const isResumedTag = (buf: Uint8Array, k: number) =>
    buf[k] === 32 && buf[k + 1] === 114 && buf[k + 2] === 101 && buf[k + 3] === 115 && buf[k + 4] === 117 &&
    buf[k + 5] === 109 && buf[k + 6] === 101 && buf[k + 7] === 100 && buf[k + 8] === 62;

  /** `<unfinished ...>` at the very end. */
  function endsUnfinished(buf: Uint8Array, s: number, e: number): boolean {
    if (e - s < 16) return false;
    const k = e - 16;
    return (
      buf[k] === 60 && buf[k + 1] === 117 && buf[k + 2] === 110 && buf[k + 3] === 102 && buf[k + 4] === 105 &&
      buf[k + 5] === 110 && buf[k + 6] === 105 && buf[k + 7] === 115 && buf[k + 8] === 104 && buf[k + 9] === 101 &&
      buf[k + 10] === 100 && buf[k + 11] === 32 && buf[k + 12] === 46 && buf[k + 13] === 46 && buf[k + 14] === 46 &&
      buf[k + 15] === 62
    );
  }

  /** line-grammar's decimalAt over bytes: `0.000017`, NaN when not a plain decimal. */
  function decimalAt(buf: Uint8Array, start: number, end: number): number {
    let whole = 0;
    let frac = 0;
    let scale = 1;
    let dot = false;
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c === 46 && !dot) dot = true;
      else if (c < 48 || c > 57) return NaN;
      else if (dot) {
        frac = frac * 10 + c - 48;
        scale *= 10;
      } else whole = whole * 10 + c - 48;
    }
    return end > start ? whole + frac / scale : NaN;
  }

  /**
   * The `args) = result <duration>` tail of buf[from, e), as line-grammar's withResult splits it. False
   * when the result is not within reach of the end of the line (the string parser then decides).
   */
  function readResult(buf: Uint8Array, from: number, e: number): boolean {
    duration = NaN;
    result = -1;
    resultEnd = -1;
    argsEnd = -1;
    failed = false;
    let end = e;
    if (buf[end - 1] === 62 /* > */) {
      // text.lastIndexOf(" <", end - 1) with lt > from && end - lt < 24
      const low = Math.max(from + 1, end - 23);
      for (let k = end - 2; k >= low; k--) {
        if (buf[k] === SP && buf[k + 1] === 60) {
          duration = decimalAt(buf, k + 2, end - 1);
          end = k;
          break;
        }
      }
    }
    // text.lastIndexOf(" = ", end)
    let eq = -1;
    const low = Math.max(from, end - RESULT_SCAN);
    for (let k = Math.min(end, e - 3); k >= low; k--) {
      if (buf[k + 1] === 61 && buf[k] === SP && buf[k + 2] === SP) {
        eq = k;
        break;
      }
    }
    if (eq < 0) return low === from; // no result at all, or not found within reach
    let a = eq;
    while (a > from && buf[a - 1] === SP) a--;
    if (buf[a - 1] === 41 /* ) */) a--;
    argsEnd = a;
    while (end > eq + 3 && buf[end - 1] === SP) end--;
    const r = eq + 3;
    result = r;
    resultEnd = end;
    failed =
      (r + 4 <= end && buf[r] === 45 && buf[r + 1] === 49 && buf[r + 2] === SP && buf[r + 3] === 69) ||
      (r + 3 <= end && buf[r] === 63 && buf[r + 1] === SP && buf[r + 2] === 69);
    return true;
  }

  /** The errno of the failed call just read (`-1 ENOENT (…)` / `? ERESTARTSYS …`): its id. */
  function errnoId(buf: Uint8Array): number {
    const at = result + (buf[result] === 45 ? 3 : 2);
    let i = at + 1;
    while (i < resultEnd) {
      const c = buf[i];
      if ((c >= 65 && c <= 90) || isDigit(c) || c === 95) i++;
      else break;
    }
    return intern(errnos, buf, at, i);
  }

  /** Leading descriptor of the arguments when its `-y` decoration names a file path (`3</usr/lib/x>`), else -1. */
  function leadingFileFd(buf: Uint8Array, i: number, e: number): number {
    let fd = 0;
    const start = i;
    while (i < e && isDigit(buf[i])) fd = fd * 10 + buf[i++] - 48;
    return i > start && i + 2 <= e && buf[i] === 60 && buf[i + 1] === 47 ? fd : -1;
  }

  let dirFlags = 0;
  /**
   * The path argument (arguments at buf[a, end), path argument `idx` 0 or 1) as trace-context's pathArgOf
   * finds it, as far as that does not depend on the process's cwd: an interned id for a plain string
   * where the path goes (for idx 1 the caller still checks the dirfd: DIR_BARE, or DIR_DECO naming the
   * cwd), PATH_NONE when pathArgOf finds no path, PATH_COMPLEX for escapes (which pathArgOf decodes).
   */
  function pathAt(buf: Uint8Array, a: number, end: number, idx: number): number {
    dirFlags = 0;
    const q = next(quotes, buf, a);
    if (q >= end || q - a > 4096 || (idx === 0 && q !== a)) return P_NONE;
    const j = next(quotes, buf, q + 1);
    if (j >= end || j === q + 1) return P_NONE; // unterminated (whatever it escapes) or empty
    // A backslash before the first quote after the opening one: an escape (maybe of that quote) to decode.
    if (next(backslashes, buf, q + 1) < j) return P_COMPLEX;
    if (idx === 1) {
      // `AT_FDCWD, "…"`: the dirfd part without its trailing `, ` is the bare name.
      let d = q;
      while (d > a && (buf[d - 1] === SP || buf[d - 1] === 44)) d--;
      if (d - a === 8 && isAtFdcwd(buf, a)) dirFlags |= F_DIR_BARE;
      if (a + 9 <= end && isAtFdcwd(buf, a) && buf[a + 8] === 60) dirFlags |= F_DIR_DECO;
    }
    const id = intern(paths, buf, q + 1, j);
    return id < 0 ? P_COMPLEX : id;
  }

  /** `AT_FDCWD` at a. */
  const isAtFdcwd = (buf: Uint8Array, a: number) =>
    buf[a] === 65 && buf[a + 1] === 84 && buf[a + 2] === 95 && buf[a + 3] === 70 && buf[a + 4] === 68 &&
    buf[a + 5] === 67 && buf[a + 6] === 87 && buf[a + 7] === 68;

  // ---- Calls left `<unfinished ...>` in this run, by pid (a small direct-mapped table). ----
  const OPEN_SLOTS = 1024;
  const openPid = new Float64Array(OPEN_SLOTS).fill(NaN);
  const openAt = new Int32Array(OPEN_SLOTS);
  let openCount = 0;
  function forgetOpen(): void {
    if (openCount === 0) return;
    openPid.fill(NaN);
    openCount = 0;
  }

  function newBatch(capacity: number): ScanBatch {
    return {
      start: 0,
      end: 0,
      count: 0,
      s: new Int32Array(capacity),
      e: new Int32Array(capacity),
      op: new Uint8Array(capacity),
      pid: new Float64Array(capacity),
      ts: new Int32Array(capacity),
      te: new Int32Array(capacity),
      name: new Int32Array(capacity),
      from: new Int32Array(capacity),
      res: new Int32Array(capacity),
      resEnd: new Int32Array(capacity),
      argsEnd: new Int32Array(capacity),
      errno: new Int32Array(capacity),
      fd: new Float64Array(capacity),
      path: new Int32Array(capacity),
      pair: new Int32Array(capacity),
      dur: new Float64Array(capacity),
      epoch: 0,
      namesFrom: 0,
      names: [],
      errnosFrom: 0,
      errnos: [],
      pathsFrom: 0,
      paths: [],
    };
  }

  function grown(b: ScanBatch): ScanBatch {
    const g = newBatch(b.s.length * 2);
    g.s.set(b.s);
    g.e.set(b.e);
    g.op.set(b.op);
    g.pid.set(b.pid);
    g.ts.set(b.ts);
    g.te.set(b.te);
    g.name.set(b.name);
    g.from.set(b.from);
    g.res.set(b.res);
    g.resEnd.set(b.resEnd);
    g.argsEnd.set(b.argsEnd);
    g.errno.set(b.errno);
    g.fd.set(b.fd);
    g.path.set(b.path);
    g.pair.set(b.pair);
    g.dur.set(b.dur);
    return g;
  }

  function scan(buf: Uint8Array, start: number, end: number, defaultPid: number): ScanBatch {
    // Bounded tables: forgotten between batches only, so that a batch's ids all belong to one epoch.
    if (names.keys.length >= MAX_NAMES || errnos.keys.length >= MAX_ERRNOS || paths.keys.length >= MAX_PATHS) {
      names = newTable(MAX_NAMES * 2);
      errnos = newTable(MAX_ERRNOS * 2);
      paths = newTable(MAX_PATHS * 2);
      epoch++;
    }
    namesFrom = names.keys.length;
    errnosFrom = errnos.keys.length;
    pathsFrom = paths.keys.length;
    quotes.buf = backslashes.buf = crs.buf = escs.buf = null;
    forgetOpen();
    // decodeLine rewrites lines with a CR or an escape, and non-ASCII lines decode to other offsets:
    // when the whole run has none, no line needs checking on its own.
    const body = buf.subarray(start, end);
    const clean = isAscii(body) && body.indexOf(13) < 0 && body.indexOf(27) < 0;
    let b = newBatch(((end - start) >> 7) + 64);
    let n = 0;
    for (let p = start; p < end; ) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl > end) nl = end;
      if (n === b.s.length) b = grown(b);
      b.s[n] = p;
      b.e[n] = nl;
      readLine(buf, p, nl, clean, b, n, defaultPid);
      n++;
      p = nl + 1;
    }
    b.start = start;
    b.end = end;
    b.count = n;
    b.epoch = epoch;
    b.namesFrom = namesFrom;
    b.names = names.values.slice(namesFrom);
    b.errnosFrom = errnosFrom;
    b.errnos = errnos.values.slice(errnosFrom);
    b.pathsFrom = pathsFrom;
    b.paths = paths.values.slice(pathsFrom);
    quotes.buf = backslashes.buf = crs.buf = escs.buf = null;
    return b;
  }

  /** Line n of the batch, buf[s, e). */
  function readLine(buf: Uint8Array, s: number, e: number, clean: boolean, b: ScanBatch, n: number, defaultPid: number): void {
    b.op[n] = K_NOT;
    if (e - s > FAST_MAX_LINE || (!clean && (!isAscii(buf.subarray(s, e)) || next(crs, buf, s) < e || next(escs, buf, s) < e))) {
      forgetOpen(); // its pid as the string parser reads it is not known here
      return;
    }
    const i = scanPrefix(buf, s, e);
    if (i < 0) return forgetOpen();
    let kind: number;
    let nameStart: number;
    let nameStop: number;
    let from: number;
    if (buf[i] === 60 /* < */) {
      if (buf[i + 1] !== 46 || buf[i + 2] !== 46 || buf[i + 3] !== 46 || buf[i + 4] !== 32) return forgetOpen();
      const k = nameEnd(buf, i + 5, e, 59, 32);
      if (k < 0 || k > i + 64 || !isResumedTag(buf, k)) return forgetOpen();
      nameStart = i + 5;
      nameStop = k;
      from = k + 9;
      kind = K_RESUMED;
    } else {
      const j = nameEnd(buf, i, e, 40, 40);
      if (j < 0) return forgetOpen(); // exits, signals, other lines: the string parser reads their pid
      nameStart = i;
      nameStop = j;
      from = j + 1;
      kind = endsUnfinished(buf, s, e) ? K_UNFINISHED : K_CALL;
    }
    if (kind !== K_UNFINISHED && !readResult(buf, from, e)) return forgetOpen();
    const name = intern(names, buf, nameStart, nameStop);
    if (name < 0) return forgetOpen();
    let op = kind;
    b.pid[n] = pid;
    b.ts[n] = timeStart;
    b.te[n] = timeEnd;
    b.name[n] = name;
    b.from[n] = from;
    b.pair[n] = -1;
    if (kind === K_UNFINISHED) {
      b.res[n] = -1;
      b.dur[n] = NaN;
    } else {
      b.res[n] = result;
      b.resEnd[n] = resultEnd;
      b.argsEnd[n] = argsEnd;
      b.dur[n] = duration;
      b.errno[n] = -1;
      b.fd[n] = -1;
      b.path[n] = P_NONE;
      if (result >= 0) {
        if (failed) {
          op |= F_FAILED;
          const errno = errnoId(buf);
          if (errno < 0) return forgetOpen();
          b.errno[n] = errno;
        }
        if (kind === K_CALL) {
          b.fd[n] = leadingFileFd(buf, from, argsEnd);
          let idx = names.extra[name];
          if (idx === undefined) idx = names.extra[name] = pathIdxOf.get(names.values[name]) ?? -1;
          if (idx >= 0) {
            b.path[n] = pathAt(buf, from, argsEnd, idx);
            op |= dirFlags;
          }
        }
      }
    }
    b.op[n] = op;
    // An `<unfinished ...>` call and its `<... resumed>` half with no other line of the pid between them.
    const who = pid >= 0 ? pid : defaultPid;
    const slot = who & (OPEN_SLOTS - 1);
    if (openPid[slot] === who) {
      const u = openAt[slot];
      if (kind === K_RESUMED && b.name[u] === name) b.pair[u] = n;
      openPid[slot] = NaN;
      openCount--;
    }
    if (kind === K_UNFINISHED && !(openPid[slot] >= 0)) {
      openPid[slot] = who;
      openAt[slot] = n;
      openCount++;
    }
  }

  return { scan };
}
