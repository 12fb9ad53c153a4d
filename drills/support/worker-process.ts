// A standalone analysis worker, as `npm run worker` runs it (node + tsx's loader, no npm wrapper, so a
// signal reaches the worker itself), with a short lease so a killed worker's job is retried quickly.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { sampleTreeRss, type RssSampler } from "./proc-tree";
import { REPO_ROOT } from "./paths";

export interface WorkerProcess {
  proc: ChildProcess;
  pid: number;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  rss: RssSampler;
  output(): string;
}

export function spawnWorker(opts: { databaseUrl: string; logFile: string; leaseSeconds?: number; concurrency?: number }): WorkerProcess {
  const args = [
    "--import", "tsx", "scripts/worker.ts",
    "--concurrency", String(opts.concurrency ?? 1),
    "--lease-seconds", String(opts.leaseSeconds ?? 4),
    "--maintenance-seconds", "1",
  ];
  const proc = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: opts.databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
  const file = createWriteStream(opts.logFile, { flags: "a" });
  file.write(`\n===== ${new Date().toISOString()} worker pid ${proc.pid} =====\n`);
  let out = "";
  let markReady = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  const onData = (d: Buffer) => {
    out += d.toString();
    file.write(d);
    if (out.includes("[worker] started")) markReady();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      failReady(new Error(`worker exited (${code ?? signal}) before it was ready:\n${out.slice(-2000)}`));
      file.end();
      resolve({ code, signal });
    }),
  );
  return { proc, pid: proc.pid!, ready, exited, rss: sampleTreeRss(proc.pid!), output: () => out };
}
