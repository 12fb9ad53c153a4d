// The byte path (LineAnalyzer.pushLines, what the engine feeds) must give exactly what pushing each
// line as text decoded the engine's way gives: events, root cause and the whole StraceReport (syscall
// table, process tree, files, endpoints, path resolutions). Checked on the corpus traces, on variants of
// them in every prefix/stamp/decoration form strace prints, and on randomly damaged copies.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeStream } from "../../analyze";
import { decodeLine } from "../../input/decode-line";
import type { AnalyzeOptions, LogLine } from "../../types";
import { createStraceAnalyzer } from "../index";

const CORPUS = join(__dirname, "../../../../../shared/corpus");

/** mulberry32: small, seeded, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Input {
  name?: string;
  bytes: Buffer;
}

/** Line by line as text, the way LineReader decodes lines for push(). */
function viaText(inputs: Input[], opts: AnalyzeOptions) {
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

/** As bytes, in runs of whole lines cut at random. */
function viaBytes(inputs: Input[], opts: AnalyzeOptions, r: () => number) {
  const a = createStraceAnalyzer("strace", opts);
  for (const { name, bytes } of inputs) {
    let no = 0;
    let p = 0;
    while (p < bytes.length) {
      let end = Math.min(bytes.length, p + 1 + Math.floor(r() * 4_000));
      const nl = bytes.indexOf(10, end - 1);
      end = nl < 0 ? bytes.length : nl + 1;
      no += a.pushLines!(bytes, p, end, no + 1, name);
      p = end;
    }
  }
  return a.finish();
}

function expectSame(inputs: Input[], seed: number): void {
  for (const opts of [{}, { baseDate: "2026-11-20" }] as AnalyzeOptions[]) {
    const o = inputs.length === 1 && inputs[0].name ? { ...opts, name: inputs[0].name } : opts;
    const one = inputs.length === 1 ? [{ bytes: inputs[0].bytes }] : inputs;
    expect(viaBytes(one, o, rng(seed))).toEqual(viaText(one, o));
  }
}

// Variants of a trace in the other forms strace prints.
const lines = (t: string) => t.split("\n");
const PREFIX = /^(\d+) (\d\d):(\d\d):(\d\d)\.(\d+) /;
const VARIANTS: Record<string, (t: string, r: () => number) => string> = {
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

function traces(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((n) => /^strace-(?!c-).*\.txt$/.test(n) && statSync(join(CORPUS, n)).isFile())
    .map((n) => ({ name: n, text: readFileSync(join(CORPUS, n), "utf8") }));
}

const INLINE = `23149 22:03:40.285219 brk(NULL)         = 0x55d742b37000 <0.000003>
23149 22:03:40.285757 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory) <0.000004>
23149 22:03:40.309059 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/etc/app/config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>
23149 22:03:40.309070 newfstatat(3</etc/ld.so.cache>, "", {st_mode=S_IFREG|0644, st_size=38759, ...}, AT_EMPTY_PATH) = 0 <0.000003>
23149 22:03:40.309080 read(3</etc/ld.so.cache>, "x", 832) = 832 <0.000004>
23149 22:03:40.309090 close(3</etc/ld.so.cache>) = 0 <0.000004>
23149 22:03:40.309100 futex(0x7f, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>
23150 22:03:40.309110 +++ exited with 0 +++
23149 22:03:40.309120 <... futex resumed>) = -1 ETIMEDOUT (Connection timed out) <0.000014>
23149 22:03:40.309122 write(2<pipe:[61753]>, "fatal: no configuration file found\\n", 35) = 35 <0.000066>
23149 22:03:40.310969 exit_group(2)     = ?
23149 22:03:40.311102 +++ exited with 2 +++
`;

// Two bursts of failures with only a successful call between them: the call (whatever its kind) splits
// them, so only the second burst explains the exit. Each separator is one the byte path handles itself.
const SEPARATORS = [
  `brk(NULL) = 0x55d742b37000 <0.000003>`,
  `read(3</etc/ld.so.cache>, "x", 832) = 832 <0.000004>`,
  `close(3</etc/ld.so.cache>) = 0 <0.000004>`,
  `statx(AT_FDCWD</work>, "/etc/hosts", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL}) = 0 <0.000009>`,
  `newfstatat(3</etc/ld.so.cache>, "", {st_mode=S_IFREG|0644, st_size=38759, ...}, AT_EMPTY_PATH) = 0 <0.000003>`,
];
const bursts = (sep: string, resumed: boolean) => `100 12:00:00.000001 execve("/bin/tool", ["tool"], 0x7ffd /* 3 vars */) = 0
100 12:00:00.000002 chdir("/work") = 0
100 12:00:00.000003 openat(AT_FDCWD</work>, "/etc/a.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
${resumed ? `100 12:00:00.000004 ${sep.replace(/\) = .*/, " <unfinished ...>")}\n101 12:00:00.000005 +++ exited with 0 +++\n100 12:00:00.000006 <... ${/^\w+/.exec(sep)![0]} resumed>) = 0` : `100 12:00:00.000004 ${sep}`}
100 12:00:00.000007 openat(AT_FDCWD</work>, "b.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
100 12:00:00.000008 exit_group(1) = ?
100 12:00:00.000009 +++ exited with 1 +++
`;

