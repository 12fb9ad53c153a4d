// Byte-level reading of strace lines, for the analyzer's byte path (byte-path.ts): the prefix, the
// syscall name, the result and duration at the end, a leading descriptor, all read in place without
// the line ever becoming a JS string. Every function mirrors line-grammar.ts exactly on the shapes it
// accepts and answers "not sure" (-1 / false) on anything else, so the caller can hand that line to the
// string parser: the byte path may only ever be a shortcut, never a second grammar.

/** Longest line the fast path reads (the engine decodes at most this many bytes of a line). */
export const FAST_MAX_LINE = 8_192;

const SP = 32;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** What scanPrefix found; reused for every line. */
export interface ByteLine {
  /** `[pid N]` or a bare leading pid; -1 when the line has none. */
  pid: number;
  /** The `-t`/`-tt`/`-ttt`/`-r` stamp at [timeStart, timeEnd); timeStart -1 when none. */
  timeStart: number;
  timeEnd: number;
}

/**
 * Reads the prefix of buf[s, e) like parseStraceLine does (`[pid N]`, bare pid, stamp) and returns where
 * the body starts, or -1 for a prefix the fast path leaves to the string parser (`-Y` comm, `-i`
 * addresses, anything unusual).
 */
export function scanPrefix(buf: Uint8Array, s: number, e: number, out: ByteLine): number {
  out.pid = -1;
  out.timeStart = -1;
  out.timeEnd = -1;
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
    out.pid = v;
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
      if (out.timeStart >= 0) break;
      out.timeStart = i;
      out.timeEnd = j;
    } else {
      if (out.pid >= 0 || out.timeStart >= 0) break;
      out.pid = v;
    }
    i = j;
    while (i < e && buf[i] === SP) i++;
  }
  if (buf[i] === 91 /* [ */) return -1; // `-i` / `-n`
  return i;
}

/**
 * End of a syscall name starting at i (`[a-zA-Z0-9_?]`, 1 to `max` of them) when the byte `term` follows
 * it (`(` after a call's name, a space after a resumed one's), else -1.
 */
export function nameEnd(buf: Uint8Array, i: number, e: number, max: number, term: number): number {
  let j = i;
  while (j < e && j - i < max) {
    const d = buf[j];
    if ((d >= 97 && d <= 122) || isDigit(d) || d === 95 || d === 63 || (d >= 65 && d <= 90)) j++;
    else break;
  }
  return j === i || j >= e || buf[j] !== term ? -1 : j;
}

/** ` resumed>` at k (after the name of `<... name resumed>`). */
export function isResumedTag(buf: Uint8Array, k: number): boolean {
  return (
    buf[k] === 32 && buf[k + 1] === 114 && buf[k + 2] === 101 && buf[k + 3] === 115 && buf[k + 4] === 117 &&
    buf[k + 5] === 109 && buf[k + 6] === 101 && buf[k + 7] === 100 && buf[k + 8] === 62
  );
}

/** `<unfinished ...>` at the very end. */
export function endsUnfinished(buf: Uint8Array, s: number, e: number): boolean {
  if (e - s < 16) return false;
  const k = e - 16;
  return (
    buf[k] === 60 && buf[k + 1] === 117 && buf[k + 2] === 110 && buf[k + 3] === 102 && buf[k + 4] === 105 &&
    buf[k + 5] === 110 && buf[k + 6] === 105 && buf[k + 7] === 115 && buf[k + 8] === 104 && buf[k + 9] === 101 &&
    buf[k + 10] === 100 && buf[k + 11] === 32 && buf[k + 12] === 46 && buf[k + 13] === 46 && buf[k + 14] === 46 &&
    buf[k + 15] === 62
  );
}

/** What readResult found; reused for every line. */
export interface ByteResult {
  /** `-T` duration, undefined when absent or not a plain decimal. */
  duration: number | undefined;
  /** Start of the result text (after ` = `); -1 when the line has no result. */
  result: number;
  /** End of the result text (trailing blanks and the duration excluded). */
  resultEnd: number;
  /** End of the arguments (before `) = `), when there is a result. */
  argsEnd: number;
  /** The result is `-1 E…` or `? E…`. */
  failed: boolean;
}

/** How far back from the end ` = ` is looked for before the line is left to the string parser. */
const RESULT_SCAN = 512;

/**
 * The `args) = result <duration>` tail of buf[from, e), as line-grammar's withResult splits it. False
 * when the result is not within reach of the end of the line (the string parser then decides).
 */
