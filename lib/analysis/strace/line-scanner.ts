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
export const DIR_DECO = 16; // a path call's arguments start with `AT_FDCWD<…>` (ScanBatch.deco)
export const RESULT_LT = 32; // the result holds a `<` (an fd decorated by -y)
/** ScanBatch.path values below 0 (ids of interned paths are ≥ 0). */
export const PATH_NONE = -1; // no path argument where the syscall takes one (or not a path call)
export const PATH_COMPLEX = -2; // a form only the string parser reads (escapes, another dirfd…)

/** Names of the syscalls whose path is their first (pathArg0) or second (pathArg1) argument, and the opens. */
export interface ScannerConfig {
  pathArg0: string[];
  pathArg1: string[];
  opens: string[];
}

/** The tables of strings a scanner interns (ScanBatch.added[table]). */
export const NAMES = 0; // syscall names
export const ERRNOS = 1; // errno names of failed calls
export const PATHS = 2; // path arguments
export const RESULTS = 3; // the whole result text of failed calls (`-1 ENOENT (No such file or directory)`)
export const DECOS = 4; // the directory of a `AT_FDCWD</dir>` decoration
export const TABLES = 5;

/**
 * One run of lines, read. Offsets are into the buffer the run was read from. Strings first seen in this
 * run (syscall names, errno names, paths…) are listed once per table, in id order, from the table's
 * first new id; `epoch` changes when the scanner forgot its earlier ids (bounded tables). The arrays are
 * views of `memory`, which the next scan may reuse.
 */
export interface ScanBatch {
  memory: ArrayBuffer | SharedArrayBuffer;
  /** The run: buf[start, end). */
  start: number;
  end: number;
  count: number;
  /**
   * Line k's fields (BatchLayout): `ints[k * layout.W + layout.S]` … and `floats[k * layout.WF + layout.DUR]` …
   * Per line: its start and end (its `\n`, or the end of the run); op: kind | FAILED | DIR_BARE |
   * DIR_DECO | RESULT_LT; pid: `[pid N]` or bare leading pid, -1 when the line shows none; ts, te: the time
   * stamp at [ts, te), ts -1 when none; name: syscall name id; from: where the arguments start; res,
   * resEnd: the result text (res -1: no result); argsEnd: end of the arguments (before `) = `); errno,
   * result: errno name id and result text id of a failed call; path: path id, PATH_NONE or PATH_COMPLEX
   * (path calls with a result); deco: id of the directory of a `AT_FDCWD<dir>` decoration (DIR_DECO); pair:
   * for an `<unfinished ...>` call, the line of its `<... resumed>` half when that is the next line of its
   * pid in the run, else -1. Floats: fd: the leading descriptor when its `-y` decoration names a file
   * path (`3</x>`), else -1; value: a successful open's resultValue (NaN when that takes the string
   * parser); dur: the `-T` duration (NaN: none); stamp: a `HH:MM:SS.uuuuuu` stamp as the integer
   * HHMMSSuuuuuu (NaN for other stamps).
   */
  ints: Int32Array;
  floats: Float64Array;
  epoch: number;
  /** Per table: the first id given out in this batch, and the strings from there on. */
  firstIds: number[];
  added: string[][];
}

/** Where a batch's fields are: records of W ints and WF floats per line. */
export interface BatchLayout {
  W: number;
  WF: number;
  S: number;
  E: number;
  OP: number;
  PID: number;
  TS: number;
  TE: number;
  NAME: number;
  FROM: number;
  RES: number;
  RES_END: number;
  ARGS_END: number;
  ERRNO: number;
  RESULT: number;
  PATH: number;
  DECO: number;
  PAIR: number;
  FD: number;
  VALUE: number;
  DUR: number;
  STAMP: number;
}

export interface LineScanner {
  /**
   * Reads the lines of buf[start, end) (each ending in `\n`, the last one may not); `defaultPid` is the
   * pid of lines that show none. The batch's arrays are views of `memory` when it is large enough (a
   * batch the caller is done with), else of a new buffer.
   */
  scan(buf: Uint8Array, start: number, end: number, defaultPid: number, memory?: ArrayBuffer | SharedArrayBuffer): ScanBatch;
  /** Bytes of batch memory per line. */
  bytesPerLine: number;
  layout: BatchLayout;
}

