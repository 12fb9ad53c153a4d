// Swimlanes for the corpus's make -j2 trace (strace-make-parallel-failure.txt): the failing cat, the
// shells' exits, lifetimes of all six processes.
import { describe, expect, it } from "vitest";
import type { StoredProcess } from "@/lib/services/stored-trace-report";
import { formatOffset, niceTicks, prepareSwimlanes, type SwimlaneEvent } from "./swimlane-chart-data";

const processes: StoredProcess[] = [
  { pid: 22879, argv: ["make", "-j2"], exitCode: 2, startedAt: "2026-11-20T22:03:32.376Z", endedAt: "2026-11-20T22:03:32.740Z" },
  { pid: 22880, parentPid: 22879, argv: ["/bin/sh", "-c", "cat config/release-manifest.ini > build-manifest.txt"], exitCode: 1, startedAt: "2026-11-20T22:03:32.399Z", endedAt: "2026-11-20T22:03:32.419Z" },
  { pid: 22881, parentPid: 22879, argv: ["sleep", "0.3"], exitCode: 0, startedAt: "2026-11-20T22:03:32.411Z", endedAt: "2026-11-20T22:03:32.730Z" },
  { pid: 22882, parentPid: 22880, argv: ["cat", "config/release-manifest.ini"], exitCode: 1, startedAt: "2026-11-20T22:03:32.414Z", endedAt: "2026-11-20T22:03:32.418Z" },
];
const ev = (e: Partial<SwimlaneEvent>): SwimlaneEvent => ({ pid: undefined, class: "enoent", timestamp: null, line: 1, message: "", href: "#", isRootCause: false, ...e });
const events = [
  ev({ pid: 22882, class: "enoent", timestamp: "2026-11-20T22:03:32.418Z", line: 812, isRootCause: true }),
  ev({ pid: 22882, class: "process_exit", timestamp: "2026-11-20T22:03:32.418Z", line: 833 }),
  ev({ pid: 22880, class: "process_exit", timestamp: "2026-11-20T22:03:32.419Z", line: 862 }),
];

describe("prepareSwimlanes", () => {
  it("one lane per process in tree order, events at their time from the first moment", () => {
    const d = prepareSwimlanes(processes, events);
    expect(d.mode).toBe("time");
    expect(d.lanes.map((l) => [l.label, l.y, l.failing])).toEqual([
      ["22879 make", 0, false],
      ["22880 sh", 1, false],
      ["22882 cat", 2, true],
      ["22881 sleep", 3, false],
    ]);
    expect(d.lanes[0]).toMatchObject({ from: 0, to: 364 });
    expect(d.rootCause).toMatchObject({ x: 42, y: 2, line: 812 });
    // Exits first: the failure drawn over the exit at the same moment.
    expect(d.series.map((s) => [s.cls, s.points.map((p) => [p.x, p.y])])).toEqual([
      ["process_exit", [[42, 2], [43, 1]]],
      ["enoent", [[42, 2]]],
    ]);
    expect(d.domain).toEqual([0, 364]);
    expect(d.ticks).toEqual([0, 100, 200, 300]);
  });

  it("too many lanes: the ones with events and the failing one stay, in tree order", () => {
    const d = prepareSwimlanes(processes, events, 2);
    expect(d.lanes.map((l) => l.label)).toEqual(["22880 sh", "22882 cat"]);
    expect(d.hiddenLanes).toBe(2);
  });

  it("a trace without times places events by line; pids only events know (threads) get lanes too", () => {
    const d = prepareSwimlanes([{ pid: 32195, argv: ["node", "/usr/bin/npm", "install"] }], [ev({ pid: 32203, threadOf: 32195, class: "dns_failure", line: 10619, isRootCause: true })]);
    expect(d.mode).toBe("line");
    expect(d.lanes.map((l) => l.label)).toEqual(["32195 node", "32203 thread of 32195"]);
    expect(d.rootCause).toMatchObject({ x: 10619, y: 1 });
  });
});

describe("niceTicks", () => {
  it("steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks([0, 142_300])).toEqual([0, 50_000, 100_000]);
    expect(niceTicks([812, 1339])).toEqual([900, 1000, 1100, 1200, 1300]);
    expect(niceTicks([0, 1])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("formatOffset", () => {
  it("reads as an offset from the first moment, or a line", () => {
    expect(formatOffset(42, "time")).toBe("+42 ms");
    expect(formatOffset(1500, "time")).toBe("+1.5 s");
    expect(formatOffset(142_300, "time")).toBe("+2 min 22 s");
    expect(formatOffset(812, "line")).toBe("line 812");
  });
});
