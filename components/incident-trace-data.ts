// The trace parts of an incident page, from its events and its uploads' strace reports: which trace
// to show (the root cause's build, else the first traced one), that trace's root-cause pid and line,
// and its swimlanes (one trace: several builds of the same failure would repeat the same lanes).
import type { IncidentCoreView, IncidentEventView } from "@/lib/services/get-incident";
import type { TraceReportView } from "@/lib/services/get-trace-reports";
import { evidenceHref } from "./evidence-link";
import { prepareSwimlanes, type SwimlaneData } from "./swimlane-chart-data";
import type { TraceRootCause } from "./trace-report-section";

export interface IncidentTrace {
  primary: TraceReportView | null;
  /** Builds of the incident with a stored trace (only `primary` is drawn). */
  traceCount: number;
  rootCause: TraceRootCause | null;
  /** pid → the process it is a thread of (from exit events' `thread_of`). */
  threadOf: Map<number, number>;
  swimlanes: SwimlaneData | null;
  /** Every event of the incident is from a stored trace: the class-per-bucket chart adds nothing. */
  onlyTraces: boolean;
}

const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);

export interface IncidentTraceInput extends Pick<IncidentCoreView, "rootCause"> {
  /** At least the events of the drawn (primary) trace's build; the page loads only those. */
  events: readonly IncidentEventView[];
  /**
   * Whether the incident has events in builds without a stored trace. Unset: `events` are all of the
   * incident's events and tell.
   */
  eventsOutsideTraces?: boolean;
}

/** The trace a page draws: the root cause's build's, else the first stored one. */
export function primaryTraceOf(traces: readonly TraceReportView[], rootCause: IncidentTraceInput["rootCause"]): TraceReportView | null {
  return traces.find((t) => t.uploadId === rootCause?.uploadId) ?? traces[0] ?? null;
}

export function prepareIncidentTrace(incident: IncidentTraceInput, traces: readonly TraceReportView[]): IncidentTrace {
  const primary = primaryTraceOf(traces, incident.rootCause);
  // The shown trace's own root-cause event: the incident's may be in an upload analysed before traces
  // were stored.
  const events = primary ? incident.events.filter((e) => e.uploadId === primary.uploadId) : [];
  const own = events.find((e) => e.isRootCause);
  const rootCause = own ? { pid: num(own.fields.pid), line: own.line, file: own.file } : null;
  const threadOf = new Map<number, number>();
  for (const e of events) {
    const pid = num(e.fields.pid);
    const owner = num(e.fields.thread_of);
    if (pid !== undefined && owner !== undefined) threadOf.set(pid, owner);
  }
  const swimlanes = primary
    ? prepareSwimlanes(
        primary.report.processes,
        events.map((e) => {
          const pid = num(e.fields.pid);
          const owner = pid === undefined ? undefined : threadOf.get(pid);
          return { pid, ...(owner !== undefined ? { threadOf: owner } : {}), class: e.class, timestamp: e.timestamp, line: e.line, message: e.message, href: evidenceHref(e), isRootCause: e === own };
        }),
      )
    : null;
  const traced = new Set(traces.map((t) => t.uploadId));
  const outside = incident.eventsOutsideTraces ?? incident.events.some((e) => !traced.has(e.uploadId));
  return { primary, traceCount: traces.length, rootCause, threadOf, swimlanes, onlyTraces: traces.length > 0 && !outside };
}
