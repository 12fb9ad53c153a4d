// Path arguments read from bytes, for the analyzer's byte path: where the path string is, and a cache of
// the strings and facts derived from each path (its text, resolution against the cwd, basename, whether
// it is a routine miss, whether the trace has shown it to exist), so that a path seen before (the same
// probes in every process of a build) costs a lookup instead of a decode and its derivations.
import * as byteLines from "./byte-lines";
import { isRoutineMiss } from "./classify";
import { basenameOf, resolvePath } from "./paths";
import type { PathArg, PathMemo } from "./trace-context";

const SP = 32;
// Bound once (tsx runs this as CommonJS, where each use of an import goes through a getter).
const { bytesEqual, latin1 } = byteLines;

/**
 * Where the next occurrence of a byte is, from a position on: Buffer.indexOf, remembered so that lines
 * without one do not each scan on to the next one in the buffer (amortised linear per buffer). reset()
 * when the buffer's content may have changed.
 */
export class ByteFinder {
  private buf: Buffer | null = null;
  private from = 0;
  private at = 0;

  constructor(private readonly byte: number) {}

  reset(): void {
    this.buf = null;
  }

  /** Offset of the first occurrence at or after `from`, or buf.length when there is none. */
  next(buf: Buffer, from: number): number {
    if (buf !== this.buf || from < this.from || from > this.at) {
      const k = buf.indexOf(this.byte, from);
      this.buf = buf;
      this.from = from;
      this.at = k < 0 ? buf.length : k;
    }
    return this.at;
  }
}

/** Where quotedPathAt found the path's bytes. */
export interface ByteSpan {
  start: number;
  end: number;
}

/**
 * The path argument of a path call (arguments at buf[a, end), path argument `idx` 0 or 1), as
 * trace-context's pathArgOf finds it: 1 with the string's bytes in `out` for the forms that resolve
 * against the process's cwd and change nothing (the path first, idx 0; `AT_FDCWD` bare or decorated
 * with the cwd itself, idx 1); 0 when pathArgOf finds no path (no string where the path goes, an empty
 * or unterminated one); -1 for every other form (another dirfd, a decoration naming another directory,
 * escapes in the string), which pathArgOf reads.
 */
export function quotedPathAt(
  buf: Buffer,
  view: DataView,
  a: number,
  end: number,
  idx: number,
  cwd: string | undefined,
  find: { quote: ByteFinder; backslash: ByteFinder },
  out: ByteSpan,
): number {
  const quotes = find.quote;
  const q = quotes.next(buf, a);
  if (q >= end || q - a > 4_096 || (idx === 0 && q !== a)) return 0;
  const j = quotes.next(buf, q + 1);
  if (j >= end || j === q + 1) return 0; // unterminated (whatever it escapes) or empty
  // A backslash before the first quote after the opening one: an escape (maybe of that quote) to decode.
  if (find.backslash.next(buf, q + 1) < j) return -1;
  if (idx === 1 && !(cwd && atFdcwdOf(buf, view, a, end, cwd))) {
    // `AT_FDCWD, "…"`: the dirfd part without its trailing `, ` must be the bare name.
    let d = q;
    while (d > a && (buf[d - 1] === SP || buf[d - 1] === 44)) d--;
    if (!bytesEqual(buf, a, d, "AT_FDCWD")) return -1;
  }
  out.start = q + 1;
  out.end = j;
  return 1;
}

/** `AT_FDCWD<cwd>` at a (what follows the `>` is not looked at, as in pathArgOf). */
function atFdcwdOf(buf: Buffer, view: DataView, a: number, end: number, cwd: string): boolean {
  const n = cwd.length;
  if (a + 10 + n > end || !bytesEqual(buf, a, a + 9, "AT_FDCWD<") || buf[a + 9 + n] !== 62) return false;
  const bytes = bytesOf(cwd);
  return bytes !== null && sameAscii(bytes, view, a + 9);
}