export function readResult(buf: Uint8Array, from: number, e: number, out: ByteResult): boolean {
  out.duration = undefined;
  out.result = -1;
  out.resultEnd = -1;
  out.argsEnd = -1;
  out.failed = false;
  let end = e;
  if (buf[end - 1] === 62 /* > */) {
    // text.lastIndexOf(" <", end - 1) with lt > from && end - lt < 24
    const low = Math.max(from + 1, end - 23);
    for (let k = end - 2; k >= low; k--) {
      if (buf[k] === SP && buf[k + 1] === 60) {
        out.duration = decimalAt(buf, k + 2, end - 1);
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
  let argEnd = eq;
  while (argEnd > from && buf[argEnd - 1] === SP) argEnd--;
  if (buf[argEnd - 1] === 41 /* ) */) argEnd--;
  out.argsEnd = argEnd;
  while (end > eq + 3 && buf[end - 1] === SP) end--;
  const r = eq + 3;
  out.result = r;
  out.resultEnd = end;
  out.failed =
    (r + 4 <= end && buf[r] === 45 && buf[r + 1] === 49 && buf[r + 2] === SP && buf[r + 3] === 69) ||
    (r + 3 <= end && buf[r] === 63 && buf[r + 1] === SP && buf[r + 2] === 69);
  return true;
}

/** line-grammar's decimalAt over bytes: `0.000017` without allocating, undefined if not a plain decimal. */
function decimalAt(buf: Uint8Array, start: number, end: number): number | undefined {
  let whole = 0;
  let frac = 0;
  let scale = 1;
  let dot = false;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 46 && !dot) dot = true;
    else if (c < 48 || c > 57) return undefined;
    else if (dot) {
      frac = frac * 10 + c - 48;
      scale *= 10;
    } else whole = whole * 10 + c - 48;
  }
  return end > start ? whole + frac / scale : undefined;
}

/**
 * Leading descriptor of an argument list when its `-y` decoration names a file path (`3</usr/lib/x>`):
 * the descriptor, or -1 (no digits, or not decorated with a path).
 */
export function leadingFileFd(buf: Uint8Array, i: number, e: number): number {
  let fd = 0;
  const start = i;
  while (i < e && isDigit(buf[i])) fd = fd * 10 + buf[i++] - 48;
  return i > start && i + 2 <= e && buf[i] === 60 && buf[i + 1] === 47 ? fd : -1;
}

/** Byte-for-byte comparison of buf[s, e) with an ASCII/latin1 string. */
export function bytesEqual(buf: Uint8Array, s: number, e: number, text: string): boolean {
  if (e - s !== text.length) return false;
  for (let k = 0; k < text.length; k++) if (buf[s + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Whether buf[s, e) holds byte c. */
export function hasByte(buf: Buffer, c: number, s: number, e: number): boolean {
  const k = buf.indexOf(c, s);
  return k >= 0 && k < e;
}

type Latin1Slicing = { latin1Slice(start: number, end: number): string };

/** The bytes as a latin1 string (the caller has checked they are ASCII); the buffer must be a Buffer. */
export function latin1(buf: Uint8Array, s: number, e: number): string {
  return (buf as unknown as Latin1Slicing).latin1Slice(s, e);
}

/**
 * Names read from bytes (syscalls, errnos), mapped to per-name data without decoding the name again: a
 * small direct-mapped cache compared in place, backed by a bounded map by name. A lookup function per
 * table (a closure, so each table's call sites see one kind of value).
 */
export function byteNames<T>(make: (name: string) => T): (buf: Uint8Array, s: number, e: number) => T {
  // Parallel arrays (no per-slot object): the name's bytes and its value.
  const keys: Uint8Array[] = new Array<Uint8Array>(1024).fill(new Uint8Array(0));
  const values: (T | undefined)[] = new Array<T | undefined>(1024).fill(undefined);
  const byName = new Map<string, T>();
  return (buf, s, e) => {
    const len = e - s;
    const slot = (len * 961 + buf[s] * 31 + buf[e - 1] + buf[s + (len >> 1)] * 7) & 1023;
    const key = keys[slot];
    if (key.length === len) {
      let k = 0;
      while (k < len && key[k] === buf[s + k]) k++;
      if (k === len) return values[slot] as T;
    }
    const name = latin1(buf, s, e);
    let value = byName.get(name);
    if (value === undefined) {
      value = make(name);
      if (byName.size < 4_096) byName.set(name, value);
    }
    keys[slot] = new Uint8Array(buf.subarray(s, e)); // a copy: the buffer is reused
    values[slot] = value;
    return value;
  };
}

/** End of an errno name (`[A-Z0-9_]`) from i, as resultErrno reads it. */
export function errnoEnd(buf: Uint8Array, i: number, e: number): number {
  while (i < e) {
    const c = buf[i];
    if ((c >= 65 && c <= 90) || isDigit(c) || c === 95) i++;
    else break;
  }
  return i;
}
