// Starts Faultline the way `npm start` does (scripts/start.ts: migrations, the in-process worker unless
// FAULTLINE_WORKER=off, `next build` when the build is stale, then `next start`) on a port of our own,
// holding the shared e2e lock for the server's lifetime, and stops it like Ctrl-C would (SIGTERM).
// Run as `node --import tsx scripts/start.ts` rather than through npm, so the signal reaches the
// launcher itself; it runs in its own process group so a stuck tree can be killed as a whole.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, statSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { acquireE2eLock, type HeldLock } from "./e2e-lock";
import { sampleTreeRss, type RssSampler } from "./proc-tree";
import { REPO_ROOT } from "./paths";
import { sleep } from "./stats";

export interface ServerOptions {
  port: number;
  databaseUrl: string;
  worker: "on" | "off";
  logFile: string;
  log: (m: string) => void;
  env?: Record<string, string>;
  /** How long `next build` + start may take. */
  startTimeoutMs?: number;
  /** Diagnostic patches preloaded into the server's processes (drills/support/patch-<name>.mjs). */
  patches?: string[];
}

export interface RunningServer {
  url: string;
  pid: number;
  /** RSS of the launcher and everything under it (next start, its workers), sampled since ready. */
  rss: RssSampler;
  alive(): boolean;
  logText(): string;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Whether something already listens on the port (a leftover server would answer our requests). */
async function portBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  if (await portBusy(opts.port)) throw new Error(`port ${opts.port} is already in use (\`ss -ltnp | grep ${opts.port}\` shows by whom); pick another with --port`);
  const logStart = (() => {
    try {
      return statSync(opts.logFile).size;
    } catch {
      return 0;
    }
  })();
  const lock: HeldLock = await acquireE2eLock(opts.log);
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...opts.env,
        PORT: String(opts.port),
        DATABASE_URL: opts.databaseUrl,
        FAULTLINE_WORKER: opts.worker,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        ...(opts.patches?.length
          ? { NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", ...opts.patches.map((p) => `--import ${pathToFileURL(path.join(REPO_ROOT, "drills", "support", `patch-${p}.mjs`)).href}`)].join(" ").trim() }
          : {}),
      },
    });
  } catch (err) {
    await lock.release();
    throw err;
  }
  const out = createWriteStream(opts.logFile, { flags: "a" });
  out.write(`\n===== ${new Date().toISOString()} start (port ${opts.port}, worker ${opts.worker}) =====\n`);
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${opts.port}`;
  /** This run's part of the log file. */
  const logText = () => {
    try {
      return readFileSync(opts.logFile).subarray(logStart).toString("utf8");
    } catch {
      return "";
    }
  };
  // The whole process group: when the launcher died on its own, its `next start` child lives on
  // (re-parented to init) and still holds the port.
  const killGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* nothing left */
    }
  };
  const kill = async () => {
    killGroup();
    if (!gone) await exited;
    out.end();
    await lock.release();
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 15 * 60_000);
  let building = false;
  for (;;) {
    if (gone) {
      await kill();
      throw new Error(`the server exited before it was ready; its output is in ${opts.logFile}:\n${tail(logText(), 30)}`);
    }
    if (!building && logText().includes("running next build")) {
      building = true;
      opts.log("the build is stale: the server runs `next build` first (a few minutes)");
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`the server did not answer /api/health within ${(opts.startTimeoutMs ?? 900_000) / 1000} s; output in ${opts.logFile}`);
    }
    await sleep(500);
  }
  const rss = sampleTreeRss(child.pid!);
  return {
    url,
    pid: child.pid!,
    rss,
    alive: () => !gone,
    logText,
    async stop() {
      const started = Date.now();
      rss.stop();
      if (!gone) {
        process.kill(child.pid!, "SIGTERM");
        const timer = setTimeout(killGroup, 30_000);
        const r = await exited;
        clearTimeout(timer);
        await kill();
        return { ...r, ms: Date.now() - started };
      }
      const r = await exited;
      await kill();
      return { ...r, ms: 0 };
    },
  };
}

/** What killed a server process, from its output: the error line and where it was emitted. */
export function crashSummary(log: string): string | null {
  const at = log.lastIndexOf("\nNode.js v");
  if (at < 0) return null;
  const before = log.slice(Math.max(0, at - 20_000), at).split("\n");
  const start = before.findLastIndex((l) => /Unhandled 'error' event|triggerUncaughtException|^\S*Error\b/.test(l));
  const lines = before.slice(Math.max(0, start)).filter((l) => /^\S*(Error|error)\b|Emitted 'error' event|^\s+at /.test(l));
  const picked = [lines.find((l) => /^\S*(Error|error)\b/.test(l)), lines.find((l) => l.includes("Emitted 'error' event")), ...lines.filter((l) => /^\s+at /.test(l)).slice(0, 2)];
  return picked.filter(Boolean).map((l) => l!.trim()).join(" | ");
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