/** The string's bytes as a view, when it is ASCII (remembered for the few cwds a trace has). */
function bytesOf(text: string): DataView | null {
  if (text === lastCwd) return lastCwdBytes;
  let v = cwdBytes.get(text);
  if (v === undefined) {
    const b = Buffer.from(text, "latin1");
    v = /^[\x00-\x7f]*$/.test(text) ? new DataView(b.buffer, b.byteOffset, b.byteLength) : null;
    if (cwdBytes.size >= 256) cwdBytes.clear();
    cwdBytes.set(text, v);
  }
  lastCwd = text;
  lastCwdBytes = v;
  return v;
}

const cwdBytes = new Map<string, DataView | null>();
let lastCwd = "";
let lastCwdBytes: DataView | null = null;

/**
 * `key` equals view[at, at + key.byteLength), both ASCII: compared 8 bytes at a time as doubles, which
 * is exact for ASCII (no byte ≥ 0x80, so no -0 and no NaN: equal doubles have equal bits).
 */
function sameAscii(key: DataView, view: DataView, at: number, n = key.byteLength): boolean {
  let k = 0;
  for (; k + 8 <= n; k += 8) if (key.getFloat64(k, true) !== view.getFloat64(at + k, true)) return false;
  for (; k < n; k++) if (key.getUint8(k) !== view.getUint8(at + k)) return false;
  return true;
}

/** A cached path: a PathArg (never changed by the handlers) with its memo, for one cwd. */
interface Entry extends PathArg {
  /** The cwd a relative path was resolved against (absolute paths do not depend on it). */
  cwd: string | undefined;
  memo: PathMemo;
}

const SLOTS = 1 << 14;
const WAYS = 4;
const NO_BYTES = new DataView(new ArrayBuffer(0));

/**
 * Paths by their bytes: a set-associative table (4 ways, replaced round-robin); a miss decodes the path.
 * The buffer's bytes must be ASCII (the byte path only reads lines that are).
 */
export class PathCache {
  // Parallel arrays (monomorphic, no per-slot object): the path's bytes and its entry.
  private readonly keys: DataView[] = new Array<DataView>(SLOTS).fill(NO_BYTES);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly entries: (Entry | undefined)[] = new Array<Entry | undefined>(SLOTS).fill(undefined);
  private victim = 0;

  /**
   * The path at buf[s, e) (ASCII, no escapes; `view` is a DataView of `buf`) resolved against `cwd`, as
   * pathArgOf would return it.
   */
  get(buf: Buffer, view: DataView, s: number, e: number, cwd: string | undefined): PathArg {
    const len = e - s;
    // Paths share their heads: a few bytes of the tail, one of the middle and the length pick the set.
    const h =
      len < 16
        ? len * 31 + buf[e - 1] * 7919 + buf[s] * 131 + buf[s + (len >> 1)]
        : len * 31 + buf[e - 1] * 7919 + buf[e - 2] * 131 + buf[e - 4] * 17 + buf[e - 7] * 3 + buf[e - 11] * 29 + buf[e - 16] * 37 + buf[s + (len >> 1)];
    const set = Math.imul(h, 0x9e3779b1) & (SLOTS - WAYS);
    for (let w = set; w < set + WAYS; w++) {
      if (this.lengths[w] !== len || !sameAscii(this.keys[w], view, s, len)) continue;
      const x = this.entries[w]!;
      if (x.raw.charCodeAt(0) === 47 || x.cwd === cwd) return x;
      return (this.entries[w] = entry(x.raw, cwd));
    }
    const w = set + (this.victim++ & (WAYS - 1));
    const copy = new Uint8Array(buf.subarray(s, e)); // a copy: the buffer is reused
    this.keys[w] = new DataView(copy.buffer);
    this.lengths[w] = len;
    return (this.entries[w] = entry(latin1(buf, s, e), cwd));
  }
}

function entry(raw: string, cwd: string | undefined): Entry {
  const resolved = resolvePath(cwd, raw);
  const where = resolved ?? raw;
  const memo: PathMemo = { name: basenameOf(where), routine: isRoutineMiss(where), exists: false, keyCls: "", key: "" };
  // pathArgOf's shape: no `base` for an absolute path.
  return raw.charCodeAt(0) === 47 ? { raw, resolved, cwd, memo } : { raw, resolved, base: cwd, cwd, memo };
}
