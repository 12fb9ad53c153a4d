// Large traces are scanned on worker threads (scan-pool.ts) and applied in order on the main thread; the
// result must be exactly what the sequential byte path and the text path give: events, root cause and the
// whole StraceReport (syscall table, process tree, files, endpoints, path resolutions). Checked through
// the engine (chunks cut anywhere, lines across chunks, the pool taking over mid-stream) on the corpus
// traces in every variant, on `-ff` per-pid files, on generated traces of many interleaved processes with
// calls split into unfinished/resumed halves, on `-c` tables, and on pathological pending-call counts.
import { isAscii } from "node:buffer";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { collect, toResult, type Source } from "../../engine/analyze-sources";
import type { AnalysisResult, AnalyzeOptions } from "../../types";
import { SCANNER_CONFIG } from "../classify";
import { createStraceAnalyzer } from "../index";
import { createLineScanner } from "../line-scanner";
import { TraceScanPool } from "../scan-pool";
import { corpusFfFiles, corpusTraces, CORPUS, interleavedTrace, rng, runsOf, splitPerPid, VARIANTS, viaText, type Input } from "./trace-inputs";

const ENV = ["FAULTLINE_THREADS", "FAULTLINE_PARALLEL_AFTER_MB"] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

/** Chunks cut at random sizes; some own their memory (they move to a worker), some are views (copied). */
async function* chunksOf(bytes: Buffer, r: () => number, max: number): AsyncGenerator<Uint8Array> {
  for (let p = 0; p < bytes.length; ) {
    const n = 1 + Math.floor(r() * max);
    const piece = bytes.subarray(p, p + n);
    yield r() < 0.7 ? new Uint8Array(piece) : piece;
    p += n;
  }
}

/** Through the engine: `threads` scan workers (0: none) once the trace passed `afterMb`. */
async function viaEngine(inputs: Input[], opts: AnalyzeOptions, seed: number, threads: number, max = 64 << 10): Promise<Omit<AnalysisResult, "stats" | "analyzerVersion">> {
  process.env.FAULTLINE_THREADS = String(threads);
  process.env.FAULTLINE_PARALLEL_AFTER_MB = "0";
  const r = rng(seed);
  const sources: Source[] = inputs.map(({ name, bytes }) => ({ file: name, chunks: chunksOf(bytes, r, max) }));
  const { stats, analyzerVersion, ...result } = toResult(await collect(sources, opts), 0);
  void analyzerVersion;
  expect(stats.lines).toBe(inputs.reduce((n, i) => n + i.bytes.toString("latin1").split("\n").length - (i.bytes.at(-1) === 10 ? 1 : 0), 0));
  return result;
}

/** The worker-scanned engine ≡ the in-process engine ≡ the text path (when the engine read it as strace). */
async function expectSame(inputs: Input[], seed: number, opts: AnalyzeOptions = { baseDate: "2026-11-20" }, max?: number): Promise<boolean> {
  const o = inputs.length === 1 && inputs[0].name ? { ...opts, name: inputs[0].name } : opts;
  const one = inputs.length === 1 ? [{ bytes: inputs[0].bytes }] : inputs;
  const pooled = await viaEngine(one, o, seed, 2, max);
  expect(pooled).toEqual(await viaEngine(one, o, seed, 0, max));
  if (pooled.format !== "strace") return false; // a variant no longer recognised as strace (a build log to the engine)
  expect(pooled).toEqual(viaText(one, o));
  return true;
}

