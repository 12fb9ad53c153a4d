// `npm run drill`: Faultline's fault drills against a real Postgres (an embedded one of our own, which
// the restart drill stops and starts) and the real server and worker. Each drill ends with a line
// `drill <name>: PASS|FAIL <figures>`; the run exits non-zero when any drill fails.
//
//   npm run drill -- [--only a,b] [--skip a,b] [--quick] [--seed N] [--uploads N] [--upload-scale X]
//                    [--fuzz-inputs N] [--fuzz-uploads N] [--fuzz-minutes M] [--fuzz-budget-ms MS]
//                    [--outage-seconds S] [--port P] [--pg-port P] [--keep-data] [--keep-rate-limit]
//                    [--patch pg-pool]
//
// --patch NAME preloads drills/support/patch-NAME.mjs into the server (a simulated fix, to see what a
// drill finds beyond a known bug); verdicts of such a run describe the patched server.
//
// Drills: fuzz-analyzer, fuzz-invariants (reported with fuzz-analyzer), kill-worker, concurrent-uploads,
// fuzz-uploads, restart-postgres, server-memory (the server's peak RSS over all of the above).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { closePgPool } from "../lib/db/pg-pool";
import { concurrentUploadsDrill } from "./concurrent-uploads";
import { fuzzAnalyzerDrill, fuzzUploadsDrill } from "./fuzz";
import { killWorkerDrill } from "./kill-worker";
import { restartPostgresDrill } from "./restart-postgres";
import { obtainAuth, type Auth } from "./support/auth";
import { verdictLine, type DrillArgs, type DrillContext, type DrillResult, type MemoryPhase } from "./support/context";
import { openDatabase, type Database } from "./support/database";
import { DRILLS_OUT, outDir, REPO_ROOT } from "./support/paths";
import { startServer, type RunningServer } from "./support/server";
import { mib } from "./support/stats";

const MEMORY_LIMIT = 1024 * 1048576;
const ORDER = ["fuzz-analyzer", "kill-worker", "concurrent-uploads", "fuzz-uploads", "restart-postgres", "server-memory"] as const;
type Name = (typeof ORDER)[number];

