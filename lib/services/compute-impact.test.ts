import { describe, expect, it } from "vitest";
import { summariseImpact } from "./compute-impact";

const build = (over: Record<string, unknown>) => ({ id: "u", repo: null, branch: null, job: null, runId: null, runUrl: null, startedAt: null, finishedAt: null, steps: null, ...over });

describe("summariseImpact", () => {
  it("counts runs by run id or URL, jobs per run, and runner-minutes of builds with both times", () => {
    const impact = summariseImpact({
      incident: { firstSeenAt: new Date("2026-11-20T10:00:00Z"), lastSeenAt: new Date("2026-11-20T12:00:00Z"), status: "resolved", resolvedAt: new Date("2026-11-20T13:30:00Z") },
      uploads: [
        build({ id: "a", runId: "1", job: "build", repo: "acme/x", startedAt: new Date("2026-11-20T10:00:00Z"), finishedAt: new Date("2026-11-20T10:04:30Z") }),
        build({ id: "b", runId: "1", job: "test", repo: "acme/x", startedAt: new Date("2026-11-20T10:00:00Z"), finishedAt: new Date("2026-11-20T10:01:00Z") }),
        build({ id: "c", runUrl: "https://ci/2", steps: [{ name: "s", file: "lint/1_s.txt", startLine: 1, endLine: 1, failed: true }, { name: "t", file: "e2e/1_t.txt", startLine: 1, endLine: 1, failed: true }] }),
        build({ id: "d", startedAt: new Date("2026-11-20T11:00:00Z"), finishedAt: new Date("2026-11-20T10:00:00Z") }),
      ],
      fieldHits: [
        { kind: "host", value: "proxy.golang.org", builds: 2, occurrences: 5 },
        { kind: "module", value: "github.com/acme/greet@v1.0.0", builds: 1, occurrences: 1 },
      ],
      occurrences: 7,
      manual: [],
    });
    expect(impact).toMatchObject({
      builds: 4,
      failedRuns: 3,
      failedJobs: 5, // build, test (run 1), lint, e2e (run 2), and d's unknown job
      jobs: [{ value: "build", builds: 1 }, { value: "e2e", builds: 1 }, { value: "lint", builds: 1 }, { value: "test", builds: 1 }],
      repos: [{ value: "acme/x", builds: 2 }],
      hosts: [{ value: "proxy.golang.org", builds: 2, occurrences: 5 }],
      modules: [{ value: "github.com/acme/greet@v1.0.0", builds: 1, occurrences: 1 }],
      paths: [],
      occurrences: 7,
      durationMs: 3.5 * 3600_000, // until resolved
      runnerMinutesLost: 5.5,
      runnerMinutesKnownFor: 2, // d's times are backwards: not counted
    });
  });
});
