import { describe, expect, it } from "vitest";
import { metadataFromAnalysis, metadataFromNames } from "./parse-upload-metadata";

describe("metadataFromNames", () => {
  it("reads a GitHub Actions run archive and job log names", () => {
    expect(metadataFromNames(["logs_7123456789.zip"])).toEqual({ runId: "7123456789", ciProvider: "github-actions" });
    expect(metadataFromNames(["logs_42 (1).zip"])).toEqual({ runId: "42", ciProvider: "github-actions" });
    expect(metadataFromNames(["2_frontend tests.txt"])).toEqual({ job: "frontend tests", ciProvider: "github-actions" });
    expect(metadataFromNames(["1_build.txt", "2_test.txt"])).toEqual({ ciProvider: "github-actions" });
    expect(metadataFromNames(["build.log", "strace.123"])).toEqual({});
  });
});

describe("metadataFromAnalysis", () => {
  const event = (timestamp?: string) => ({ class: "timeout" as const, line: 1, endLine: 1, message: "m", fields: {}, fingerprint: "f", count: 1, ruleId: "r", ...(timestamp ? { timestamp } : {}) });

  it("takes the first and last full timestamps of steps and events; clock-only times do not count", () => {
    const meta = metadataFromAnalysis({
      format: "github-actions",
      events: [event("2026-11-20T22:02:24.5759016Z"), event("22:59:59"), event()],
      steps: [{ name: "Run go build", startLine: 1, endLine: 9, startedAt: "2026-11-20T22:02:24.5680529Z", endedAt: "2026-11-20T22:02:30.1Z", failed: true }],
    });
    expect(meta).toMatchObject({ startedAt: new Date("2026-11-20T22:02:24.568Z"), finishedAt: new Date("2026-11-20T22:02:30.100Z"), ciProvider: "github-actions", job: null });
    expect(meta.steps).toEqual([{ name: "Run go build", startLine: 1, endLine: 9, startedAt: "2026-11-20T22:02:24.5680529Z", endedAt: "2026-11-20T22:02:30.1Z", failed: true }]);
  });

  it("names the job of an archive when exactly one job failed (or there is only one)", () => {
    const step = (file: string, failed = false) => ({ name: "s", file, startLine: 1, endLine: 2, ...(failed ? { failed } : {}) });
    expect(metadataFromAnalysis({ format: "github-actions-archive", events: [], steps: [step("build/1_a.txt"), step("test/1_b.txt", true)] }).job).toBe("test");
    expect(metadataFromAnalysis({ format: "github-actions-archive", events: [], steps: [step("build/1_a.txt", true), step("test/1_b.txt", true)] }).job).toBeNull();
    expect(metadataFromAnalysis({ format: "github-actions-archive", events: [], steps: [step("build/1_a.txt")] }).job).toBe("build");
    expect(metadataFromAnalysis({ format: "plain", events: [], steps: undefined })).toEqual({ startedAt: null, finishedAt: null, ciProvider: null, job: null, steps: [] });
  });
});
