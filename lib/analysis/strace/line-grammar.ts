// One physical strace line → its parts. Hot path: called for every line, so it does no regex work and
// no argument parsing; callers ask args.ts for details only on the lines they care about.

export type StraceLineKind =
  | "call" // name(args) = result
  | "unfinished" // name(args <unfinished ...>
  | "resumed" // <... name resumed>args) = result
  | "signal" // --- SIGCHLD {...} ---
  | "exited" // +++ exited with N +++
  | "killed" // +++ killed by SIGKILL (core dumped) +++
  | "other"; // strace: messages, -k stack frames, program output, summary rows…

export interface StraceLine {
  kind: StraceLineKind;
  /** From `[pid N]` or a bare leading pid (`-f -o`); undefined when the line carries none. */
  pid?: number;
  /** Raw `-t`/`-tt`/`-ttt`/`-r` stamp, unparsed (timestamps.ts parses it only when needed). */
  time?: string;
  name: string;
  /** Arguments text: between `(` and the call's `)` (call), up to `<unfinished` or after `resumed>`. */
  args: string;
  /** Text after ` = ` without the `-T` duration, e.g. `-1 ENOENT (No such file or directory)`. */
  result?: string;
  /** `-T` duration in seconds. */
  duration?: number;
  /** exited: status; killed: signal name; signal: signal name. */
  exitCode?: number;
  signal?: string;
  coreDumped?: boolean;
}

/** Longest line part examined; longer lines keep their head and the tail where the result is. */
export const MAX_EXAMINED = 16_384;
const TAIL_KEPT = 1_024;

const SP = 32;
const isDigit = (c: number) => c >= 48 && c <= 57;

export const newStraceLine = (): StraceLine => ({ kind: "other", name: "", args: "" });

const names: string[] = new Array(1024).fill("");

/**
 * The syscall name at text[start, end) as a standalone string, from a small direct-mapped cache
 * compared in place: no allocation for the names seen before (a slice would also keep the whole
 * read chunk alive wherever the name is stored).
 */
function internName(text: string, start: number, end: number): string {
  const len = end - start;
  const slot = (len * 961 + text.charCodeAt(start) * 31 + text.charCodeAt(end - 1)) & 1023;
  const cached = names[slot];
  if (cached.length === len && text.startsWith(cached, start)) return cached;
  return (names[slot] = detach(text.slice(start, end)));
}

/**
 * A copy of `s` that does not share memory with the string it was sliced from. Substrings of a read
 * chunk keep the whole chunk alive; anything stored beyond the current line must be detached.
 */
export function detach(s: string): string {
  return (" " + s).slice(1);
}

/** Parse one line into `out` (reused across lines by the analyzer: no allocation per line). */
export function parseStraceLine(raw: string, out: StraceLine = newStraceLine()): StraceLine {
  out.kind = "other";
  out.pid = undefined;
  out.time = undefined;
  out.name = "";
  out.args = "";
  out.result = undefined;
  out.duration = undefined;
  out.exitCode = undefined;
  out.signal = undefined;
  out.coreDumped = undefined;
  let text = raw;
  if (text.length > MAX_EXAMINED) text = text.slice(0, MAX_EXAMINED - TAIL_KEPT) + text.slice(text.length - TAIL_KEPT);
  const n = text.length;
  let i = 0;
  while (i < n && text.charCodeAt(i) === SP) i++;
  if (text.startsWith("[pid", i)) {
    let j = i + 4;
    while (j < n && text.charCodeAt(j) === SP) j++;
    let v = 0;
    const start = j;
    while (j < n && isDigit(text.charCodeAt(j))) v = v * 10 + text.charCodeAt(j++) - 48;
    if (j > start) j = skipComm(text, j);
    if (j > start && text.charCodeAt(j) === 93 /* ] */) {
      out.pid = v;
      i = j + 1;
      while (i < n && text.charCodeAt(i) === SP) i++;
    }
  }
  // Up to two numeric tokens: a bare pid (digits only) and/or a timestamp (digits with ':' or '.').
  for (let round = 0; round < 2 && i < n && isDigit(text.charCodeAt(i)); round++) {
    let j = i;
    let punct = false;
    let v = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        v = v * 10 + c - 48;
        j++;
      } else if (c === 58 || c === 46) {
        punct = true;
        j++;
      } else break;
    }
    if (!punct) j = skipComm(text, j);
    if (j >= n || text.charCodeAt(j) !== SP) break;
    if (punct) {
      if (out.time !== undefined) break;
      out.time = text.slice(i, j);
    } else {
      if (out.pid !== undefined || out.time !== undefined) break;
      out.pid = v;
    }
    i = j;
    while (i < n && text.charCodeAt(i) === SP) i++;
  }
  // `-i` instruction pointer `[00007f7e8a4a0b5b]` or `-n` syscall number `[  2]`: skipped.
  if (text.charCodeAt(i) === 91 /* [ */) {
    const close = text.indexOf("]", i);
    if (close > i && close - i < 24 && /^\[\s*[0-9a-f]+\]$/.test(text.slice(i, close + 1))) {
      i = close + 1;
      while (i < n && text.charCodeAt(i) === SP) i++;
    }
  }
  parseBody(text, i, out);
  return out;
}

