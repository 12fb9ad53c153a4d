// The process tree of the corpus's strace-make-parallel-failure.txt (make -j2: one recipe's `cat` of a
// missing file fails while another recipe runs) as the analyzer stores it.
import { describe, expect, it } from "vitest";
import type { StoredProcess } from "@/lib/services/stored-trace-report";
import { commandLine, exitStatus, failingProcess, prepareProcessTree } from "./process-tree-data";

const make: StoredProcess[] = [
  { pid: 22879, argv: ["make", "-j2"], exe: "/usr/bin/make", exitCode: 2, startedAt: "2026-11-20T22:03:32.376Z", endedAt: "2026-11-20T22:03:32.740Z" },
  { pid: 22880, parentPid: 22879, argv: ["/bin/sh", "-c", "cat config/release-manifest.ini > build-manifest.txt"], exitCode: 1, startedAt: "2026-11-20T22:03:32.399Z" },
  { pid: 22881, parentPid: 22879, argv: ["sleep", "0.3"], exitCode: 0, startedAt: "2026-11-20T22:03:32.411Z" },
  { pid: 22882, parentPid: 22880, argv: ["cat", "config/release-manifest.ini"], exitCode: 1, startedAt: "2026-11-20T22:03:32.414Z" },
  { pid: 22883, parentPid: 22879, argv: ["/bin/sh", "-c", "sha256sum Makefile > build-checksums.txt"], exitCode: 0, startedAt: "2026-11-20T22:03:32.731Z" },
  { pid: 22884, parentPid: 22883, argv: ["sha256sum", "Makefile"], exitCode: 0, startedAt: "2026-11-20T22:03:32.736Z" },
];

describe("prepareProcessTree", () => {
  it("draws make's children in start order under it and marks the failing cat and its ancestors", () => {
    const tree = prepareProcessTree(make, 22882);
    expect(tree.rows.map((r) => [r.process.pid, r.depth, r.failing, r.onFailingPath])).toEqual([
      [22879, 0, false, true],
      [22880, 1, false, true],
      [22882, 2, true, false],
      [22881, 1, false, false],
      [22883, 1, false, false],
      [22884, 2, false, false],
    ]);
    expect(tree.rows[2].startOffsetMs).toBe(38);
    expect(tree.hidden).toBe(0);
  });

  it("over the limit keeps the failing branch and says how many it left out", () => {
    const tree = prepareProcessTree(make, 22884, 2);
    expect(tree.rows.map((r) => r.process.pid)).toEqual([22879, 22880, 22883, 22884]);
    expect(tree.hidden).toBe(2);
  });

  it("a failing thread points at the process it belongs to (npm's libuv resolver threads)", () => {
    expect(failingProcess(make, 32203, new Map([[32203, 22879]]))).toBe(22879);
    expect(failingProcess(make, 1)).toBeUndefined();
  });
});

describe("commandLine and exitStatus", () => {
  it("quotes arguments a shell would split and says how a process ended", () => {
    expect(commandLine(make[1])).toBe("/bin/sh -c 'cat config/release-manifest.ini > build-manifest.txt'");
    expect(commandLine({ pid: 1, argv: ["echo", "it's"] })).toBe("echo 'it'\\''s'");
    expect(exitStatus(make[3])).toEqual({ text: "exit 1", failed: true });
    expect(exitStatus({ pid: 1, signal: "SIGKILL" })).toEqual({ text: "killed by SIGKILL", failed: true });
    expect(exitStatus({ pid: 1 }).failed).toBe(false);
  });
});
