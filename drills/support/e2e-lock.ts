// The .next build directory is shared by everyone working in this checkout: whoever builds or serves
// it holds /tmp/faultline-e2e.lock (flock) meanwhile, so nobody rebuilds it under a running server.
// Held by a `flock` child that waits on its stdin: closing stdin (or this process dying) releases it.
import { spawn, type ChildProcess } from "node:child_process";
import { E2E_LOCK } from "./paths";

export interface HeldLock {
  release(): Promise<void>;
}

export async function acquireE2eLock(log: (m: string) => void, timeoutMs = 30 * 60_000): Promise<HeldLock> {
  const child: ChildProcess = spawn("flock", ["-w", String(Math.ceil(timeoutMs / 1000)), E2E_LOCK, "sh", "-c", "echo locked; exec cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const started = Date.now();
  const notice = setTimeout(() => log(`waiting for ${E2E_LOCK} (another engineer's build or e2e run holds it)`), 2000);
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => {
        if (d.toString().includes("locked")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`could not take ${E2E_LOCK} (flock exited ${code})`)));
      child.once("error", reject);
    });
  } finally {
    clearTimeout(notice);
  }
  if (Date.now() - started > 2000) log(`took ${E2E_LOCK} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  let released: Promise<void> | null = null;
  return {
    release: () =>
      (released ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
      })),
  };
}
