// Events as the contract wants them: folded repeats, stable fingerprints, ordered for one file or merged
// across -ff files by time, plus the root cause and the causal chain.
import { detach } from "./line-grammar";
import type { AnalysisEvent, EventClass, FieldValue, RootCause } from "../types";

interface Ordered {
  event: AnalysisEvent;
  /** Time on the trace clock (merging -ff files); undefined when the trace has no stamps. */
  sortKey?: number;
  fileIndex: number;
  seq: number;
  /** Repeats fold only within one thread group (another process failing the same way is its own event). */
  foldKey: string;
  tgid: number;
}

const MAX_EVENTS = 5_000;
const MAX_REPEAT_LINES = 5;
/** Rules whose runbook is not their class's (`strace-<class>`). */
export const RULE_RUNBOOKS: Record<string, string> = {
  "strace.fd-exhausted": "strace-fd-exhausted",
  "strace.tls-alert": "strace-tls-error",
  // A PostgreSQL server's refusal is the same whether a log or a trace shows it: the log rules' runbooks.
  "strace.postgres-database-missing": "resource-not-found",
  "strace.postgres-auth-failed": "http-unauthorized",
};

export interface EventInput {
  cls: EventClass;
  ruleId: string;
  line: number;
  /** Where the statement starts, when before `line` (a probe of the path that `line` then used). */
  firstLine?: number;
  file?: string;
  fileIndex: number;
  seq: number;
  sortKey?: number;
  timestamp?: string;
  message: string;
  fields: Record<string, FieldValue>;
  /** Stable target of the failure (path via stablePath, endpoint, host, program+status): no pids or fds. */
  target: string;
  tgid: number;
  count?: number;
  repeatLines?: number[];
}

export class EventList {
  private readonly items: Ordered[] = [];
  private readonly byFold = new Map<string, Ordered>();

  get size(): number {
    return this.items.length;
  }

  add(e: EventInput): void {
    const fingerprint = `strace:${e.cls}:${e.target}`;
    const foldKey = `${e.tgid}|${fingerprint}`;
    const seen = this.byFold.get(foldKey);
    if (seen) {
      const lines = (seen.event.repeatLines ??= []);
      // -ff files are read one after another: the earliest statement (by time) represents the event.
      if (seen.fileIndex !== e.fileIndex && e.sortKey !== undefined && seen.sortKey !== undefined && e.sortKey < seen.sortKey) {
        lines.unshift(seen.event.line);
        Object.assign(seen.event, { line: e.firstLine ?? e.line, endLine: e.line, message: detach(e.message), fields: e.fields, file: e.file, timestamp: e.timestamp });
        Object.assign(seen, { sortKey: e.sortKey, fileIndex: e.fileIndex, seq: e.seq });
      } else lines.push(e.line);
      seen.event.count += e.count ?? 1;
      for (const l of e.repeatLines ?? []) lines.push(l);
      lines.splice(MAX_REPEAT_LINES);
      return;
    }
    if (this.items.length >= MAX_EVENTS) return;
    const event: AnalysisEvent = {
      class: e.cls,
      line: e.firstLine ?? e.line,
      endLine: e.line,
      message: detach(e.message),
      fields: e.fields,
      fingerprint,
      count: e.count ?? 1,
      ruleId: e.ruleId,
      ecosystem: "strace",
      runbookId: RULE_RUNBOOKS[e.ruleId] ?? `strace-${e.cls.replace(/_/g, "-")}`,
    };
    if (e.file !== undefined) event.file = e.file;
    if (e.timestamp) event.timestamp = e.timestamp;
    if (e.repeatLines?.length) event.repeatLines = e.repeatLines.slice(0, MAX_REPEAT_LINES);
    const item = { event, sortKey: e.sortKey, fileIndex: e.fileIndex, seq: e.seq, foldKey, tgid: e.tgid };
    this.items.push(item);
    this.byFold.set(foldKey, item);
  }

  /**
   * Order the events and pick the root cause: the first failure (not an exit) whose process's failure
   * reached the top of the process tree (`reachesTop`), else the first failure, else the first exit.
   */
  finish(reachesTop: (tgid: number) => boolean = () => true): { events: AnalysisEvent[]; rootCause: RootCause | null; causalChain: number[] } {
    const multiFile = new Set(this.items.map((i) => i.fileIndex)).size > 1;
    const ordered = [...this.items].sort((a, b) => {
      if (multiFile && a.fileIndex !== b.fileIndex && a.sortKey !== undefined && b.sortKey !== undefined && a.sortKey !== b.sortKey) {
        return a.sortKey - b.sortKey;
      }
      return a.fileIndex - b.fileIndex || a.seq - b.seq;
    });
    const events = ordered.map((i) => i.event);
    let root = ordered.findIndex((i) => i.event.class !== "process_exit" && reachesTop(i.tgid));
    // The same failure hit before by another process (an earlier attempt a retry repeated): it began there.
    if (root >= 0) root = events.findIndex((e) => e.fingerprint === events[root].fingerprint);
    if (root < 0) root = events.findIndex((e) => e.class !== "process_exit");
    if (root < 0) root = events.length ? 0 : -1;
    if (root < 0) return { events, rootCause: null, causalChain: [] };
    const r = events[root];
    const rootCause: RootCause = { class: r.class, line: r.line, endLine: r.endLine, eventIndex: root };
    if (r.file !== undefined) rootCause.file = r.file;
    const causalChain = [root];
    events.forEach((e, i) => {
      if (i > root && e.class === "process_exit") causalChain.push(i);
    });
    return { events, rootCause, causalChain };
  }
}

/**
 * A path as fingerprint text stable across runs: temp-dir names, pids in /proc, long numbers and hex
 * ids vary between runs of the same failure, so they are masked.
 */
export function stablePath(path: string): string {
  return path
    .replace(/\/proc\/\d+\//g, "/proc/N/")
    .replace(/\/(tmp|var\/tmp|run\/user\/\d+)\/[^/]+/g, (m, dir: string) => `/${dir}/${maskRandom(m.slice(dir.length + 2))}`)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}[_:]\d{2}[_:]\d{2}(?:[_.]\d+)?Z?/g, "T")
    .replace(/\b[0-9a-f]{12,}\b/gi, "H")
    .replace(/(?<=[A-Za-z_-])\d{5,}/g, "N");
}

/** `go-build722660727` → `go-build*`, `tmp.Xk3pQ9aZ` → `tmp.*`. */
function maskRandom(name: string): string {
  return name.replace(/[A-Za-z0-9]*\d[A-Za-z0-9]*$/, (tail) => (tail.length >= 4 ? "*" : tail));
}
