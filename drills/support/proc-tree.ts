// Memory of a process tree from /proc: the sum of VmRSS over a process and all its descendants
// (shared pages are counted once per process, so the figure errs high), sampled on a timer.
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so parse after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim().slice(0, 160);
  } catch {
    return "?";
  }
}

export interface RssSample {
  at: number;
  total: number;
}

export interface RssSampler {
  /** Highest tree total seen, and the processes' sizes at that moment. */
  peak(): { bytes: number; at: number; processes: { pid: number; rss: number; command: string }[] };
  samples(): RssSample[];
  stop(): void;
}

/** Samples the tree under `root` every `everyMs` until stop() or until the root is gone. */
export function sampleTreeRss(root: number, everyMs = 250): RssSampler {
  const samples: RssSample[] = [];
  let peak = { bytes: 0, at: 0, processes: [] as { pid: number; rss: number; command: string }[] };
  const tick = () => {
    const pids = processTree(root);
    const sizes = pids.map((pid) => ({ pid, rss: rssOf(pid) }));
    const total = sizes.reduce((n, s) => n + s.rss, 0);
    if (total === 0) return;
    samples.push({ at: Date.now(), total });
    if (total > peak.bytes) peak = { bytes: total, at: Date.now(), processes: sizes.map((s) => ({ ...s, command: commandOf(s.pid) })) };
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { peak: () => peak, samples: () => samples, stop: () => clearInterval(timer) };
}
