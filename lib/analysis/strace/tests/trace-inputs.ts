// Test support for the byte-path and scan-pool equivalence tests: the corpus traces, variants of a trace
// in the other forms strace prints, interleaved traces of many processes generated from them, and the
// reference analysis (each line pushed as text, decoded the engine's way).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeLine } from "../../input/decode-line";
import type { AnalyzeOptions, LogLine, PartialResult } from "../../types";
import { createStraceAnalyzer } from "../index";

export const CORPUS = join(__dirname, "../../../../../shared/corpus");

/** mulberry32: small, seeded, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Input {
  name?: string;
  bytes: Buffer;
}

/** Line by line as text, the way LineReader decodes lines for push(): the reference. */
export function viaText(inputs: Input[], opts: AnalyzeOptions): PartialResult {
  const a = createStraceAnalyzer("strace", opts);
  for (const { name, bytes } of inputs) {
    let no = 0;
    for (let p = 0; p < bytes.length; ) {
      let nl = bytes.indexOf(10, p);
      if (nl < 0) nl = bytes.length;
      const line: LogLine = { no: ++no, text: decodeLine(bytes, p, nl).text, bytes: nl - p + 1 };
      if (name !== undefined) line.file = name;
      a.push(line);
      p = nl + 1;
    }
  }
  return a.finish();
}

/** The runs of whole lines of `bytes` cut at random (each at most `max` bytes but whole lines). */
export function* runsOf(bytes: Buffer, r: () => number, max = 4_000): Generator<[number, number]> {
  for (let p = 0; p < bytes.length; ) {
    let end = Math.min(bytes.length, p + 1 + Math.floor(r() * max));
    const nl = bytes.indexOf(10, end - 1);
    end = nl < 0 ? bytes.length : nl + 1;
    yield [p, end];
    p = end;
  }
}

/** The corpus's strace traces (not the `-c` tables). */
export function corpusTraces(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((n) => /^strace-(?!c-).*\.txt$/.test(n) && statSync(join(CORPUS, n)).isFile())
    .map((n) => ({ name: n, text: readFileSync(join(CORPUS, n), "utf8") }));
}

/** The per-pid files of the corpus's `strace -ff` trace. */
export function corpusFfFiles(): Input[] {
  const dir = join(CORPUS, "strace-ff-healthcheck");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^trace\.\d+$/.test(n))
    .sort()
    .map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) }));
}

