// Collapsible log groups found during analysis, on real CI lines: the GitHub Actions raw-log lines of
// the corpus (`##[group]Run …` echo groups with the step's output after `##[endgroup]`), GitLab runner
// sections, Buildkite headers.
import { describe, expect, it } from "vitest";
import { analyze } from "../tests/helpers";
import { GroupTracker, MAX_LOG_GROUPS } from "./log-groups";

const shape = (gs: { name: string; kind: string; line: number; endLine: number; depth: number }[] | undefined) =>
  (gs ?? []).map((g) => [g.name, g.kind, g.line, g.endLine, g.depth]);

describe("log groups", () => {
  it("GitHub Actions steps run from their `Run` header to the next step (corpus go-dns-default-proxy.gha.log)", async () => {
    const r = await analyze(
      [
        "2026-11-20T21:52:45.7563387Z ##[group]Run go mod download",
        "2026-11-20T21:52:45.7563638Z ##[endgroup]",
        '2026-11-20T21:52:45.7624330Z go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host',
        "2026-11-20T21:52:45.7630298Z ##[error]Process completed with exit code 1.",
        "2026-11-20T21:52:45.7630791Z ##[group]Run go build ./...",
        "2026-11-20T21:52:45.7630831Z ##[endgroup]",
        "2026-11-20T21:52:45.7859829Z main.go:6:2: missing go.sum entry for module providing package github.com/pkg/errors (imported by example.com/inventory-api); to add:",
        "2026-11-20T21:52:45.7860413Z 	go get example.com/inventory-api",
        "2026-11-20T21:52:45.7868492Z ##[error]Process completed with exit code 1.",
      ].join("\n"),
    );
    expect(shape(r.groups)).toEqual([
      ["Run go mod download", "step", 1, 4, 0],
      ["Run go build ./...", "step", 5, 9, 0],
    ]);
    // A step ends when the next one starts; the last one at its last timed line.
    expect(r.groups![0]).toMatchObject({ startedAt: "2026-11-20T21:52:45.7563387Z", endedAt: "2026-11-20T21:52:45.7630791Z" });
    expect(r.groups![1].endedAt).toBe("2026-11-20T21:52:45.7868492Z");
  });

  it("a tool's own groups inside a step end at their endgroup; `::group::` works the same", async () => {
    const r = await analyze(
      [
        "2026-11-20T22:06:36.0365724Z ##[group]Run go mod download",
        "2026-11-20T22:06:36.0365800Z go mod download -x",
        "2026-11-20T22:06:36.0365827Z ##[endgroup]",
        "2026-11-20T22:06:36.0365900Z ##[group]Downloading modules",
        "2026-11-20T22:06:36.0420386Z # get http://127.0.0.1:18081/github.com/acme/strutil/@v/v0.3.0.mod",
        "2026-11-20T22:06:36.0494019Z # get http://127.0.0.1:18081/github.com/acme/greet/@v/v1.1.0.mod: 200 OK (0.007s)",
        "2026-11-20T22:06:36.0495000Z ##[endgroup]",
        "2026-11-20T22:06:36.0496000Z ::group::Verify",
        "2026-11-20T22:06:36.0497000Z all modules verified",
        "2026-11-20T22:06:36.0498000Z ::endgroup::",
        "2026-11-20T22:06:36.0499000Z done",
      ].join("\n"),
    );
    expect(shape(r.groups)).toEqual([
      ["Run go mod download", "step", 1, 11, 0],
      ["Downloading modules", "group", 4, 7, 1],
      ["Verify", "group", 8, 10, 1],
    ]);
  });

  it("groups of a log without step headers end at their endgroup", async () => {
    const r = await analyze(["::group::Install", "npm ci", "::endgroup::", "after", "::group::Test", "npm test"].join("\n"));
    expect(shape(r.groups)).toEqual([
      ["Install", "group", 1, 3, 0],
      ["Test", "group", 5, 6, 0],
    ]);
  });

  it("GitLab sections nest, take the visible header as name and keep [collapsed=true]", async () => {
    const r = await analyze(
      [
        "\x1b[0Ksection_start:1700000000:prepare_script[collapsed=true]\r\x1b[0K\x1b[0;m\x1b[36;1mPreparing environment\x1b[0;m",
        "Running on runner-1",
        "\x1b[0Ksection_end:1700000005:prepare_script\r\x1b[0K",
        "\x1b[0Ksection_start:1700000006:step_script\r\x1b[0K\x1b[36;1mExecuting \"step_script\" stage\x1b[0;m",
        "\x1b[0Ksection_start:1700000007:npm_ci\r\x1b[0K\x1b[32;1m$ npm ci\x1b[0;m",
        "npm error code E401",
        "\x1b[0Ksection_end:1700000008:npm_ci\r\x1b[0K",
        "\x1b[0Ksection_end:1700000009:step_script\r\x1b[0K",
        "\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m",
      ].join("\n"),
    );
    expect(shape(r.groups)).toEqual([
      ["Preparing environment", "section", 1, 3, 0],
      ['Executing "step_script" stage', "section", 4, 8, 0],
      ["$ npm ci", "section", 5, 7, 1],
    ]);
    expect(r.groups![0]).toMatchObject({ initially: "collapsed", startedAt: "2023-11-14T22:13:20.000Z", endedAt: "2023-11-14T22:13:25.000Z" });
    expect(r.groups![1].initially).toBeUndefined();
  });

  it("Buildkite headers run to the next header; `+++` is shown expanded, `---` and `~~~` collapsed", async () => {
    const r = await analyze(
      ["\x1b_bk;t=1700000000000\x07~~~ :docker: Pull", "pulling", "\x1b_bk;t=1700000001000\x07--- :go: Test", "--- FAIL: TestA (0.00s)", "\x1b_bk;t=1700000002000\x07+++ :rotating_light: Failures", "TestA"].join("\n"),
    );
    expect(shape(r.groups)).toEqual([
      [":docker: Pull", "group", 1, 2, 0],
      [":go: Test", "group", 3, 4, 0],
      [":rotating_light: Failures", "group", 5, 6, 0],
    ]);
    expect(r.groups!.map((g) => g.initially)).toEqual(["collapsed", "collapsed", "expanded"]);
    expect(r.groups![0]).toMatchObject({ startedAt: "2023-11-14T22:13:20.000Z", endedAt: "2023-11-14T22:13:21.000Z" });
  });

  it("Jenkins stages run to the next stage", async () => {
    const r = await analyze(
      ["[2024-01-02T03:04:05.679Z] [Pipeline] { (Build)", "[2024-01-02T03:04:06.000Z] + make", "[2024-01-02T03:04:07.000Z] [Pipeline] { (Test)", "[2024-01-02T03:04:08.000Z] + make test"].join("\n"),
    );
    expect(shape(r.groups)).toEqual([
      ["Build", "group", 1, 2, 0],
      ["Test", "group", 3, 4, 0],
    ]);
    expect(r.groups![0]).toMatchObject({ startedAt: "2024-01-02T03:04:05.679Z", endedAt: "2024-01-02T03:04:07.000Z" });
  });

  it("groups never span files of an archive, and a plain log has none", async () => {
    const t = new GroupTracker();
    t.setFile("build/1_Run go version.txt");
    t.onMarker({ kind: "group", name: "Run go version" }, "github-actions", 1, "2026-11-20T22:06:36.0309129Z");
    t.finishFile(3);
    t.setFile("build/2_Run go mod download.txt");
    t.onMarker({ kind: "group", name: "Run go mod download" }, "github-actions", 1);
    t.finishFile(14);
    expect(t.groups.map((g) => [g.file, g.line, g.endLine])).toEqual([
      ["build/1_Run go version.txt", 1, 3],
      ["build/2_Run go mod download.txt", 1, 14],
    ]);
    expect((await analyze("npm error code E404\n")).groups).toBeUndefined();
  });

  it("keeps at most MAX_LOG_GROUPS groups and says so", () => {
    const t = new GroupTracker();
    for (let i = 1; i <= MAX_LOG_GROUPS + 2; i++) t.onMarker({ kind: "group", name: `g${i}` }, "buildkite", i);
    t.finishFile(MAX_LOG_GROUPS + 2);
    expect(t.groups).toHaveLength(MAX_LOG_GROUPS);
    expect(t.truncated).toBe(true);
  });
});