export function createLineScanner(config: ScannerConfig, isAscii: (bytes: Uint8Array) => boolean): LineScanner {
  // Constants are repeated here (not imported): this function runs from its own source text in workers.
  const K_NOT = 0, K_CALL = 1, K_UNFINISHED = 2, K_RESUMED = 3;
  const F_FAILED = 4, F_DIR_BARE = 8, F_DIR_DECO = 16, F_RESULT_LT = 32;
  const P_NONE = -1, P_COMPLEX = -2;
  const T_NAMES = 0, T_ERRNOS = 1, T_PATHS = 2, T_RESULTS = 3, T_DECOS = 4, T_COUNT = 5;
  /** Longest line read from bytes (the engine decodes at most this many bytes of a line). */
  const FAST_MAX_LINE = 8192;
  /** How far back from the end ` = ` is looked for before the line is left to the string parser. */
  const RESULT_SCAN = 512;
  const SP = 32;
  /** Strings each table keeps at most (forgotten together, between batches). */
  const MAX_STRINGS = [4096, 1024, 1 << 15, 4096, 4096];
  /** Bytes of strings each table keeps at most (hostile input must not fill a worker's heap). */
  const MAX_BYTES = 4 << 20;

  const pathIdxOf = new Map<string, number>();
  for (const n of config.pathArg0) pathIdxOf.set(n, 0);
  for (const n of config.pathArg1) pathIdxOf.set(n, 1);
  const opens = new Set(config.opens);

  // ---- Interned strings: open addressing on a hash of a few bytes, compared in place. ----
  interface Table {
    slots: Int32Array;
    /** Each string's bytes (a view of its own copy). */
    keys: DataView[];
    values: string[];
    bytes: number;
  }
  const newTable = (max: number): Table => ({ slots: new Int32Array(max * 2).fill(-1), keys: [], values: [], bytes: 0 });
  let epoch = 0;
  let tables: Table[] = MAX_STRINGS.map(newTable);
  /** Per syscall name id: the index of its path argument (-1: none), and whether it is an open. */
  let pathIdxById: number[] = [];
  let isOpenById: boolean[] = [];
  const firstIds: number[] = [0, 0, 0, 0, 0];
  /** A DataView of the buffer being read. */
  let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

  /**
   * `key` equals buf[s, s + len), the line being ASCII: compared 8 bytes at a time as doubles, which is
   * exact for ASCII (no byte ≥ 0x80, so no NaN and no -0: equal doubles have equal bits).
   */
  function sameBytes(key: DataView, s: number, len: number): boolean {
    if (key.byteLength !== len) return false;
    let k = 0;
    for (; k + 8 <= len; k += 8) if (key.getFloat64(k, true) !== view.getFloat64(s + k, true)) return false;
    for (; k < len; k++) if (key.getUint8(k) !== view.getUint8(s + k)) return false;
    return true;
  }

  /** Id of the string buf[s, e) in table t, added when new (the bytes are ASCII: latin1 is exact); -1 when full. */
  function intern(t: number, buf: Uint8Array, s: number, e: number): number {
    const table = tables[t];
    const slots = table.slots;
    const mask = slots.length - 1;
    const len = e - s;
    if (len === 0) return -1;
    let h = len * 31 + buf[e - 1] * 7919 + buf[s + (len >> 1)] * 131 + buf[s];
    if (len >= 16) h += buf[e - 2] * 131 + buf[e - 4] * 17 + buf[e - 7] * 3 + buf[e - 11] * 29 + buf[e - 16] * 37;
    let slot = Math.imul(h, 0x9e3779b1) & mask;
    for (;;) {
      const id = slots[slot];
      if (id < 0) break;
      if (sameBytes(table.keys[id], s, len)) return id;
      slot = (slot + 1) & mask;
    }
    const id = table.keys.length;
    if (id * 2 >= mask || table.bytes >= MAX_BYTES) return -1; // full (only within one batch of garbage): the caller falls back
    table.bytes += len;
    slots[slot] = id;
    const key = new Uint8Array(buf.subarray(s, e)); // a copy: the buffer is not ours
    table.keys.push(new DataView(key.buffer));
    table.values.push(String.fromCharCode.apply(null, key as unknown as number[]));
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
  let pid = -1, timeStart = -1, timeEnd = -1, packed = NaN;
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
    packed = NaN;
    let i = s;
    // The usual `-f -tt` prefix, `PID HH:MM:SS.uuuuuu `: what the general reading below makes of it, and
    // the stamp's digits as one exact integer (timestamps.ts reads its seconds and text from it).
    let v = 0;
    while (i < e && isDigit(buf[i])) v = v * 10 + buf[i++] - 48;
    if (i > s && i + 17 < e && buf[i] === SP && buf[i + 3] === 58 && buf[i + 6] === 58 && buf[i + 9] === 46 && buf[i + 16] === SP && buf[i + 17] !== SP && buf[i + 17] !== 91) {
      const h = digits(buf, i + 1, i + 3);
      const m = digits(buf, i + 4, i + 6);
      const whole = digits(buf, i + 7, i + 9);
      const frac = digits(buf, i + 10, i + 16);
      if (h >= 0 && m >= 0 && whole >= 0 && frac >= 0) {
        pid = v;
        timeStart = i + 1;
        timeEnd = i + 16;
        packed = h * 1e10 + m * 1e8 + whole * 1e6 + frac;
        return i + 17;
      }
    }
    i = s;
    while (i < e && buf[i] === SP) i++;
    if (buf[i] === 91 /* [ */) {
      if (buf[i + 1] !== 112 || buf[i + 2] !== 105 || buf[i + 3] !== 100) return -1; // not `[pid`
      let j = i + 4;
      while (j < e && buf[j] === SP) j++;
      v = 0;
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
      v = 0;
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

  /** The decimal number buf[s, e), all digits; -1 otherwise. */
  function digits(buf: Uint8Array, s: number, e: number): number {
    let v = 0;
    for (let i = s; i < e; i++) {
      const c = buf[i] - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
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
        if (buf[k + 1] === 60 && buf[k] === SP) {
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
    return intern(T_ERRNOS, buf, at, i);
  }

  /** Leading descriptor of the arguments when its `-y` decoration names a file path (`3</usr/lib/x>`), else -1. */
  function leadingFileFd(buf: Uint8Array, i: number, e: number): number {
    let fd = 0;
    const start = i;
    while (i < e && isDigit(buf[i])) fd = fd * 10 + buf[i++] - 48;
    return i > start && i + 2 <= e && buf[i] === 60 && buf[i + 1] === 47 ? fd : -1;
  }

  /** line-grammar's resultValue of the result just read: its leading `-?\d+` as a number; NaN when that takes the string parser. */
  function resultValue(buf: Uint8Array): number {
    let i = result;
    const neg = buf[i] === 45;
    if (neg) i++;
    const start = i;
    let v = 0;
    while (i < resultEnd && isDigit(buf[i])) v = v * 10 + buf[i++] - 48;
    if (i === start || i - start > 15) return NaN; // no value (`?`), or more digits than are exact
    return neg ? -v : v;
  }

  let dirFlags = 0;
  let decoId = -1;
  /**
   * The path argument (arguments at buf[a, end), path argument `idx` 0 or 1) as trace-context's pathArgOf
   * finds it, as far as that does not depend on the process's cwd: an interned id for a plain string
   * where the path goes (for idx 1 the caller still checks the dirfd: DIR_BARE, or a DIR_DECO naming the
   * cwd), PATH_NONE when pathArgOf finds no path, PATH_COMPLEX for escapes (which pathArgOf decodes).
   */
  function pathAt(buf: Uint8Array, a: number, end: number, idx: number): number {
    dirFlags = 0;
    decoId = -1;
    const q = next(quotes, buf, a);
    if (q >= end || q - a > 4096 || (idx === 0 && q !== a)) return P_NONE;
    const j = next(quotes, buf, q + 1);
    if (j >= end || j === q + 1) return P_NONE; // unterminated (whatever it escapes) or empty
    // A backslash before the first quote after the opening one: an escape (maybe of that quote) to decode.
    if (next(backslashes, buf, q + 1) < j) return P_COMPLEX;
    if (idx === 1 && isAtFdcwd(buf, a)) {
      // `AT_FDCWD, "…"`: the dirfd part without its trailing `, ` is the bare name.
      let d = q;
      while (d > a && (buf[d - 1] === SP || buf[d - 1] === 44)) d--;
      if (d - a === 8) dirFlags |= F_DIR_BARE;
      // `AT_FDCWD</dir>`: the directory, up to the first `>` (a cwd holding one is compared in place).
      if (buf[a + 8] === 60) {
        let g = a + 9;
        while (g < end && buf[g] !== 62) g++;
        if (g < end && (decoId = intern(T_DECOS, buf, a + 9, g)) >= 0) dirFlags |= F_DIR_DECO;
      }
    }
    const id = intern(T_PATHS, buf, q + 1, j);
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

  // ---- The batch: per line a record of W ints, then (after all of those) a record of WF floats. ----
  const L: BatchLayout = {
    W: 16, WF: 4,
    S: 0, E: 1, OP: 2, PID: 3, TS: 4, TE: 5, NAME: 6, FROM: 7, RES: 8, RES_END: 9, ARGS_END: 10, ERRNO: 11, RESULT: 12, PATH: 13, DECO: 14, PAIR: 15,
    FD: 0, VALUE: 1, DUR: 2, STAMP: 3,
  };
  const { W, WF, S, E, OP, PID, TS, TE, NAME, FROM, RES, RES_END, ARGS_END, ERRNO, RESULT, PATH, DECO, PAIR, FD, VALUE, DUR, STAMP } = L;
  const BYTES_PER_LINE = W * 4 + WF * 8;
  let b: ScanBatch;
  let ints: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let floats: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let capacity = 0;

  /** A batch for `cap` lines, in `memory` when it is large enough; the first `keep` lines of `old` copied. */
  function allocate(cap: number, memory: ArrayBuffer | SharedArrayBuffer | undefined, old: ScanBatch | null, keep: number): ScanBatch {
    const mem = memory && memory.byteLength >= cap * BYTES_PER_LINE ? memory : new ArrayBuffer(cap * BYTES_PER_LINE);
    capacity = Math.floor(mem.byteLength / BYTES_PER_LINE);
    ints = new Int32Array(mem, 0, capacity * W);
    floats = new Float64Array(mem, capacity * W * 4, capacity * WF);
    if (old) {
      ints.set(old.ints.subarray(0, keep * W));
      floats.set(old.floats.subarray(0, keep * WF));
    }
    return { memory: mem, start: 0, end: 0, count: 0, ints, floats, epoch: 0, firstIds: [], added: [] };
  }

  function scan(buf: Uint8Array, start: number, end: number, defaultPid: number, memory?: ArrayBuffer | SharedArrayBuffer): ScanBatch {
    // Bounded tables: forgotten between batches only, so that a batch's ids all belong to one epoch.
    if (tables.some((t, i) => t.keys.length >= MAX_STRINGS[i] || t.bytes >= MAX_BYTES)) {
      tables = MAX_STRINGS.map(newTable);
      pathIdxById = [];
      isOpenById = [];
      epoch++;
    }
    for (let t = 0; t < T_COUNT; t++) firstIds[t] = tables[t].keys.length;
    quotes.buf = backslashes.buf = crs.buf = escs.buf = null;
    forgetOpen();
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    // decodeLine rewrites lines with a CR or an escape, and non-ASCII lines decode to other offsets:
    // when the whole run has none, no line needs checking on its own.
    const body = buf.subarray(start, end);
    const clean = isAscii(body) && body.indexOf(13) < 0 && body.indexOf(27) < 0;
    b = allocate(((end - start) >> 7) + 64, memory, null, 0);
    let n = 0;
    for (let p = start; p < end; ) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl > end) nl = end;
      if (n === capacity) b = allocate(capacity * 2, undefined, b, n);
      ints[n * W + S] = p;
      ints[n * W + E] = nl;
      readLine(buf, p, nl, clean, n, defaultPid);
      n++;
      p = nl + 1;
    }
    b.start = start;
    b.end = end;
    b.count = n;
    b.epoch = epoch;
    b.firstIds = firstIds.slice();
    b.added = tables.map((t, i) => t.values.slice(firstIds[i]));
    quotes.buf = backslashes.buf = crs.buf = escs.buf = null;
    view = new DataView(new ArrayBuffer(8));
    return b;
  }

  /** Line n of the batch, buf[s, e). */
  function readLine(buf: Uint8Array, s: number, e: number, clean: boolean, n: number, defaultPid: number): void {
    const o = n * W;
    const of = n * WF;
    ints[o + OP] = K_NOT;
    if (e - s > FAST_MAX_LINE || (!clean && (!isAscii(buf.subarray(s, e)) || next(crs, buf, s) < e || next(escs, buf, s) < e))) {
      forgetOpen(); // its pid as the string parser reads it is not known here
      return;
    }
    const i = scanPrefix(buf, s, e);
    if (i < 0 || pid > 0x7fffffff) return forgetOpen(); // (pids beyond an int are left to the string parser)
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
    const name = intern(T_NAMES, buf, nameStart, nameStop);
    if (name < 0) return forgetOpen();
    let op = kind;
    if (kind !== K_UNFINISHED && result >= 0) {
      if (failed) {
        op |= F_FAILED;
        const errno = errnoId(buf);
        const text = intern(T_RESULTS, buf, result, resultEnd);
        if (errno < 0 || text < 0) return forgetOpen();
        ints[o + ERRNO] = errno;
        ints[o + RESULT] = text;
      }
      if (kind === K_CALL) {
        floats[of + FD] = leadingFileFd(buf, from, argsEnd);
        let idx = pathIdxById[name];
        if (idx === undefined) {
          const text = tables[T_NAMES].values[name];
          idx = pathIdxById[name] = pathIdxOf.get(text) ?? -1;
          isOpenById[name] = opens.has(text);
        }
        ints[o + PATH] = P_NONE;
        if (idx >= 0) {
          ints[o + PATH] = pathAt(buf, from, argsEnd, idx);
          ints[o + DECO] = decoId;
          op |= dirFlags;
          if (!failed && isOpenById[name]) {
            floats[of + VALUE] = resultValue(buf);
            const lt = buf.indexOf(60, result);
            if (lt >= 0 && lt < resultEnd) op |= F_RESULT_LT;
          }
        }
      }
    }
    ints[o + OP] = op;
    ints[o + PID] = pid;
    ints[o + TS] = timeStart;
    ints[o + TE] = timeEnd;
    ints[o + NAME] = name;
    ints[o + FROM] = from;
    ints[o + PAIR] = -1;
    ints[o + RES] = kind === K_UNFINISHED ? -1 : result;
    ints[o + RES_END] = resultEnd;
    ints[o + ARGS_END] = argsEnd;
    floats[of + DUR] = kind === K_UNFINISHED ? NaN : duration;
    floats[of + STAMP] = packed;
    // An `<unfinished ...>` call and its `<... resumed>` half with no other line of the pid between them.
    const who = pid >= 0 ? pid : defaultPid;
    const slot = who & (OPEN_SLOTS - 1);
    if (openPid[slot] === who) {
      const u = openAt[slot];
      if (kind === K_RESUMED && ints[u * W + NAME] === name) ints[u * W + PAIR] = n;
      openPid[slot] = NaN;
      openCount--;
    }
    if (kind === K_UNFINISHED && !(openPid[slot] >= 0)) {
      openPid[slot] = who;
      openAt[slot] = n;
      openCount++;
    }
  }

  return { scan, bytesPerLine: BYTES_PER_LINE, layout: L };
}