// Variants of a trace in the other forms strace prints (and some it does not).
const lines = (t: string) => t.split("\n");
const PREFIX = /^(\d+) (\d\d):(\d\d):(\d\d)\.(\d+) /;
export const VARIANTS: Record<string, (t: string, r: () => number) => string> = {
  asIs: (t) => t,
  bracketPid: (t) => t.replace(/^(\d+) /gm, "[pid $1] "),
  noStamp: (t) => t.replace(/^(\d+) [\d:.]+ /gm, "$1 "),
  noPid: (t) => t.replace(/^\d+ /gm, ""),
  epoch: (t) => t.replace(/^(\d+) (\d\d):(\d\d):(\d\d)\.(\d+) /gm, (_, p, h, m, s, us) => `${p} ${1795200000 + Number(h) * 3600 + Number(m) * 60 + Number(s)}.${us} `),
  relative: (t, r) => lines(t).map((l) => l.replace(PREFIX, (_, p) => `${p}      0.${String(Math.floor(r() * 999999)).padStart(6, "0")} `)).join("\n"),
  secondsOnly: (t) => t.replace(/^(\d+) (\d\d:\d\d:\d\d)\.\d+ /gm, "$1 $2 "),
  undecorated: (t) => t.replace(/AT_FDCWD<[^<>"]*>/g, "AT_FDCWD").replace(/\b(\d+)<[^<>"]*(?:<[^<>"]*>)?>/g, "$1"),
  comm: (t) => t.replace(/^(\d+) /gm, "$1<prog> "),
  spaced: (t) => t.replace(/ = /g, "   = ").replace(/^/gm, " "),
  crlfAndColour: (t, r) => lines(t).map((l) => (r() < 0.05 ? `${l}\r` : r() < 0.03 ? `\x1b[31m${l}\x1b[0m` : l)).join("\n"),
  nonAscii: (t, r) => lines(t).map((l) => (r() < 0.05 ? l.replace(/"\//, '"/é') : l)).join("\n"),
  longLines: (t, r) => lines(t).map((l) => (r() < 0.02 ? l.replace(/", /, `${"x".repeat(9_000)}", `) : l)).join("\n"),
  relativeCwd: (t) => t.replace(/, "\/srv\/ci\//g, ', "../ci/').replace(/, "\/root\//g, ', "./r//x/../'),
  damaged: (t, r) =>
    lines(t)
      .map((l) => {
        if (r() > 0.08) return l;
        const at = Math.floor(r() * (l.length + 1));
        const pick = r();
        if (pick < 0.3) return l.slice(0, at);
        if (pick < 0.6) return l.slice(0, at) + `"<>()[]{}\\=,+-. ?`[Math.floor(r() * 17)] + l.slice(at);
        if (pick < 0.8) return l.slice(0, at) + l.slice(at + Math.floor(r() * 20));
        return l.slice(0, at) + l.slice(Math.max(0, at - 10), at) + l.slice(at);
      })
      .join("\n"),
};

const two = (n: number) => String(n).padStart(2, "0");
const CALL = /^(\w+)\((.*)\) += (.*)$/;

export interface Interleaving {
  /** Copies of each source trace, each with its own pids. */
  copies?: number;
  /** Chance that a call is printed as `<unfinished ...>` and `<... resumed>` halves with other lines between. */
  split?: number;
  /** Chance that another line of the same pid comes between the halves (strace never does this; the analysis must still agree). */
  intruder?: number;
  /** The clock starts this many seconds before midnight (the trace crosses it). */
  beforeMidnight?: number;
}

/**
 * Several copies of the given traces (`PID HH:MM:SS.uuuuuu body` lines), each with its pids shifted,
 * interleaved at random as concurrent processes would be, re-stamped with one rising clock, with calls
 * split into unfinished/resumed halves whose other lines come between.
 */
export function interleavedTrace(texts: string[], r: () => number, o: Interleaving = {}): string {
  const { copies = 3, split = 0.2, intruder = 0.02, beforeMidnight = 30 } = o;
  const streams: { pid: string; body: string }[][] = [];
  let k = 0;
  for (const text of texts) {
    const parsed = lines(text)
      .map((l) => /^(\d+) \S+ (.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    const pids = [...new Set(parsed.map((m) => m[1]))];
    for (let c = 0; c < copies; c++, k++) {
      const shift = 100_000 * (k + 1);
      const re = pids.length ? new RegExp(`\\b(${pids.join("|")})\\b`, "g") : null;
      streams.push(parsed.map((m) => ({ pid: String(Number(m[1]) + shift), body: re ? m[2].replace(re, (p) => String(Number(p) + shift)) : m[2] })));
    }
  }
  const out: string[] = [];
  let clock = 86_400 - beforeMidnight;
  const stamp = () => {
    clock += r() * 0.002;
    const t = clock % 86_400;
    const sec = Math.floor(t);
    return `${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}.${String(Math.floor((t - sec) * 1e6)).padStart(6, "0")}`;
  };
  // Resumed halves owed, by pid: printed before that pid's next line.
  const owed = new Map<string, string>();
  const emit = (pid: string, body: string) => out.push(`${pid} ${stamp()} ${body}`);
  const live = streams.map((s) => ({ s, i: 0 }));
  while (live.length) {
    const j = Math.floor(r() * live.length);
    const cur = live[j];
    const { pid, body } = cur.s[cur.i++];
    if (cur.i >= cur.s.length) live.splice(j, 1);
    const half = owed.get(pid);
    if (half !== undefined) {
      if (r() < intruder) emit(pid, body.startsWith("+++") ? body : `getpid() = ${pid}`);
      owed.delete(pid);
      emit(pid, half);
      if (body.startsWith("+++")) continue;
    }
    const m = CALL.exec(body);
    if (m && r() < split && !body.includes("<unfinished")) {
      emit(pid, `${m[1]}(${m[2]} <unfinished ...>`);
      owed.set(pid, `<... ${m[1]} resumed>) = ${m[3]}`);
    } else emit(pid, body);
  }
  for (const [pid, half] of owed) emit(pid, half);
  return out.join("\n") + "\n";
}

/** A trace as the `prefix.PID` files `strace -ff -o prefix` writes: one per pid, lines without the pid. */
export function splitPerPid(text: string): Input[] {
  const files = new Map<string, string[]>();
  for (const l of lines(text)) {
    const m = /^(\d+) (.*)$/.exec(l);
    if (!m) continue;
    let f = files.get(m[1]);
    if (!f) files.set(m[1], (f = []));
    f.push(m[2]);
  }
  return [...files].map(([pid, ls]) => ({ name: `trace.${pid}`, bytes: Buffer.from(ls.join("\n") + "\n") }));
}
