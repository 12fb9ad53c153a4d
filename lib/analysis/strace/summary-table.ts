// `strace -c` tables, read as a summary: each row is one syscall's count/errors/time. Without per-call
// detail the errno is unknown, so only rows whose errors can only mean one thing become events:
// failed connect() calls (the service was not there). Other rows with errors (ENOENT probes, ENOTTY
// ioctls, EAGAIN reads, ECHILD waits…) are what every healthy run produces.
import type { AnalyzeOptions, LineAnalyzer, LogLine, PartialResult } from "../types";
import { EventList } from "./event-list";
import { ReportBuilder } from "./report-builder";

export const SUMMARY_HEADER = /^\s*% time\s+seconds\s+usecs\/call\s+calls\s+(?:errors\s+)?syscall\s*$/;
// ` 32.17    0.055794          12      4402       299 newfstatat` (errors column blank when zero).
const ROW = /^\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+)\s+(\d+)\s+(?:(\d+)\s+)?([A-Za-z_][\w]*)\s*$/;

export interface SummaryRow {
  pct: number;
  seconds: number;
  usecsPerCall: number;
  calls: number;
  errors: number;
  syscall: string;
}

export function parseSummaryRow(text: string): SummaryRow | null {
  const m = ROW.exec(text);
  if (!m || m[6] === "total") return null;
  return {
    pct: Number(m[1]),
    seconds: Number(m[2]),
    usecsPerCall: Number(m[3]),
    calls: Number(m[4]),
    errors: m[5] === undefined ? 0 : Number(m[5]),
    syscall: m[6],
  };
}

const CONNECT_CALLS = new Set(["connect"]);

export function createSummaryAnalyzer(opts: AnalyzeOptions = {}): LineAnalyzer {
  void opts;
  const report = new ReportBuilder();
  const events = new EventList();
  const files = new Map<string | undefined, number>();
  let inTable = false;
  let seq = 0;

  function push(line: LogLine): void {
    seq++;
    if (SUMMARY_HEADER.test(line.text)) {
      inTable = true;
      return;
    }
    if (!inTable) return;
    const row = parseSummaryRow(line.text);
    if (!row) {
      if (/^\s*\d+(?:\.\d+)?\s+\d+(?:\.\d+)?\s+\d+\s+\d+\s+(?:\d+\s+)?total\s*$/.test(line.text)) inTable = false;
      return;
    }
    report.addSummaryRow(row.syscall, row.calls, row.errors, row.seconds);
    if (row.errors === 0 || !CONNECT_CALLS.has(row.syscall)) return;
    if (!files.has(line.file)) files.set(line.file, files.size);
    events.add({
      cls: "connection_refused",
      ruleId: "strace.summary-connect-errors",
      line: line.no,
      file: line.file,
      fileIndex: files.get(line.file) ?? 0,
      seq,
      message: `${row.errors} of ${row.calls} ${row.syscall}() calls failed (strace -c summary)`,
      fields: { syscall: row.syscall, calls: row.calls, errors: row.errors, seconds: row.seconds },
      target: row.syscall,
      tgid: 0,
    });
  }

  function finish(): PartialResult {
    const { events: list, rootCause, causalChain } = events.finish();
    return { format: "strace-summary", events: list, rootCause, causalChain, strace: report.build([], []) };
  }

  return { push, finish };
}