describe("worker-scanned traces ≡ sequential ≡ text path", () => {
  it("creates workers from the scanner's own source and scans in them", async () => {
    process.env.FAULTLINE_THREADS = "1";
    const pool = TraceScanPool.create();
    expect(pool).not.toBeNull();
    try {
      const bytes = Buffer.from("1 12:00:00.000001 openat(AT_FDCWD</w>, \"/etc/x\", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000004>\n");
      const scanned = await pool!.scan(new Uint8Array(bytes), 0, bytes.length, undefined);
      expect(scanned.batch.count).toBe(1);
      expect(scanned.batch.added.map((t) => t.length)).toEqual([1, 1, 1, 1, 1]);
    } finally {
      pool!.close();
    }
  });

  it.skipIf(!existsSync(CORPUS))("on every corpus trace, in the variants that matter to scanning, chunks cut anywhere", async () => {
    let seed = 1;
    let asStrace = 0;
    let runs = 0;
    // The forms that change what the scanner reads or where lines are cut (byte-path.test.ts has them all).
    const variants = Object.entries(VARIANTS).filter(([v]) => !["noStamp", "epoch", "secondsOnly", "comm", "spaced"].includes(v));
    for (const { text } of corpusTraces()) {
      for (const [variant, f] of variants) {
        const bytes = Buffer.from(f(text, rng(seed)));
        expect({ variant, ok: true }).toEqual({ variant, ok: true });
        if (await expectSame([{ bytes }], seed++)) asStrace++;
        runs++;
      }
    }
    expect(asStrace).toBeGreaterThan(runs * 0.8);
  }, 120_000);

  it.skipIf(!existsSync(CORPUS))("on the per-pid files of a -ff trace, and on an interleaved trace split per pid", async () => {
    expect(await expectSame(corpusFfFiles(), 3)).toBe(true);
    expect(await expectSame(corpusFfFiles(), 4, {})).toBe(true);
    const text = interleavedTrace(corpusTraces().map((t) => t.text).slice(0, 3), rng(5), { copies: 2 });
    expect(await expectSame(splitPerPid(text), 6)).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync(CORPUS))("on generated traces of many processes, interleaved, with split calls, crossing midnight", async () => {
    const texts = corpusTraces().map((t) => t.text);
    const scans = vi.spyOn(TraceScanPool.prototype, "scan");
    for (const [seed, o] of [
      [11, { copies: 2 }],
      [12, { copies: 2, split: 0.5, intruder: 0.1 }],
      [13, { copies: 1, split: 0.9, intruder: 0 }],
    ] as const) {
      const text = interleavedTrace(texts, rng(seed), o);
      expect(await expectSame([{ bytes: Buffer.from(text) }], seed)).toBe(true);
      expect(await expectSame([{ bytes: Buffer.from(VARIANTS.bracketPid(text, rng(seed))) }], seed, {})).toBe(true);
      await expectSame([{ bytes: Buffer.from(VARIANTS.damaged(text, rng(seed))) }], seed);
    }
    expect(scans.mock.calls.length).toBeGreaterThan(100); // the workers did scan
    scans.mockRestore();
  }, 120_000);

  it.skipIf(!existsSync(CORPUS))("on strace -c tables (read as a summary) and mixed uploads", async () => {
    const tables = readdirSync(CORPUS).filter((n) => /^strace-c-.*\.txt$/.test(n));
    expect(tables.length).toBeGreaterThan(0);
    for (const name of tables) {
      const bytes = readFileSync(join(CORPUS, name));
      expect(await viaEngine([{ name, bytes }], {}, 1, 2, 300)).toEqual(await viaEngine([{ name, bytes }], {}, 1, 0, 300));
    }
    const mixed = [{ name: "trace.1", bytes: Buffer.from(corpusTraces()[0].text) }, { name: tables[0], bytes: readFileSync(join(CORPUS, tables[0])) }];
    expect(await viaEngine(mixed, {}, 2, 2)).toEqual(await viaEngine(mixed, {}, 2, 0));
  }, 60_000);

  it("with more calls left unfinished than are remembered (MAX_PENDING)", async () => {
    // 5000 threads each leave a call unfinished; some resume at once (their halves are not stored), the
    // others only after the bound has dropped what was pending.
    const out: string[] = [];
    for (let t = 0; t < 5_000; t++) {
      out.push(`${1000 + t} 10:00:00.${String(t).padStart(6, "0")} futex(0x7f, FUTEX_WAIT_PRIVATE, 2, NULL <unfinished ...>`);
      if (t % 3 === 0) out.push(`${1000 + t} 10:00:00.${String(t).padStart(6, "0")} <... futex resumed>) = 0 <0.000010>`);
    }
    for (let t = 0; t < 5_000; t++) if (t % 3 !== 0) out.push(`${1000 + t} 10:00:01.${String(t).padStart(6, "0")} <... futex resumed>) = -1 ETIMEDOUT (Connection timed out) <0.000010>`);
    out.push("1000 10:00:02.000000 write(2, \"fatal: timed out\\n\", 17) = 17", "1000 10:00:02.000001 +++ exited with 1 +++");
    expect(await expectSame([{ bytes: Buffer.from(out.join("\n") + "\n") }], 7)).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync(CORPUS))("with chunks larger than a slot, and chunks of more lines than a slot's batch holds", async () => {
    const text = interleavedTrace(corpusTraces().map((t) => t.text), rng(31), { copies: 1 });
    const blanks = "\n".repeat(200_000);
    const bytes = Buffer.from(text.slice(0, 20_000) + blanks + text.slice(20_000) + blanks + "1 12:00:00.000001 +++ exited with 3 +++\n");
    expect(await expectSame([{ bytes }], 32, {}, 3 << 20)).toBe(true);
    expect(await expectSame([{ bytes }], 33, {}, 300 << 10)).toBe(true);
  }, 60_000);

  it("with more distinct (long) paths than the scanner keeps", async () => {
    const r = rng(51);
    const out = ["7 10:00:00.000000 execve(\"/bin/tool\", [\"tool\"], 0x7ffd /* 3 vars */) = 0"];
    for (let i = 0; i < 3_000; i++) {
      const dir = `/srv/${"d".repeat(Math.floor(r() * 3_000))}/${i}`;
      out.push(`7 10:00:00.${String(i).padStart(6, "0")} statx(AT_FDCWD</srv>, "${dir}/x.conf", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x7ffd) = ${r() < 0.5 ? "0" : "-1 ENOENT (No such file or directory)"} <0.000004>`);
    }
    out.push("7 10:00:01.000000 exit_group(1) = ?", "7 10:00:01.000001 +++ exited with 1 +++");
    expect(await expectSame([{ bytes: Buffer.from(out.join("\n") + "\n") }], 52, {}, 1 << 20)).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync(CORPUS))("when a worker cannot start: what it was given is scanned in-process", async () => {
    process.env.FAULTLINE_THREADS = "1";
    const pool = TraceScanPool.create(NaN, "throw new Error('no workers here')")!;
    const bytes = Buffer.from(interleavedTrace(corpusTraces().map((t) => t.text), rng(41), { copies: 1 }));
    const a = createStraceAnalyzer("strace", {});
    let no = 0;
    try {
      for (const [p, end] of runsOf(bytes, rng(42), 200_000)) {
        const chunk = new Uint8Array(bytes.subarray(p, end));
        no += a.pushScanned!(await pool.scan(chunk, 0, chunk.length, undefined), no + 1);
      }
    } finally {
      pool.close();
    }
    expect(a.finish()).toEqual(viaText([{ bytes }], {}));
  });

  it.skipIf(!existsSync(CORPUS))("in-process batches of another scanner, and ones whose earlier batches were missed", () => {
    const text = interleavedTrace(corpusTraces().map((t) => t.text), rng(21), { copies: 1 });
    const bytes = Buffer.from(text);
    for (const skip of [-1, 2]) {
      const a = createStraceAnalyzer("strace", {});
      const scanner = createLineScanner(SCANNER_CONFIG, isAscii);
      const origin = {};
      const r = rng(22);
      let no = 0;
      let i = 0;
      for (const [p, end] of runsOf(bytes, r, 20_000)) {
        const batch = scanner.scan(bytes, p, end, 0);
        // A batch never applied: later batches refer to ids this analyzer never saw (it scans them itself).
        if (i++ === skip) no += a.pushLines!(bytes, p, end, no + 1);
        else no += a.pushScanned!({ head: new Uint8Array(0), tail: new Uint8Array(0), bytes: end - p, buf: bytes, batch, origin, release: () => {} }, no + 1);
      }
      expect(a.finish()).toEqual(viaText([{ bytes }], {}));
    }
  });
});
