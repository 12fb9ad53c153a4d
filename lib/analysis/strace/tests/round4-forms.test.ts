// Forms found in round 4 of the held-out traces (real lines from them): a 401 challenge before the
// credentials, creating what a stat found missing, the directory a failed lookup was in, Python's
// tracebacks re-reading sources, ETXTBSY, and a trace of failed calls only (`strace -Z`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectStrace } from "../index";
import { analyzeTrace, eventsAt } from "./run-trace";

const ROUND4 = join(__dirname, "../../tests/fixtures/heldout/strace/round4");
/** Lines `from`–`to` (1-based) of a round-4 trace. */
const linesOf = (file: string, from: number, to: number) => readFileSync(join(ROUND4, file), "utf8").split("\n").slice(from - 1, to).join("\n");

describe("HTTP 401", () => {
  it("the challenge answered before credentials were sent is not the failure; the 401 to them is", () => {
    const r = analyzeTrace(linesOf("strace-git-clone-http-401-bad-token.txt", 1, 1_000));
    const at = r.events.find((e) => e.class === "http_401");
    expect(at?.line).toBe(23);
    expect(at?.repeatLines).toEqual([21]);
    expect(r.rootCause?.line).toBe(23);
  });
});

describe("creating a path", () => {
  it("a stat that found it missing is the first step of creating it: tar's creat EACCES alone is the failure", () => {
    const r = analyzeTrace(readFileSync(join(ROUND4, "strace-ff-tar-czf-nobody-dist-eacces/trace.23576"), "utf8"), { name: "trace.23576" });
    expect(eventsAt(r)).toEqual(["permission_denied@8", "process_exit@20"]);
  });

  it("cannot is another failure than a read that missed earlier; the missing directory of a failed lookup comes first", () => {
    const r = analyzeTrace(readFileSync(join(ROUND4, "strace-cargo-missing-path-dependency.txt"), "utf8"));
    // 513: statx of the path dependency's directory; 514: its Cargo.toml; 515: cargo's cache file,
    // which it read (249, missing then, tolerated) and now fails to create: its own event.
    expect(eventsAt(r)).toEqual(["enoent@513", "enoent@514", "enoent@515", "process_exit@517"]);
    expect(r.rootCause?.line).toBe(513);
  });
});

describe("Python tracebacks", () => {
  it("reading a module's source whose .pyc was loaded is no new work: the refused connect stays the failure", () => {
    const r = analyzeTrace(readFileSync(join(ROUND4, "strace-python-http-localhost-refused-yy.txt"), "utf8"));
    expect(eventsAt(r)).toEqual(["connection_refused@133", "process_exit@144"]);
  });
});

describe("ETXTBSY", () => {
  it("cp over a running program is refused: permission_denied", () => {
    const r = analyzeTrace(readFileSync(join(ROUND4, "strace-cp-over-running-binary-etxtbsy.txt"), "utf8"));
    expect(eventsAt(r)).toEqual(["permission_denied@140", "process_exit@156"]);
    expect(r.events[0].fields).toMatchObject({ errno: "ETXTBSY", path: "bin/agentd" });
  });
});

describe("a trace of failed calls only (strace -Z)", () => {
  it("shows no repairs and no progress: no failure is named decisive without a report, exits still are", () => {
    const r = analyzeTrace(readFileSync(join(ROUND4, "strace-mvn-offline-parent-pom-missing-failed-only.txt"), "utf8"));
    // (Each JVM thread's exit is its own line: -Z hides the clones that would tie them together.)
    expect(new Set(r.events.map((e) => e.class))).toEqual(new Set(["process_exit"]));
    expect(r.events[0].line).toBe(2357);
  });
});

const ROUND5 = join(__dirname, "../../tests/fixtures/heldout/strace/round5");

describe("round 5", () => {
  it("a -ff file with -r stamps and no pid column (right-aligned: lines start with spaces) is strace", async () => {
    const text = readFileSync(join(ROUND5, "strace-ff-bash-pipefail-grep-missing-log/trace.31239"), "utf8");
    expect(detectStrace(text.split("\n").slice(0, 50))).toBe("strace");
    expect(eventsAt(analyzeTrace(text, { name: "trace.31239" }))).toEqual(["enoent@164", "process_exit@182"]);
  });

  it("probes of a name and of its variants, unreported: the name is the failure (git's X/.git, X.git…; a package's __init__ files)", () => {
    const git = analyzeTrace(readFileSync(join(ROUND5, "strace-git-submodule-update-missing-url-path.txt"), "utf8"));
    expect(git.rootCause?.line).toBe(1563);
    expect(git.events.filter((e) => e.class === "enoent").map((e) => e.fields.path)).toEqual(["/tmp/round5-work/gitroot/shared/proto-defs.git", "/tmp/round5-work/gitroot/shared/proto-defs.git"]);
    const py = analyzeTrace(readFileSync(join(ROUND5, "strace-python-import-package-dangling-symlink.txt"), "utf8"));
    expect(eventsAt(py)[0]).toBe("enoent@159");
  });
});