function options(): { args: DrillArgs; names: Name[]; keepData: boolean; keepRateLimit: boolean } {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      skip: { type: "string" },
      quick: { type: "boolean" },
      seed: { type: "string" },
      uploads: { type: "string" },
      "upload-scale": { type: "string" },
      "fuzz-inputs": { type: "string" },
      "fuzz-uploads": { type: "string" },
      "fuzz-minutes": { type: "string" },
      "fuzz-budget-ms": { type: "string" },
      "outage-seconds": { type: "string" },
      port: { type: "string" },
      "pg-port": { type: "string" },
      "keep-data": { type: "boolean" },
      patch: { type: "string" },
      "keep-rate-limit": { type: "boolean" },
    },
  });
  const quick = values.quick ?? false;
  const num = (v: string | undefined, dflt: number) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${v}`);
    return n;
  };
  const args: DrillArgs = {
    port: num(values.port, 3155),
    pgPort: num(values["pg-port"], 54420),
    seed: num(values.seed, 20261120),
    uploads: num(values.uploads, quick ? 30 : 100),
    uploadScale: num(values["upload-scale"], quick ? 0.25 : 1),
    fuzzInputs: num(values["fuzz-inputs"], quick ? 5_000 : 100_000),
    fuzzUploads: num(values["fuzz-uploads"], quick ? 200 : 1_000),
    fuzzMinutes: num(values["fuzz-minutes"], 40),
    fuzzBudgetMs: num(values["fuzz-budget-ms"], 2_000),
    outageSeconds: num(values["outage-seconds"], 10),
    patches: values.patch ? values.patch.split(",").map((p) => p.trim()).filter(Boolean) : [],
  };
  for (const p of args.patches) if (!/^[a-z0-9-]+$/.test(p) || !existsSync(path.join(REPO_ROOT, "drills", "support", `patch-${p}.mjs`))) throw new Error(`unknown patch ${p}`);
  const list = (v: string | undefined) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
  const only = list(values.only).map((n) => (n === "fuzz-invariants" ? "fuzz-analyzer" : n));
  const skip = list(values.skip);
  for (const n of [...only, ...skip]) if (!(ORDER as readonly string[]).includes(n)) throw new Error(`unknown drill ${n}; drills: ${ORDER.join(", ")}`);
  const names = ORDER.filter((n) => (only.length === 0 || only.includes(n)) && !skip.includes(n));
  return { args, names, keepData: values["keep-data"] ?? false, keepRateLimit: values["keep-rate-limit"] ?? false };
}

async function main(): Promise<number> {
  const { args, names, keepData, keepRateLimit } = options();
  // The drills load the server on purpose: the per-team upload limit (lib/http/rate-limit.ts, 200 at
  // once then 2/s by default) is raised so they measure the server rather than the limiter. Clients
  // still honour 429 + Retry-After; --keep-rate-limit keeps the defaults.
  const serverEnv: Record<string, string> = keepRateLimit ? {} : { FAULTLINE_UPLOAD_BURST: "100000", FAULTLINE_UPLOAD_PER_SECOND: "1000" };
  const out = outDir(DRILLS_OUT);
  const log = (m: string) => console.log(`[drill] ${m}`);
  const results: DrillResult[] = [];
  const report = (r: DrillResult) => {
    results.push(r);
    console.log(verdictLine(r));
    for (const n of r.notes) console.log(`  - ${n}`);
  };
  let db: Database | null = null;
  let current: { server: RunningServer; mode: "on" | "off"; label: string } | null = null;
  const memory: DrillContext["memory"] = { server: [], workers: [] };
  const stopServer = async () => {
    if (!current) return;
    const { server, label } = current;
    current = null;
    const peak = server.rss.peak();
    memory.server.push({ label, peakBytes: peak.bytes, processes: peak.processes });
    const r = await server.stop();
    log(`server stopped (${r.signal ?? `exit ${r.code}`} after ${r.ms} ms); peak RSS of its process tree ${mib(peak.bytes)}`);
  };
  const cleanup = async () => {
    await stopServer().catch((e: unknown) => log(`stopping the server: ${(e as Error).message}`));
    await closePgPool().catch(() => {});
    await disconnectDb().catch(() => {});
    await db?.close().catch(() => {});
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the server and Postgres`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    const needsDb = names.some((n) => n !== "fuzz-analyzer");
    let auth: Auth = { token: null, email: null, password: null, how: "not needed", headers: () => ({}) };
    if (needsDb) {
      db = await openDatabase({ dataDir: path.join(out, "pg-data"), port: args.pgPort, useEnv: false, fresh: !keepData, log });
      auth = obtainAuth({ databaseUrl: db.url, log });
      log(`auth: ${auth.how}`);
    }
    const ctx: DrillContext = {
      args,
      log,
      db: db ?? { url: "", embedded: null, close: async () => {} },
      auth,
      out,
      serverLog: path.join(out, "server.log"),
      workerLog: path.join(out, "workers.log"),
      memory,
      stopServer,
      async server(mode, label) {
        if (current && current.mode === mode && current.server.alive()) return current.server;
        await stopServer();
        log(`starting the server on port ${args.port} (${label}); output in ${path.relative(process.cwd(), ctx.serverLog)}`);
        if (args.patches.length) log(`diagnostic run: the server gets simulated fixes (${args.patches.join(", ")}); verdicts describe the patched server`);
        const server = await startServer({ port: args.port, databaseUrl: ctx.db.url, worker: mode, logFile: ctx.serverLog, log, patches: args.patches, env: serverEnv });
        current = { server, mode, label };
        return server;
      },
    };
    const drills: Record<Exclude<Name, "server-memory">, () => Promise<DrillResult | DrillResult[]>> = {
      "fuzz-analyzer": () => fuzzAnalyzerDrill(ctx),
      "kill-worker": () => killWorkerDrill(ctx),
      "concurrent-uploads": () => concurrentUploadsDrill(ctx),
      "fuzz-uploads": () => fuzzUploadsDrill(ctx),
      "restart-postgres": () => restartPostgresDrill(ctx),
    };
    for (const name of names) {
      if (name === "server-memory") continue;
      log(`--- ${name}`);
      const t0 = Date.now();
      try {
        const r = await drills[name]();
        for (const one of Array.isArray(r) ? r : [r]) report(one);
      } catch (err) {
        report({ name, pass: false, figures: `the drill itself failed: ${(err as Error).message.split("\n")[0]}`, notes: [(err as Error).stack ?? String(err)] });
      }
      log(`${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await stopServer();
    if (names.includes("server-memory")) report(memoryVerdict(memory.server, memory.workers));
  } finally {
    await cleanup();
  }
  console.log("\nsummary");
  for (const r of results) console.log(verdictLine(r));
  const failed = results.filter((r) => !r.pass).length;
  console.log(`drills: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

function memoryVerdict(server: MemoryPhase[], workers: MemoryPhase[]): DrillResult {
  if (server.length === 0) return { name: "server-memory", pass: false, figures: "no server ran (select drills that use it)", notes: [] };
  const worst = server.reduce((a, b) => (b.peakBytes > a.peakBytes ? b : a));
  const notes = [
    `at the peak (${worst.label}): ${worst.processes.filter((p) => p.rss > 0).map((p) => `pid ${p.pid} ${mib(p.rss)} ${p.command.slice(0, 60)}`).join("; ")}`,
  ];
  const workerPeak = workers.length ? Math.max(...workers.map((w) => w.peakBytes)) : 0;
  return {
    name: "server-memory",
    pass: worst.peakBytes < MEMORY_LIMIT,
    figures: `peak RSS of the server's process tree ${mib(worst.peakBytes)} (limit ${mib(MEMORY_LIMIT)}), per run: ${server.map((s) => `${s.label} ${mib(s.peakBytes)}`).join(", ")}${workers.length ? `; standalone workers peaked at ${mib(workerPeak)}` : ""}`,
    notes,
  };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