describe("byte path ≡ text path", () => {
  it("splits bursts of failures at every kind of successful call", () => {
    for (const sep of SEPARATORS) {
      for (const resumed of [false, true]) {
        const text = bursts(sep, resumed);
        expectSame([{ bytes: Buffer.from(text) }], 1);
        const r = viaBytes([{ bytes: Buffer.from(text) }], {}, rng(1));
        expect({ sep, resumed, events: r.events.map((e) => e.fields.path ?? e.class) }).toEqual({ sep, resumed, events: ["b.conf", "process_exit"] });
      }
    }
  });

  it("on an inline trace, in every variant", () => {
    for (const [variant, f] of Object.entries(VARIANTS)) {
      const text = f(INLINE, rng(7));
      expect({ variant, ok: true }).toEqual({ variant, ok: true });
      expectSame([{ bytes: Buffer.from(text) }], 11);
    }
  });

  it.skipIf(!existsSync(CORPUS))("on every corpus trace, in every variant", () => {
    let seed = 1;
    for (const { text } of traces()) {
      for (const f of Object.values(VARIANTS)) expectSame([{ bytes: Buffer.from(f(text, rng(seed))) }], seed++);
    }
  });

  it.skipIf(!existsSync(CORPUS))("on the per-pid files of a -ff trace, read together and one by one", () => {
    const dir = join(CORPUS, "strace-ff-healthcheck");
    const files = readdirSync(dir)
      .filter((n) => /^trace\.\d+$/.test(n))
      .map((n) => ({ name: n, bytes: readFileSync(join(dir, n)) }));
    expectSame(files, 3);
    for (const f of files) expectSame([f], 5);
    expectSame(
      files.map((f) => ({ ...f, bytes: Buffer.from(VARIANTS.undecorated(f.bytes.toString("utf8"), rng(1))) })),
      9,
    );
  });

  it.skipIf(!existsSync(CORPUS))("through the engine, with chunks cut anywhere (lines across chunks included)", async () => {
    let seed = 100;
    for (const { text } of traces()) {
      const bytes = Buffer.from(VARIANTS.crlfAndColour(text, rng(seed)));
      const r = rng(seed++);
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let p = 0; p < bytes.length; ) {
          const n = 1 + Math.floor(r() * 700);
          yield bytes.subarray(p, p + n);
          p += n;
        }
      }
      const { stats, analyzerVersion, ...viaEngine } = await analyzeStream(chunks(), { baseDate: "2026-11-20" });
      void stats;
      void analyzerVersion;
      expect(viaEngine).toEqual(viaText([{ bytes }], { baseDate: "2026-11-20" }));
    }
  });
});
