// The strace report kept on an upload: values as the analyzer reports them for the corpus traces
// (strace-make-parallel-failure.txt, strace-ff-healthcheck/), onto the stored shape.
import { describe, expect, it } from "vitest";
import type { AnalysisEvent, StraceReport } from "../analysis/types";
import { MAX_STORED_PROCESSES, readStoredTraceReport, traceReportForStorage, traceSeconds } from "./stored-trace-report";

const report = (over: Partial<StraceReport>): StraceReport => ({ processes: [], syscalls: [], filesOpened: [], filesFailed: [], endpoints: [], pathResolutions: [], ...over });
const event = (e: Partial<AnalysisEvent>): AnalysisEvent =>
  ({ class: "enoent", line: 1, endLine: 1, message: "", fields: {}, fingerprint: "f", count: 1, ruleId: "strace.enoent", ...e }) as AnalysisEvent;

describe("traceReportForStorage", () => {
  it("keeps the process tree with times on the event clock and microsecond lifetimes", () => {
    const stored = traceReportForStorage({
      events: [],
      strace: report({
        processes: [
          { pid: 22879, argv: ["make", "-j2"], exe: "/usr/bin/make", exitCode: 2, startedAt: "2026-11-20T22:03:32.376379", endedAt: "2026-11-20T22:03:32.740778" },
          { pid: 22882, parentPid: 22880, argv: ["cat", "config/release-manifest.ini"], exe: "/usr/bin/cat", exitCode: 1, startedAt: "2026-11-20T22:03:32.414437", endedAt: "2026-11-20T22:03:32.418905" },
        ],
        syscalls: [{ syscall: "openat", calls: 52, errors: 28, seconds: 0.000226 }],
        filesOpened: ["/etc/ld.so.cache", "Makefile"],
      }),
    })!;
    expect(stored.processes[1]).toMatchObject({ pid: 22882, parentPid: 22880, exitCode: 1, startedAt: new Date("2026-11-20T22:03:32.414437").toISOString(), durationMs: 4.468 });
    expect(stored.processes[0].durationMs).toBe(364.399);
    expect(stored).toMatchObject({ processCount: 2, filesOpenedCount: 2, syscalls: [{ syscall: "openat", errors: 28 }] });
    expect(readStoredTraceReport(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it("names the -ff file of a path resolution from the event on the same pid and line", () => {
    const stored = traceReportForStorage({
      events: [event({ file: "trace.23782", line: 118, fields: { pid: 23782, path: "/etc/edge/healthcheck.conf" } })],
      strace: report({ pathResolutions: [{ path: "/etc/edge/healthcheck.conf", resolved: "/etc/edge/healthcheck.conf", line: 118, pid: 23782, existingPrefix: "/etc", missingComponent: "edge" }] }),
    })!;
    expect(stored.pathResolutions[0]).toMatchObject({ file: "trace.23782", missingComponent: "edge" });
  });

  it("over the cap keeps the failing process and its ancestors", () => {
    const processes = Array.from({ length: MAX_STORED_PROCESSES + 50 }, (_, i) => ({ pid: 1000 + i, parentPid: i === 0 ? undefined : 1000 }));
    const last = MAX_STORED_PROCESSES + 1049;
    const stored = traceReportForStorage({ events: [event({ fields: { pid: last } })], strace: report({ processes }) })!;
    expect(stored.processes).toHaveLength(MAX_STORED_PROCESSES);
    expect(stored.processes.map((p) => p.pid)).toEqual(expect.arrayContaining([1000, last]));
    expect(stored.processCount).toBe(MAX_STORED_PROCESSES + 50);
  });

  it("is null for build logs, and unknown stored shapes read as no report", () => {
    expect(traceReportForStorage({ events: [] })).toBeNull();
    expect(readStoredTraceReport(null)).toBeNull();
    expect(readStoredTraceReport({ processes: [] })).toBeNull();
  });

  it("reads every strace time form", () => {
    expect(traceSeconds("22:03:40.284941")).toBeCloseTo(79420.284941, 6);
    expect(traceSeconds("+1.500000")).toBe(1.5);
    expect(traceSeconds("2023-11-14T22:13:20.000Z")).toBe(1700000000);
    expect(traceSeconds("later")).toBeUndefined();
  });
});
