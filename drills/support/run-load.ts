// Runs drills/load-client.ts in its own process and reads back what it sent and received.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadResult, LoadSpec } from "../load-client";
import { REPO_ROOT } from "./paths";

export interface LoadRun {
  /** Resolves with the client's results once it exits. */
  done: Promise<LoadResult>;
  pid: number;
  /** Soak mode: finish the requests in flight and stop. */
  stop(): void;
}

export function runLoad(spec: LoadSpec, outDir: string, label: string, log: (m: string) => void): LoadRun {
  const specFile = path.join(outDir, `load-${label}.spec.json`);
  const resultFile = path.join(outDir, `load-${label}.result.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const child = spawn(process.execPath, ["--import", "tsx", "drills/load-client.ts", specFile, resultFile], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<LoadResult>((resolve, reject) =>
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`load client exited ${code}:\n${output.slice(-3000)}`));
      log(output.trim());
      resolve(JSON.parse(readFileSync(resultFile, "utf8")) as LoadResult);
    }),
  );
  return { done, pid: child.pid!, stop: () => child.stdin!.end() };
}
