// What analysis keeps for the incident page besides events: the strace report (process tree, path
// resolutions, syscall summary) and the log viewer's groups, on real corpus files.
import { describe, expect, it } from "vitest";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { getLogGroups } from "../lib/services/get-log-groups";
import { getTraceReports } from "../lib/services/get-trace-reports";
import { connectTestDatabase } from "./support/db";
import { corpusFile, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

async function analysed(files: string[]) {
  const teamId = await createTestTeam();
  const up = await uploadFiles(teamId, files.map(corpusFile));
  await analyzeUpload({ uploadId: up.id });
  return { teamId, uploadId: up.id };
}

describe("strace report", () => {
  it("keeps the process tree with exit codes and the path resolution of the failed open", async () => {
    const { teamId, uploadId } = await analysed(["strace-make-parallel-failure.txt"]);
    const [trace] = await getTraceReports({ teamId, uploadIds: [uploadId] });
    const cat = trace.report.processes.find((p) => p.argv?.[0] === "cat");
    expect(cat).toMatchObject({ parentPid: 22880, exitCode: 1, startedAt: expect.stringMatching(/Z$/) });
    expect(trace.report.processes.find((p) => p.pid === 22879)).toMatchObject({ argv: ["make", "-j2"], exitCode: 2 });
    expect(trace.report.pathResolutions[0]).toMatchObject({ path: "config/release-manifest.ini", cwd: "/srv/ci/dev/firmware-pack", missingComponent: "config" });
    expect(trace.report.syscalls.length).toBeGreaterThan(10);
    expect(await getLogGroups({ teamId, uploadId, file: null })).toEqual({ groups: [], truncated: false });
  });

  it("names the -ff file of each path resolution", async () => {
    const { teamId, uploadId } = await analysed(["strace-ff-healthcheck/trace.23781", "strace-ff-healthcheck/trace.23782", "strace-ff-healthcheck/trace.23783"]);
    const [trace] = await getTraceReports({ teamId, uploadIds: [uploadId] });
    expect(trace.report.pathResolutions[0]).toMatchObject({ file: "trace.23782", path: "/etc/edge/healthcheck.conf", missingComponent: "edge" });
    // Another team sees nothing.
    expect(await getTraceReports({ teamId: await createTestTeam(), uploadIds: [uploadId] })).toEqual([]);
  });
});

describe("log groups", () => {
  it("keeps a GitHub Actions log's steps, and archive members' groups under their member path", async () => {
    const plain = await analysed(["go-dns-default-proxy.gha.log"]);
    const { groups } = await getLogGroups({ ...plain, file: null });
    expect(groups?.map((g) => [g.name, g.line, g.endLine])).toEqual([
      ["Run go mod download", 1, 4],
      ["Run go build ./...", 5, 9],
    ]);
    expect(await getTraceReports({ ...plain, uploadIds: [plain.uploadId] })).toEqual([]);
    const zip = await analysed(["gha-logs-catalog.zip"]);
    const member = await getLogGroups({ ...zip, file: "1_build.txt" });
    expect(member.groups?.map((g) => g.name)).toEqual(["Run go version", "Run go mod download", "Run go build ./..."]);
  });
});

describe("text Postgres cannot hold", () => {
  // Found by the fuzz-uploads drill: strace's `\0` escapes decode to U+0000, which jsonb and text refuse.
  it("a failed path with NUL escapes is stored with U+FFFD instead of failing the analysis", async () => {
    const teamId = await createTestTeam();
    const trace = [
      `4100 10:00:00.000001 execve("/bin/cat", ["cat", "/etc/app\\0.conf"], 0x7ffd /* 3 vars */) = 0`,
      `4100 10:00:00.000100 openat(AT_FDCWD, "/etc/app\\0.conf", O_RDONLY) = -1 ENOENT (No such file or directory)`,
      `4100 10:00:00.000200 write(2, "cat: /etc/app: No such file or directory\\n", 41) = 41`,
      `4100 10:00:00.000300 exit_group(1) = ?`,
      `4100 10:00:00.000400 +++ exited with 1 +++`,
    ].join("\n") + "\n";
    const up = await uploadFiles(teamId, [textFile(`nul-${Date.now()}.strace`, trace)]);
    const out = await analyzeUpload({ uploadId: up.id });
    expect(out.events).toBeGreaterThan(0);
    const [report] = await getTraceReports({ teamId, uploadIds: [up.id] });
    expect(JSON.stringify(report.report)).toContain("/etc/app\uFFFD.conf");
  });
});
