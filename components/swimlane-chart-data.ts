// Shapes one trace's events into per-process swimlanes: one lane per pid (in process-tree order, lanes
// with events first when there are too many), each event a point at its time, each process's lifetime
// a bar. Without timestamps (strace run without -t) points go by trace line instead.
import type { StoredProcess } from "@/lib/services/stored-trace-report";
import { prepareProcessTree } from "./process-tree-data";

export interface SwimlaneEvent {
  pid: number | undefined;
  /** The process the pid is a thread of, when the trace says so. */
  threadOf?: number;
  class: string;
  timestamp: string | null;
  line: number;
  message: string;
  href: string;
  isRootCause: boolean;
}

export interface Lane {
  key: string;
  y: number;
  label: string;
  /** Lifetime on the x axis, when known. */
  from?: number;
  to?: number;
  failing: boolean;
}

export interface SwimlanePoint {
  x: number;
  y: number;
  line: number;
  message: string;
  href: string;
}

export interface SwimlaneData {
  mode: "time" | "line";
  lanes: Lane[];
  series: { cls: string; points: SwimlanePoint[] }[];
  rootCause: SwimlanePoint | null;
  domain: [number, number];
  /** Round x-axis ticks (1, 2 or 5 × a power of ten apart). */
  ticks: number[];
  /** Time mode: the epoch ms that x = 0 stands for. */
  t0: number;
  hiddenLanes: number;
}

const shortCommand = (p: StoredProcess | undefined) => {
  const name = (p?.argv?.[0] ?? p?.exe ?? "").split("/").pop() ?? "";
  return name.length > 16 ? `${name.slice(0, 15)}…` : name;
};

export function prepareSwimlanes(processes: readonly StoredProcess[], events: readonly SwimlaneEvent[], maxLanes = 24): SwimlaneData {
  const withPid = events.filter((e): e is SwimlaneEvent & { pid: number } => e.pid !== undefined);
  const mode = withPid.length > 0 && withPid.every((e) => e.timestamp && Number.isFinite(Date.parse(e.timestamp))) ? "time" : "line";
  const root = withPid.find((e) => e.isRootCause);

  // Candidate lanes: every traced process in tree order, then pids only events know (threads).
  const candidates: { key: string; pid: number; process?: StoredProcess; threadOf?: number; failing: boolean }[] = [];
  const failing = root ? (processes.some((p) => p.pid === root.pid) ? root.pid : root.threadOf) : undefined;
  for (const row of prepareProcessTree(processes, failing, Infinity).rows) {
    candidates.push({ key: String(row.process.pid), pid: row.process.pid, process: row.process, failing: row.failing });
  }
  const seen = new Set(candidates.map((c) => c.key));
  for (const e of withPid) {
    const key = String(e.pid);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push({ key, pid: e.pid, threadOf: e.threadOf, failing: e === root });
  }
  const busy = new Set(withPid.map((e) => String(e.pid)));
  const preferred = new Set([...candidates.filter((c) => busy.has(c.key) || c.failing), ...candidates]);
  const keep = new Set([...preferred].slice(0, maxLanes).map((c) => c.key));
  const laneList = candidates.filter((c) => keep.has(c.key));

  const times = [...withPid.map((e) => Date.parse(e.timestamp ?? "")), ...laneList.flatMap((c) => [c.process?.startedAt, c.process?.endedAt].map((s) => Date.parse(s ?? "")))].filter(Number.isFinite);
  const t0 = mode === "time" && times.length ? Math.min(...times) : 0;
  const lanes: Lane[] = laneList.map((c, y) => {
    const lane: Lane = { key: c.key, y, label: `${c.pid}${c.process ? ` ${shortCommand(c.process)}` : c.threadOf ? ` thread of ${c.threadOf}` : ""}`, failing: c.failing };
    const from = Date.parse(c.process?.startedAt ?? "");
    const to = Date.parse(c.process?.endedAt ?? "");
    if (mode === "time" && Number.isFinite(from)) lane.from = from - t0;
    if (mode === "time" && Number.isFinite(to)) lane.to = to - t0;
    return lane;
  });
  const yOf = new Map(lanes.map((l) => [l.key, l.y]));
  const series = new Map<string, SwimlanePoint[]>();
  let rootPoint: SwimlanePoint | null = null;
  for (const e of withPid) {
    const y = yOf.get(String(e.pid));
    if (y === undefined) continue;
    const point: SwimlanePoint = { x: mode === "time" ? Date.parse(e.timestamp!) - t0 : e.line, y, line: e.line, message: e.message, href: e.href };
    if (e.isRootCause) rootPoint = point;
    const list = series.get(e.class) ?? [];
    list.push(point);
    series.set(e.class, list);
  }
  const xs = [...[...series.values()].flat().map((p) => p.x), ...lanes.flatMap((l) => [l.from, l.to]).filter((v): v is number => v !== undefined)];
  const lo = xs.length ? Math.min(...xs) : 0;
  const hi = xs.length ? Math.max(...xs) : 1;
  const domain: [number, number] = [lo, hi > lo ? hi : lo + 1];
  // Exits are drawn first, so the failure they follow (often at the same moment) stays on top.
  const drawOrder = (cls: string) => (cls === "process_exit" ? "" : cls);
  return {
    mode,
    lanes,
    series: [...series.entries()].sort(([a], [b]) => drawOrder(a).localeCompare(drawOrder(b))).map(([cls, points]) => ({ cls, points })),
    rootCause: rootPoint,
    domain,
    ticks: niceTicks(domain),
    t0,
    hiddenLanes: candidates.length - lanes.length,
  };
}

export function niceTicks([lo, hi]: [number, number], about = 6): number[] {
  const raw = (hi - lo) / about;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

/** Tick text for the x axis: "+38 ms", "+1.5 s" from the first moment, or a trace line number. */
export function formatOffset(x: number, mode: SwimlaneData["mode"]): string {
  if (mode === "line") return `line ${Math.round(x)}`;
  if (Math.abs(x) < 1000) return `+${Math.round(x)} ms`;
  if (Math.abs(x) < 60_000) return `+${(x / 1000).toFixed(1)} s`;
  return `+${Math.floor(x / 60_000)} min ${Math.round((x % 60_000) / 1000)} s`;
}
