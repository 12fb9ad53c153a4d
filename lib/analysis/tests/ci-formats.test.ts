// CI log formats: prefixes are stripped for matching, and every event keeps its step and timestamp.
import { describe, expect, it } from "vitest";
import { analyze } from "./helpers";

describe("CI formats", () => {
  it("GitHub Actions: timestamps, Run groups as steps, ##[error] annotations", async () => {
    const r = await analyze(
      [
        "2026-11-20T21:52:45.7563387Z ##[group]Run go mod download",
        "2026-11-20T21:52:45.7563638Z ##[endgroup]",
        '2026-11-20T21:52:45.7624330Z go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host',
        "2026-11-20T21:52:45.7630298Z ##[error]Process completed with exit code 1.",
        "2026-11-20T21:52:45.7630791Z ##[group]Run go build ./...",
        "2026-11-20T21:52:45.7630831Z ##[endgroup]",
        "2026-11-20T21:52:45.7859829Z ##[group]Installing tools",
        "2026-11-20T21:52:45.7859830Z ##[endgroup]",
        "2026-11-20T21:52:45.7868492Z ##[error]Process completed with exit code 1.",
      ].join("\n"),
    );
    expect(r.format).toBe("github-actions");
    expect(r.events.map((e) => [e.class, e.line, e.step, e.timestamp])).toEqual([
      ["dns_failure", 3, "Run go mod download", "2026-11-20T21:52:45.7624330Z"],
      ["process_exit", 4, "Run go mod download", "2026-11-20T21:52:45.7630298Z"],
      ["process_exit", 9, "Run go build ./...", "2026-11-20T21:52:45.7868492Z"],
    ]);
    expect(r.causalChain).toEqual([0, 1]);
    expect(r.steps?.map((s) => [s.name, s.startLine, s.endLine, s.failed])).toEqual([
      ["Run go mod download", 1, 4, true],
      ["Run go build ./...", 5, 9, true],
    ]);
  });

  it("GitLab sections (markers hidden behind \\r and colour codes)", async () => {
    const r = await analyze(
      [
        "\x1b[0Ksection_start:1700000000:prepare_script\r\x1b[0K\x1b[0;m\x1b[36;1mPreparing environment\x1b[0;m",
        "Running on runner-1",
        "\x1b[0Ksection_end:1700000005:prepare_script\r\x1b[0K",
        "\x1b[0Ksection_start:1700000006:step_script\r\x1b[0K\x1b[36;1mExecuting \"step_script\" stage\x1b[0;m",
        "\x1b[32;1m$ npm ci\x1b[0;m",
        "npm error code E401",
        "\x1b[0Ksection_end:1700000009:step_script\r\x1b[0K",
        "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m",
      ].join("\n"),
    );
    expect(r.format).toBe("gitlab");
    expect(r.events.map((e) => [e.class, e.line, e.step])).toEqual([
      ["http_401", 6, "step_script"],
      ["process_exit", 8, undefined],
    ]);
    expect(r.steps?.[1]).toMatchObject({ name: "step_script", startLine: 4, endLine: 7, startedAt: "2023-11-14T22:13:26.000Z" });
  });

  it("Buildkite groups and timestamps; go test's `--- FAIL` is not a group", async () => {
    const r = await analyze(["\x1b_bk;t=1700000000000\x07--- :go: Test", "\x1b_bk;t=1700000001000\x07--- FAIL: TestA (0.00s)", "\x1b_bk;t=1700000002000\x07+++ :rotating_light: Failures"].join("\n"));
    expect(r.format).toBe("buildkite");
    expect(r.events.map((e) => [e.class, e.step, e.timestamp])).toEqual([["test_failure", ":go: Test", "2023-11-14T22:13:21.000Z"]]);
  });

  it("Jenkins timestamper prefixes and pipeline stages", async () => {
    const r = await analyze(
      ["[2024-01-02T03:04:05.678Z] [Pipeline] stage", "[2024-01-02T03:04:05.679Z] [Pipeline] { (Build)", "[2024-01-02T03:04:06.000Z] + make", "[2024-01-02T03:04:07.000Z] make: *** [Makefile:3: all] Error 2", "12:00:01 fatal: repository 'http://h/x.git/' not found"].join("\n"),
    );
    expect(r.format).toBe("jenkins");
    expect(r.events.map((e) => [e.class, e.step, e.timestamp])).toEqual([
      ["process_exit", "Build", "2024-01-02T03:04:07.000Z"],
      ["not_found", "Build", "12:00:01"],
    ]);
  });

  it("plain logs have no steps and the plain format", async () => {
    const r = await analyze("npm error code E404\n");
    expect(r.format).toBe("plain");
    expect(r.steps).toBeUndefined();
    expect(r.events[0].step).toBeUndefined();
  });
});

describe("line-start markers", () => {
  it("Buildkite headers without timestamps are found at the start of any line, not mid-line", async () => {
    const r = await analyze("make all\n--- :hammer: Build\nfatal: repository 'http://h/x.git/' not found\nsee --- notes\n");
    expect(r.events.map((e) => [e.line, e.step])).toEqual([[3, ":hammer: Build"]]);
    expect(r.steps?.map((s) => s.name)).toEqual([":hammer: Build"]);
  });
});
