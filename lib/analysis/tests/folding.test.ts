// Fingerprints, folding of repeats, root cause and causal chain.
import { describe, expect, it } from "vitest";
import { normalizeForFingerprint } from "../engine/fingerprint";
import { analyze } from "./helpers";

describe("fingerprints", () => {
  it("are stable across runs: timestamps, temp dirs, ports, pids, durations, hex ids differ", async () => {
    const run = (tmp: string, port: number, pid: number, t: string) =>
      analyze(`${t} go build example.com/x: copying /tmp/go-build${tmp}/b001/exe/a.out: open dist/x: permission denied\n${t} 2026-01-01 10:00:00.1 UTC [${pid}] FATAL:  sorry, too many clients already\nconnect ECONNREFUSED 127.0.0.1:${port} after 12ms`);
    const a = await run("1699234821", 18099, 22175, "2026-11-20T22:02:24.5680529Z");
    const b = await run("8812734411", 41234, 9001, "2027-01-02T01:00:00.0000001Z");
    expect(a.events.map((e) => e.fingerprint)).toEqual(b.events.map((e) => e.fingerprint));
  });

  it("differ for different failures", async () => {
    const r = await analyze("fatal: repository 'http://h/a.git/' not found\nfatal: repository 'http://h/b.git/' not found\n");
    expect(new Set(r.events.map((e) => e.fingerprint)).size).toBe(2);
  });

  it("normalization keeps what identifies the failure", () => {
    expect(normalizeForFingerprint("reading http://127.0.0.1:18081/github.com/acme/greet/@v/v1.2.0.mod: 404 Not Found (0.007s)")).toBe(
      "reading http://127.0.0.1:<port>/github.com/acme/greet/@v/v1.2.0.mod: 404 Not Found (<dur>)",
    );
  });
});

describe("folding", () => {
  it("retries of the same statement fold with count and repeat lines", async () => {
    const r = await analyze(Array.from({ length: 4 }, () => "npm warn tarball tarball data for a@1.0.0 (sha512-x==) seems to be corrupted. Trying again.").join("\n"));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ count: 4, repeatLines: [2, 3, 4] });
  });

  it("the same failure in two CI steps is two events", async () => {
    const r = await analyze("##[group]Run a\n##[error]Process completed with exit code 1.\n##[group]Run b\n##[error]Process completed with exit code 1.\n");
    expect(r.events.map((e) => [e.line, e.count])).toEqual([[2, 1], [4, 1]]);
  });

  it("a summary never folds into an unrelated failure", async () => {
    const r = await analyze("fatal: repository 'http://h/a.git/' not found\nnpm error code E404\nnpm error 404 Not Found - GET http://registry/b\n");
    expect(r.events.map((e) => [e.class, e.line])).toEqual([["not_found", 1], ["not_found", 2]]);
  });
});

describe("root cause", () => {
  it("skips exit-status consequences and npm's trailer", async () => {
    const r = await analyze("exit status 1\nnpm error code E401\nnpm error A complete log of this run can be found in: /x.log\n##[error]Process completed with exit code 1.\n");
    expect(r.rootCause).toMatchObject({ class: "http_401", line: 2, eventIndex: 1 });
    expect(r.causalChain).toEqual([1, 2]);
  });

  it("is the exit when nothing else was found, and null for a clean log", async () => {
    expect((await analyze("##[error]Process completed with exit code 2.\n")).rootCause).toMatchObject({ class: "process_exit", line: 1 });
    expect((await analyze("all good\n")).rootCause).toBeNull();
  });

  it("the first of several independent failures", async () => {
    const r = await analyze("psql: error: connection to server at \"db\", port 5432 failed: Connection refused\n./main.go:1:1: undefined: x\n");
    expect(r.rootCause?.line).toBe(1);
  });
});
