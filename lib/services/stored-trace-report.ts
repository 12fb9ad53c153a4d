// The strace report as kept on an upload (Upload.traceReport): the analyzer's process tree, syscall
// summary, path resolutions, failed files and endpoints, capped so a trace of a huge build stays a
// small JSON value. Times are put on the same clock as stored event timestamps (`new Date(iso)`, as
// analyze-upload does), so process lifetimes and events line up on one axis.
import type { AnalysisResult, StracePathResolution, StraceProcess, StraceReport, StraceSyscallSummary } from "../analysis/types";

export const MAX_STORED_PROCESSES = 1000;
const MAX_PATH_RESOLUTIONS = 500;
const MAX_FAILED_FILES = 500;
const MAX_ENDPOINTS = 200;
const MAX_ARGV = 64;
const MAX_ARG_CHARS = 500;

export interface StoredProcess extends Omit<StraceProcess, "startedAt" | "endedAt"> {
  startedAt?: string;
  endedAt?: string;
  /** Lifetime from the trace's own (microsecond) times. */
  durationMs?: number;
}

export interface StoredTraceReport {
  version: 1;
  processes: StoredProcess[];
  /** Processes in the trace (more than `processes` holds when capped). */
  processCount: number;
  syscalls: StraceSyscallSummary[];
  /** `file`: the -ff file the failing call is in, when the upload had several. */
  pathResolutions: (StracePathResolution & { file?: string })[];
  filesFailed: StraceReport["filesFailed"];
  filesFailedCount: number;
  endpoints: StraceReport["endpoints"];
  filesOpenedCount: number;
}

/** What analyze-upload stores for a strace result; null for build logs. */
export function traceReportForStorage(result: Pick<AnalysisResult, "strace" | "events">): StoredTraceReport | null {
  const report = result.strace;
  if (!report) return null;
  // Events name the pid and -ff file of each failing call; path resolutions only the pid and line.
  const fileOf = new Map(result.events.filter((e) => e.file && e.fields.pid !== undefined).map((e) => [`${e.fields.pid}:${e.line}`, e.file!]));
  return {
    version: 1,
    processes: pickProcesses(report.processes, new Set(result.events.map((e) => Number(e.fields.pid)).filter(Number.isFinite))).map(storedProcess),
    processCount: report.processes.length,
    syscalls: report.syscalls,
    pathResolutions: report.pathResolutions.slice(0, MAX_PATH_RESOLUTIONS).map((r) => {
      const file = fileOf.get(`${r.pid}:${r.line}`);
      return file ? { ...r, file } : r;
    }),
    filesFailed: report.filesFailed.slice(0, MAX_FAILED_FILES),
    filesFailedCount: report.filesFailed.length,
    endpoints: report.endpoints.slice(0, MAX_ENDPOINTS),
    filesOpenedCount: report.filesOpened.length,
  };
}

/** A stored value read back; anything else (older shape, null) is no report. */
export function readStoredTraceReport(value: unknown): StoredTraceReport | null {
  const v = value as StoredTraceReport | null;
  return v && typeof v === "object" && v.version === 1 && Array.isArray(v.processes) ? v : null;
}

/** Over the cap: the processes that hold events and their ancestors first, then the others in order. */
function pickProcesses(all: StraceProcess[], eventPids: Set<number>): StraceProcess[] {
  if (all.length <= MAX_STORED_PROCESSES) return all;
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const wanted = new Set<number>();
  for (const pid of eventPids) {
    for (let p = byPid.get(pid); p && !wanted.has(p.pid); p = p.parentPid === undefined ? undefined : byPid.get(p.parentPid)) wanted.add(p.pid);
  }
  for (const p of all) {
    if (wanted.size >= MAX_STORED_PROCESSES) break;
    wanted.add(p.pid);
  }
  return all.filter((p) => wanted.has(p.pid)).slice(0, MAX_STORED_PROCESSES);
}

function storedProcess(p: StraceProcess): StoredProcess {
  const { startedAt, endedAt, ...rest } = p;
  const out: StoredProcess = { ...rest };
  if (p.argv) out.argv = p.argv.slice(0, MAX_ARGV).map((a) => (a.length > MAX_ARG_CHARS ? `${a.slice(0, MAX_ARG_CHARS)}…` : a));
  const start = onEventClock(startedAt);
  const end = onEventClock(endedAt);
  if (start) out.startedAt = start;
  if (end) out.endedAt = end;
  const a = traceSeconds(startedAt);
  const b = traceSeconds(endedAt);
  if (a !== undefined && b !== undefined && b >= a) out.durationMs = Math.round((b - a) * 1e6) / 1e3;
  return out;
}

function onEventClock(s: string | undefined): string | undefined {
  if (!s || !/^\d{4}-\d\d-\d\d/.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Seconds of a strace time (ISO with or without zone, clock text, `+relative`), microseconds kept. */
export function traceSeconds(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const rel = /^\+(\d+(?:\.\d+)?)$/.exec(s);
  if (rel) return Number(rel[1]);
  const m = /^(?:(\d{4}-\d\d-\d\d)T)?(\d\d?):(\d\d):(\d\d(?:\.\d+)?)/.exec(s);
  if (!m) return undefined;
  const day = m[1] ? Date.UTC(Number(m[1].slice(0, 4)), Number(m[1].slice(5, 7)) - 1, Number(m[1].slice(8, 10))) / 1000 : 0;
  return day + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}
