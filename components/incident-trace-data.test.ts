// Which trace an incident page draws and where its root cause is, for an incident holding the corpus's
// make -j2 trace twice (a rebuild with the same failure).
import { describe, expect, it } from "vitest";
import type { IncidentEventView } from "@/lib/services/get-incident";
import type { StoredTraceReport } from "@/lib/services/stored-trace-report";
import { prepareIncidentTrace } from "./incident-trace-data";

const report: StoredTraceReport = {
  version: 1,
  processes: [{ pid: 22879, argv: ["make", "-j2"], exitCode: 2 }, { pid: 22882, parentPid: 22879, argv: ["cat", "config/release-manifest.ini"], exitCode: 1 }],
  processCount: 2,
  syscalls: [],
  pathResolutions: [],
  filesFailed: [],
  filesFailedCount: 0,
  endpoints: [],
  filesOpenedCount: 0,
};
const event = (uploadId: string, over: Partial<IncidentEventView>): IncidentEventView => ({
  id: `${uploadId}-${over.line}`, uploadId, class: "enoent", line: 812, endLine: 812, file: null, step: null, timestamp: "2026-11-20T22:03:32.418Z", seenAt: "2026-11-20T22:03:32.418Z",
  message: 'openat("config/release-manifest.ini") failed: ENOENT', fields: { pid: 22882 }, fingerprint: "f", count: 1, runbookId: null, isRootCause: false, ...over,
});

describe("prepareIncidentTrace", () => {
  it("draws the root cause's build, with that build's own root-cause event", () => {
    const events = [event("old", { isRootCause: true }), event("new", { isRootCause: true }), event("new", { class: "process_exit", line: 833, fields: { pid: 22882, exit_code: 1 } })];
    const t = prepareIncidentTrace({ events, rootCause: { ...events[0], fields: events[0].fields } }, [{ uploadId: "new", report }]);
    // "old" was analysed before traces were stored: the first stored trace is drawn instead.
    expect(t.primary?.uploadId).toBe("new");
    expect(t.rootCause).toEqual({ pid: 22882, line: 812, file: null });
    expect(t.swimlanes?.lanes.map((l) => [l.label, l.failing])).toEqual([["22879 make", false], ["22882 cat", true]]);
    expect(t.swimlanes?.rootCause).toMatchObject({ line: 812 });
    expect(t.onlyTraces).toBe(false);
    expect(t.traceCount).toBe(1);
  });

  it("nothing to draw without stored traces", () => {
    const t = prepareIncidentTrace({ events: [event("u", {})], rootCause: null }, []);
    expect(t).toMatchObject({ primary: null, swimlanes: null, onlyTraces: false });
  });

  it("draws from the traced build's events only; whether others exist is told, not counted", () => {
    const own = [event("new", { isRootCause: true })];
    const traces = [{ uploadId: "new", report }];
    expect(prepareIncidentTrace({ events: own, rootCause: null, eventsOutsideTraces: false }, traces)).toMatchObject({ onlyTraces: true, rootCause: { pid: 22882, line: 812 } });
    expect(prepareIncidentTrace({ events: own, rootCause: null, eventsOutsideTraces: true }, traces).onlyTraces).toBe(false);
    expect(prepareIncidentTrace({ events: own, rootCause: null }, traces).onlyTraces).toBe(true);
  });
});