/** `-Y` prints the command after a pid: `1234<cat>`; skip it (the process table knows the command). */
function skipComm(text: string, j: number): number {
  if (text.charCodeAt(j) !== 60 /* < */) return j;
  const close = text.indexOf(">", j);
  return close > j && close - j <= 17 ? close + 1 : j;
}

function parseBody(text: string, i: number, out: StraceLine): void {
  const c = text.charCodeAt(i);
  if (c === 43 /* + */ && text.startsWith("+++ ", i)) {
    const exited = /^\+\+\+ exited with (\d+) \+\+\+/.exec(text.slice(i, i + 40));
    if (exited) {
      out.kind = "exited";
      out.exitCode = Number(exited[1]);
      return;
    }
    const killed = /^\+\+\+ killed by (SIG[A-Z0-9+]+)( \(core dumped\))? \+\+\+/.exec(text.slice(i, i + 60));
    if (killed) {
      out.kind = "killed";
      out.signal = detach(killed[1]);
      out.coreDumped = !!killed[2];
    }
    return;
  }
  if (c === 45 /* - */ && text.startsWith("--- ", i)) {
    const sig = /^--- (SIG[A-Z0-9+]+)/.exec(text.slice(i, i + 30));
    if (sig) {
      out.kind = "signal";
      out.signal = detach(sig[1]);
      out.args = text.slice(i + 4);
    }
    return;
  }
  if (c === 60 /* < */ && text.startsWith("<... ", i)) {
    const close = text.indexOf(" resumed>", i + 5);
    if (close < 0 || close > i + 64) return;
    out.kind = "resumed";
    out.name = internName(text, i + 5, close);
    withResult(out, text, close + 9);
    return;
  }
  // name( — syscall names are [a-z0-9_], plus `syscall_0x1c9` and `???` for unknown ones.
  let j = i;
  const n = text.length;
  while (j < n && j - i < 40) {
    const d = text.charCodeAt(j);
    if ((d >= 97 && d <= 122) || isDigit(d) || d === 95 || d === 63 || (d >= 65 && d <= 90)) j++;
    else break;
  }
  if (j === i || j >= n || text.charCodeAt(j) !== 40 /* ( */) return;
  out.name = internName(text, i, j);
  if (text.endsWith("<unfinished ...>")) {
    out.kind = "unfinished";
    out.args = text.slice(j + 1, text.length - 16).trimEnd();
    return;
  }
  out.kind = "call";
  withResult(out, text, j + 1);
}

/** Split `args) = result <dur>` starting at `from`; a line without ` = ` keeps everything as args. */
function withResult(line: StraceLine, text: string, from: number): void {
  let end = text.length;
  // `-T` duration: trailing `<0.000017>` (or `<unavailable>`).
  if (text.charCodeAt(end - 1) === 62 /* > */) {
    const lt = text.lastIndexOf(" <", end - 1);
    if (lt > from && end - lt < 24) {
      line.duration = decimalAt(text, lt + 2, end - 1);
      end = lt;
    }
  }
  const eq = text.lastIndexOf(" = ", end);
  if (eq < from) {
    line.args = text.slice(from, end);
    return;
  }
  let argEnd = eq;
  while (argEnd > from && text.charCodeAt(argEnd - 1) === SP) argEnd--;
  if (text.charCodeAt(argEnd - 1) === 41 /* ) */) argEnd--;
  line.args = text.slice(from, argEnd);
  while (end > eq + 3 && text.charCodeAt(end - 1) === SP) end--;
  line.result = text.slice(eq + 3, end);
}

/** `0.000017` in text[start, end) without allocating; undefined if it is not a plain decimal. */
function decimalAt(text: string, start: number, end: number): number | undefined {
  let whole = 0;
  let frac = 0;
  let scale = 1;
  let dot = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !dot) dot = true;
    else if (c < 48 || c > 57) return undefined;
    else if (dot) {
      frac = frac * 10 + c - 48;
      scale *= 10;
    } else whole = whole * 10 + c - 48;
  }
  return end > start ? whole + frac / scale : undefined;
}

/** `-1 ENOENT (…)` / `? ERESTARTSYS (…)` → the errno name; undefined for successful results. */
export function resultErrno(result: string | undefined): string | undefined {
  if (!result) return undefined;
  let k: number;
  if (result.startsWith("-1 E")) k = 3;
  else if (result.startsWith("? E")) k = 2;
  else return undefined;
  let e = k + 1;
  while (e < result.length) {
    const c = result.charCodeAt(e);
    if ((c >= 65 && c <= 90) || isDigit(c) || c === 95) e++;
    else break;
  }
  return result.slice(k, e);
}

/** Leading integer of a result (`3</x>` → 3, `0x1f` → 31); undefined for `?` or text. */
export function resultValue(result: string | undefined): number | undefined {
  if (!result) return undefined;
  const m = /^(-?\d+|0x[0-9a-f]+)/.exec(result);
  return m ? Number(m[1]) : undefined;
}
