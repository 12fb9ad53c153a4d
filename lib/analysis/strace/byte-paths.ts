// Path arguments on the byte path: the facts derived from each path the line scanner interned (its text,
// resolution against the cwd, basename, whether it is a routine miss, whether the trace has shown it to
// exist), worked out once per path and cwd, and the one check of a path argument that depends on the
// process's state (a `AT_FDCWD</cwd>` decoration naming the process's cwd).
import { isRoutineMiss } from "./classify";
import { basenameOf, resolvePath } from "./paths";
import type { PathArg, PathMemo } from "./trace-context";

type Latin1Slicing = { latin1Slice(start: number, end: number): string };

/** The bytes as a latin1 string (the caller has checked they are ASCII); the buffer must be a Buffer. */
export function latin1(buf: Uint8Array, s: number, e: number): string {
  return (buf as unknown as Latin1Slicing).latin1Slice(s, e);
}

/** `AT_FDCWD<cwd>` at a, in the arguments buf[a, end) (what follows the `>` is not looked at, as in pathArgOf). */
export function atFdcwdOf(buf: Uint8Array, view: DataView, a: number, end: number, cwd: string): boolean {
  const n = cwd.length;
  if (a + 10 + n > end || latin1(buf, a, a + 9) !== "AT_FDCWD<" || buf[a + 9 + n] !== 62) return false;
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
  if (at + n > view.byteLength) return false;
  let k = 0;
  for (; k + 8 <= n; k += 8) if (key.getFloat64(k, true) !== view.getFloat64(at + k, true)) return false;
  for (; k < n; k++) if (key.getUint8(k) !== view.getUint8(at + k)) return false;
  return true;
}

/** A path with its memo, for one cwd (a PathArg the handlers never change). */
export interface PathEntry extends PathArg {
  /** The cwd a relative path was resolved against (absolute paths do not depend on it). */
  cwd: string | undefined;
  absolute: boolean;
  memo: PathMemo;
}

/** The entry for `raw` seen by a process whose cwd is `cwd`, as pathArgOf would return the path. */
export function pathEntry(raw: string, cwd: string | undefined): PathEntry {
  const resolved = resolvePath(cwd, raw);
  const where = resolved ?? raw;
  const memo: PathMemo = { name: basenameOf(where), routine: isRoutineMiss(where), exists: false, keyCls: "", key: "", failedNoted: false, openedNoted: false };
  // pathArgOf's shape: no `base` for an absolute path.
  const absolute = raw.charCodeAt(0) === 47;
  return absolute ? { raw, resolved, cwd, absolute, memo } : { raw, resolved, base: cwd, cwd, absolute, memo };
}

/** Whether an entry made for another cwd still holds (absolute paths hold for every cwd). */
export const holdsFor = (x: PathEntry, cwd: string | undefined) => x.absolute || x.cwd === cwd;
