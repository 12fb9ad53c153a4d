// Path arguments read from bytes, for the analyzer's byte path: where the path string is, and a cache of
// the strings and facts derived from each path (its text, resolution against the cwd, basename, whether
// it is a routine miss, whether the trace has shown it to exist), so that a path seen before (the same
// probes in every process of a build) costs a lookup instead of a decode and its derivations.
import { bytesEqual, latin1 } from "./byte-lines";
import { isRoutineMiss } from "./classify";
import { basenameOf, resolvePath } from "./paths";
import type { PathArg, PathMemo } from "./trace-context";

const SP = 32;

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
  if (idx === 1 && !(cwd && atFdcwdOf(buf, a, end, cwd))) {
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
function atFdcwdOf(buf: Uint8Array, a: number, end: number, cwd: string): boolean {
  const n = cwd.length;
  if (a + 10 + n > end || !bytesEqual(buf, a, a + 9, "AT_FDCWD<") || buf[a + 9 + n] !== 62) return false;
  for (let k = 0; k < n; k++) if (buf[a + 9 + k] !== cwd.charCodeAt(k)) return false;
  return true;
}

/** A cached path: a PathArg (never changed by the handlers) with its memo, for one cwd. */
interface Entry extends PathArg {
  bytes: Uint8Array;
  /** The cwd a relative path was resolved against (absolute paths do not depend on it). */
  cwd: string | undefined;
  memo: PathMemo;
}

const SLOTS = 1 << 14;
const WAYS = 4;

/** Paths by their bytes: a set-associative table (4 ways, replaced round-robin); a miss decodes the path. */
export class PathCache {
  private readonly slots: (Entry | undefined)[] = new Array<Entry | undefined>(SLOTS).fill(undefined);
  private victim = 0;

  /** The path at buf[s, e) (ASCII, no escapes) resolved against `cwd`, as pathArgOf would return it. */
  get(buf: Buffer, s: number, e: number, cwd: string | undefined): PathArg {
    const len = e - s;
    // Paths share their heads: hash the length and the last bytes.
    let h = len;
    for (let k = Math.max(s, e - 24); k < e; k++) h = Math.imul(h ^ buf[k], 0x01000193);
    const base = (h >>> 0) & (SLOTS - WAYS);
    for (let w = 0; w < WAYS; w++) {
      const x = this.slots[base + w];
      if (x === undefined || !sameBytes(x.bytes, buf, s, e)) continue;
      if (x.raw.charCodeAt(0) === 47 || x.cwd === cwd) return x;
      return (this.slots[base + w] = entry(x.raw, x.bytes, cwd));
    }
    const x = entry(latin1(buf, s, e), new Uint8Array(buf.subarray(s, e)), cwd);
    this.slots[base + (this.victim++ & (WAYS - 1))] = x;
    return x;
  }
}

function entry(raw: string, bytes: Uint8Array, cwd: string | undefined): Entry {
  const absolute = raw.charCodeAt(0) === 47;
  const resolved = resolvePath(cwd, raw);
  const where = resolved ?? raw;
  const memo: PathMemo = { name: basenameOf(where), routine: isRoutineMiss(where), exists: false, keyCls: "", key: "" };
  // pathArgOf's shape: no `base` property for an absolute path.
  return absolute ? { raw, resolved, bytes, cwd, memo } : { raw, resolved, base: cwd, bytes, cwd, memo };
}

function sameBytes(a: Uint8Array, buf: Uint8Array, s: number, e: number): boolean {
  if (a.length !== e - s) return false;
  for (let k = a.length - 1; k >= 0; k--) if (a[k] !== buf[s + k]) return false;
  return true;
}
