// Drills: fuzzed inputs through the analyzer (in-process, worker threads, a per-input time budget and
// a watchdog that terminates a thread stuck on one input), and a subset of the same inputs through
// the upload endpoint and the real worker. Findings are written to drills/out/fuzz/ and reproduced
// with `tsx drills/fuzz-repro.ts SEED INDEX`.
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { DrillContext, DrillResult } from "./support/context";
import type { FuzzOutcome } from "./support/fuzz-check";
import { fuzzInput } from "./support/fuzz-input";
import { badReplies, describeReply, postUpload, type UploadReply } from "./support/http";
import { outDir } from "./support/paths";
import { crashSummary } from "./support/server";
import { count, ms, percentile, sleep } from "./support/stats";
import { waitSettled } from "./support/uploads-db";
import type { FuzzMessage, FuzzTally, FuzzWorkerData } from "./fuzz-worker";

// Worker threads do not inherit tsx's loader: register it in the thread, then load the TypeScript worker.
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(new URL("./fuzz-worker.ts", import.meta.url).href)}); });`;

interface Finding {
  why: "crash" | "over-budget" | "invariant" | "hang";
  outcome: FuzzOutcome;
}

/** Kind and size of an input, without letting a generator failure take the drill down. */
function describeInput(seed: number, index: number): { kind: string; bytes: number } {
  try {
    const input = fuzzInput(seed, index);
    return { kind: input.kind, bytes: input.bytes.length };
  } catch {
    return { kind: "generator-error", bytes: 0 };
  }
}

function save(dir: string, seed: number, f: Finding): string {
  const base = path.join(dir, `${f.why}-${seed}-${f.outcome.index}`);
  try {
    writeFileSync(`${base}.bin`, fuzzInput(seed, f.outcome.index).bytes);
  } catch {
    /* the generator failed on this index: the .txt still says what happened */
  }
  writeFileSync(`${base}.txt`, `${f.why}: input ${f.outcome.index} of seed ${seed} (${f.outcome.kind}, ${f.outcome.bytes} bytes, ${Math.round(f.outcome.ms)} ms)\n${f.outcome.error ?? ""}\n${f.outcome.violations.join("\n")}\nreproduce: npx tsx drills/fuzz-repro.ts ${seed} ${f.outcome.index}\n`);
  return path.relative(process.cwd(), `${base}.bin`);
}

export async function fuzzAnalyzerDrill(ctx: DrillContext): Promise<DrillResult[]> {
  const { fuzzInputs: total, fuzzBudgetMs: budget, seed } = ctx.args;
  const dir = outDir(ctx.out, "fuzz");
  const threads = Math.max(1, Math.min(availableParallelism(), 4));
  const hangMs = Math.max(10_000, budget * 5);
  const shared = new SharedArrayBuffer(threads * 2 * 4);
  const state = new Int32Array(shared);
  const findings: Finding[] = [];
  const tally: FuzzTally = { skipped: 0, done: 0, ok: 0, rejected: 0, crashes: 0, kinds: {}, rejections: {}, durations: [], slowest: [] };
  const deadline = Date.now() + ctx.args.fuzzMinutes * 60_000;
  const started = Date.now();
  let hangs = 0;
  let threadCrashes = 0;
  let stoppedEarly = false;

  const record = (f: Finding) => {
    findings.push(f);
    const file = save(dir, seed, f);
    if (findings.length <= 20) ctx.log(`fuzz: ${f.why} on input ${f.outcome.index} (${f.outcome.kind}, ${f.outcome.bytes} B): ${(f.outcome.error ?? f.outcome.violations.join("; ") ?? "").split("\n")[0].slice(0, 200)} -> ${file}`);
  };

  const runSlot = (slot: number, start: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (start >= total) return resolve();
      Atomics.store(state, slot * 2, start);
      const w = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: { seed, start, step: threads, end: total, budgetMs: budget, invarianceEvery: 10, shared, slot } satisfies FuzzWorkerData,
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
      });
      let finished = false;
      let ready = false;
      let last = start;
      let since = Date.now();
      const watchdog = setInterval(() => {
        if (Date.now() > deadline && Atomics.load(state, slot * 2 + 1) === 0) {
          Atomics.store(state, slot * 2 + 1, 1);
          stoppedEarly = true;
        }
        const now = Atomics.load(state, slot * 2);
        if (now !== last) {
          last = now;
          since = Date.now();
        } else if (Date.now() - since > hangMs && !finished) {
          finished = true;
          clearInterval(watchdog);
          hangs++;
          tally.done++;
          record({ why: "hang", outcome: { index: now, ...describeInput(seed, now), ms: Date.now() - since, status: "crash", error: `no progress for ${hangMs} ms: thread terminated`, violations: [] } });
          void w.terminate().then(() => runSlot(slot, now + threads).then(resolve, reject));
        }
      }, 250);
      w.on("message", (m: FuzzMessage) => {
        if (m.type === "ready") ready = true;
        else if (m.type === "finding") record({ why: m.why, outcome: m.outcome });
        else {
          tally.done += m.tally.done;
          tally.skipped += m.tally.skipped;
          tally.ok += m.tally.ok;
          tally.rejected += m.tally.rejected;
          tally.crashes += m.tally.crashes;
          for (const [k, v] of Object.entries(m.tally.kinds)) tally.kinds[k] = (tally.kinds[k] ?? 0) + v;
          for (const [k, v] of Object.entries(m.tally.rejections)) tally.rejections[k] = (tally.rejections[k] ?? 0) + v;
          for (const d of m.tally.durations) tally.durations.push(d);
          tally.slowest.push(...m.tally.slowest);
        }
      });
      const fail = (why: string) => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        if (!ready) return reject(new Error(`a fuzz worker thread could not start: ${why}`));
        threadCrashes++;
        const at = Atomics.load(state, slot * 2);
        tally.done++;
        record({ why: "crash", outcome: { index: at, ...describeInput(seed, at), ms: 0, status: "crash", error: `the analyzer thread died: ${why}`, violations: [] } });
        void runSlot(slot, at + threads).then(resolve, reject);
      };
      w.on("error", (err) => fail(`${err.name}: ${err.message}\n${err.stack ?? ""}`));
      w.on("exit", (code) => {
        if (finished) return;
        if (code !== 0) return fail(`exit code ${code}`);
        finished = true;
        clearInterval(watchdog);
        resolve();
      });
    });

  const progress = setInterval(() => ctx.log(`fuzz: ${count(tally.done)} tallied so far, ${findings.length} findings, ${((Date.now() - started) / 1000).toFixed(0)} s`), 60_000);
  await Promise.all(Array.from({ length: threads }, (_, slot) => runSlot(slot, slot)));
  clearInterval(progress);
  const seconds = (Date.now() - started) / 1000;

  const crashes = findings.filter((f) => f.why === "crash");
  const over = findings.filter((f) => f.why === "over-budget");
  const invariant = findings.filter((f) => f.why === "invariant");
  const chunkDependent = invariant.filter((f) => f.outcome.violations.some((v) => v.includes("chunking") || v.includes("whole input")));
  const notes: string[] = [];
  for (const f of [...crashes, ...findings.filter((x) => x.why === "hang"), ...over].slice(0, 12)) notes.push(`${f.why}: input ${f.outcome.index} (${f.outcome.kind}, ${f.outcome.bytes} B, ${Math.round(f.outcome.ms)} ms): ${(f.outcome.error ?? "").split("\n").slice(0, 3).join(" | ").slice(0, 400)}; npx tsx drills/fuzz-repro.ts ${seed} ${f.outcome.index}`);
  if (tally.skipped) notes.push(`${tally.skipped} inputs skipped: the generator failed on them (a drill bug, not counted against the analyzer)`);
  if (stoppedEarly) notes.push(`stopped by the ${ctx.args.fuzzMinutes}-minute budget after ${count(tally.done)} of ${count(total)} inputs (${(tally.done / seconds).toFixed(0)} inputs/s on ${threads} threads)`);
  const topRejections = Object.entries(tally.rejections).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${v}x ${k}`);
  if (topRejections.length) notes.push(`damaged gzip/zip inputs refused with an error (expected): ${topRejections.join("; ")}`);
  const slowest = tally.slowest.sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `#${s.index} ${s.kind} ${s.bytes} B ${s.ms} ms`);
  const d = tally.durations;
  const analyzer: DrillResult = {
    name: "fuzz-analyzer",
    pass: crashes.length === 0 && hangs === 0 && over.length === 0 && tally.done >= total,
    figures:
      `${count(tally.done)}/${count(total)} inputs (seed ${seed}; ${Object.entries(tally.kinds).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${count(v)}`).join(", ")}) in ${seconds.toFixed(0)} s on ${threads} threads: ` +
      `${crashes.length} crashes (${threadCrashes} killed a thread), ${hangs} hangs, ${over.length} over the ${ms(budget)} budget, ${count(tally.rejected)} damaged gzip/zip refused; ` +
      `per input p50 ${ms(percentile(d, 50))}, p99 ${ms(percentile(d, 99))}, max ${ms(Math.max(0, ...d))} (slowest: ${slowest.join(", ")})`,
    notes,
  };
  const invNotes = invariant.slice(0, 8).map((f) => `input ${f.outcome.index} (${f.outcome.kind}, ${f.outcome.bytes} B): ${f.outcome.violations.slice(0, 2).join("; ").slice(0, 400)}; npx tsx drills/fuzz-repro.ts ${seed} ${f.outcome.index}`);
  const checked = Math.floor(tally.done / 10);
  const invariants: DrillResult = {
    name: "fuzz-invariants",
    pass: invariant.length === 0,
    figures: `${count(invariant.length - chunkDependent.length)} results breaking the analyzer's contract (line/endLine/count/class/root cause) among ${count(tally.ok)} results; ${count(chunkDependent.length)} of ~${count(checked)} chunked inputs re-analysed whole gave a different result`,
    notes: invNotes,
  };
  return [analyzer, invariants];
}

