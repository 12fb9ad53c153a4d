// Group defaults and deep links on the groups the analyzer stores for real logs (the corpus's
// go-dns-default-proxy.gha.log steps; a GitLab section with [collapsed=true]).
import { describe, expect, it } from "vitest";
import type { StoredLogGroup } from "@/lib/services/stored-log-groups";
import { describeGroup, expandFor, initiallyCollapsed, LONG_LOG_LINES, rangeIndex } from "./log-groups-state";

const steps: StoredLogGroup[] = [
  { name: "Run go mod download", kind: "step", line: 1, endLine: 4, depth: 0, startedAt: "2026-11-20T21:52:45.7563387Z", endedAt: "2026-11-20T21:52:45.7630791Z" },
  { name: "Run go build ./...", kind: "step", line: 5, endLine: 400, depth: 0, startedAt: "2026-11-20T21:52:45.7630791Z", endedAt: "2026-11-20T21:52:47.7868492Z" },
  { name: "Downloading", kind: "group", line: 6, endLine: 90, depth: 1 },
];

describe("initiallyCollapsed", () => {
  it("a short log shows every group open", () => {
    expect(initiallyCollapsed(steps, [], 9)).toEqual(new Set());
  });

  it("a long log collapses the groups without events, keeping the ones holding an event open", () => {
    expect(initiallyCollapsed(steps, [{ from: 3, to: 3 }], LONG_LOG_LINES + 100)).toEqual(new Set([5, 6]));
    expect(initiallyCollapsed(steps, [{ from: 120, to: 121 }], 400)).toEqual(new Set([1, 6]));
  });

  it("follows the CI's hint: GitLab [collapsed=true] even in a short log, Buildkite +++ open in a long one", () => {
    const gitlab: StoredLogGroup[] = [{ name: "Preparing environment", kind: "section", line: 1, endLine: 3, depth: 0, initially: "collapsed" }];
    expect(initiallyCollapsed(gitlab, [], 9)).toEqual(new Set([1]));
    const buildkite: StoredLogGroup[] = [{ name: ":rotating_light: Failures", kind: "group", line: 5, endLine: 900, depth: 0, initially: "expanded" }];
    expect(initiallyCollapsed(buildkite, [], 900)).toEqual(new Set());
  });
});

describe("expandFor", () => {
  it("opens every collapsed group that hides a line of the range, and nothing else", () => {
    const collapsed = new Set([1, 5, 6]);
    expect(expandFor(steps, collapsed, { from: 50, to: 52 })).toEqual(new Set([1]));
    expect(expandFor(steps, collapsed, { from: 4, to: 5 })).toEqual(new Set([5, 6]));
    expect(expandFor(steps, collapsed, { from: 5, to: 5 })).toBe(collapsed); // a header line is visible
  });
});

describe("describeGroup", () => {
  it("counts the lines and gives the duration when the log is timed", () => {
    expect(describeGroup(steps[0])).toBe("4 lines · 7 ms");
    expect(describeGroup(steps[1])).toBe("396 lines · 2 s");
    expect(describeGroup(steps[2])).toBe("85 lines");
  });
});

describe("rangeIndex", () => {
  it("agrees with checking every range, long ranges included", () => {
    const ranges = [{ from: 3, to: 3 }, { from: 10, to: 12 }, { from: 1, to: 40 }, { from: 50, to: 51 }];
    const has = rangeIndex(ranges.slice(0, 2).concat(ranges.slice(3)));
    const all = rangeIndex(ranges);
    for (let from = 1; from <= 60; from++) {
      for (const to of [from, from + 3]) {
        const want = (rs: typeof ranges) => rs.some((r) => r.from <= to && r.to >= from);
        expect(has(from, to)).toBe(want(ranges.slice(0, 2).concat(ranges.slice(3))));
        expect(all(from, to)).toBe(want(ranges));
      }
    }
    expect(rangeIndex([])(1, 100)).toBe(false);
  });
});
