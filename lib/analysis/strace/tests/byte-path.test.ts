// The byte path (LineAnalyzer.pushLines, what the engine feeds) must give exactly what pushing each
// line as text decoded the engine's way gives: events, root cause and the whole StraceReport (syscall
// table, process tree, files, endpoints, path resolutions). Checked on the corpus traces, on variants of
// them in every prefix/stamp/decoration form strace prints, and on randomly damaged copies.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeStream } from "../../analyze";
import type { AnalyzeOptions } from "../../types";
import { createStraceAnalyzer } from "../index";
import { corpusFfFiles, corpusTraces, CORPUS, rng, runsOf, VARIANTS, viaText, type Input } from "./trace-inputs";

/** As bytes, in runs of whole lines cut at random. */
function viaBytes(inputs: Input[], opts: AnalyzeOptions, r: () => number) {
  const a = createStraceAnalyzer("strace", opts);
  for (const { name, bytes } of inputs) {
    let no = 0;
    for (const [p, end] of runsOf(bytes, r)) no += a.pushLines!(bytes, p, end, no + 1, name);
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
    for (const { text } of corpusTraces()) {
      for (const f of Object.values(VARIANTS)) expectSame([{ bytes: Buffer.from(f(text, rng(seed))) }], seed++);
    }
  });

  it.skipIf(!existsSync(CORPUS))("on the per-pid files of a -ff trace, read together and one by one", () => {
    const files = corpusFfFiles();
    expectSame(files, 3);
    for (const f of files) expectSame([f], 5);
    expectSame(
      files.map((f) => ({ ...f, bytes: Buffer.from(VARIANTS.undecorated(f.bytes.toString("utf8"), rng(1))) })),
      9,
    );
  });

  it.skipIf(!existsSync(CORPUS))("through the engine, with chunks cut anywhere (lines across chunks included)", async () => {
    let seed = 100;
    for (const { text } of corpusTraces()) {
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