export async function fuzzUploadsDrill(ctx: DrillContext): Promise<DrillResult> {
  const server = await ctx.server("on", "server with its in-process worker");
  const { fuzzUploads: n, seed } = ctx.args;
  const headers = ctx.auth.headers();
  const replies: { index: number; compressed: boolean; reply: UploadReply }[] = [];
  let next = 0;
  let limited = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) {
      let input: ReturnType<typeof fuzzInput>;
      try {
        input = fuzzInput(seed, i);
      } catch {
        continue; // a generator failure is the drill's bug, counted by fuzz-analyzer
      }
      const name = input.kind === "gzip" ? `fuzz-${i}.log.gz` : input.kind === "zip" ? `fuzz-${i}.zip` : `fuzz-${i}.log`;
      const b = input.bytes;
      const compressed = (b[0] === 0x1f && b[1] === 0x8b) || (b[0] === 0x50 && b[1] === 0x4b);
      let reply = await postUpload(server.url, headers, { name, body: b, kind: "raw" }, 120_000);
      for (let tries = 0; reply.status === 429 && reply.retryAfter && tries < 60; tries++) {
        limited++;
        await sleep(Math.min(10, Number(reply.retryAfter)) * 1000);
        reply = await postUpload(server.url, headers, { name, body: b, kind: "raw" }, 120_000);
      }
      replies.push({ index: i, compressed, reply });
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: 8 }, lane));
  const sentMs = Date.now() - started;
  const all = replies.map((r) => r.reply);
  const bad = badReplies(all);
  const notes = replies
    .filter((r) => bad.includes(r.reply))
    .slice(0, 10)
    .map((r) => `input ${r.index} (${describeInput(seed, r.index).kind}, ${describeInput(seed, r.index).bytes} B): ${describeReply(r.reply)}; the bytes: npx tsx drills/fuzz-repro.ts ${seed} ${r.index} --save FILE`);
  const refused = new Map<string, number>();
  for (const r of all.filter((x) => x.status >= 400 && x.status < 500)) {
    const key = `${r.status} ${(() => {
      try {
        return (JSON.parse(r.body) as { detail?: string }).detail?.replace(/fuzz-\d+/g, "fuzz-N").replace(/\d+/g, "N") ?? "";
      } catch {
        return r.body.slice(0, 80);
      }
    })()}`;
    refused.set(key, (refused.get(key) ?? 0) + 1);
  }
  if (refused.size) notes.push(`refused with 4xx: ${[...refused].map(([k, v]) => `${v}x ${k}`).join("; ")}`);
  const accepted = replies.filter((r) => r.reply.uploadId);
  const ids = accepted.map((r) => r.reply.uploadId!);
  const { states, timedOut } = await waitSettled(ids, 15 * 60_000, 500, () => server.alive());
  const failed = accepted.filter((r) => states.get(r.reply.uploadId!)?.status === "failed");
  const failedPlain = failed.filter((r) => !r.compressed);
  const stuck = ids.filter((id) => {
    const s = states.get(id)?.status;
    return s !== undefined && s !== "done" && s !== "failed";
  });
  for (const r of failedPlain.slice(0, 6)) notes.push(`analysis of plain-text input ${r.index} (upload ${r.reply.uploadId}) failed: ${states.get(r.reply.uploadId!)?.error}; npx tsx drills/fuzz-repro.ts ${seed} ${r.index}`);
  if (timedOut) notes.push(`${stuck.length} uploads still not analysed after 15 minutes, e.g. ${stuck.slice(0, 3).join(", ")}`);
  if (!server.alive()) notes.push(`the server's launcher process (scripts/start.ts, which runs the worker) died: ${crashSummary(server.logText()) ?? "see the server log"}`);
  const latencies = all.map((r) => r.ms);
  const done = ids.filter((id) => states.get(id)?.status === "done").length;
  return {
    name: "fuzz-uploads",
    pass: bad.length === 0 && stuck.length === 0 && failedPlain.length === 0 && server.alive(),
    figures:
      `${count(n)} fuzzed inputs uploaded 8 at a time in ${ms(sentMs)} (p95 ${ms(percentile(latencies, 95))}${limited ? `, ${limited} retries after 429` : ""}): ${all.filter((r) => r.status >= 500).length} 5xx, ${all.filter((r) => r.status === 0).length} without reply, ` +
      `${accepted.length} accepted, ${all.filter((r) => r.status >= 400 && r.status < 500).length} refused 4xx; ${done} analysed, ${failed.length} failed (${failedPlain.length} of them plain text), ${stuck.length} stuck`,
    notes,
  };
}
