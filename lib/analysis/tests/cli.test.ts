// The `faultline analyze` command: one JSON document with --json, a readable report otherwise, exit 2
// with a message on stderr for unreadable input.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCommand, type CommandIO } from "../cli/analyze-command";

function capture(): CommandIO & { out: string; err: string } {
  const io = { out: "", err: "", color: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), "faultline-cli-"));
const log = join(dir, "build.log");
writeFileSync(log, "2026-11-20T22:02:24.5680529Z ##[group]Run npm ci\nnpm error code E404\nnpm error 404 Not Found - GET http://r/x\n##[error]Process completed with exit code 1.\n");

describe("faultline analyze", () => {
  it("--json prints exactly one JSON document with the documented keys", async () => {
    const io = capture();
    expect(await analyzeCommand([log, "--json"], io)).toBe(0);
    expect(io.out.trim().split("\n")).toHaveLength(1);
    const doc = JSON.parse(io.out);
    expect(Object.keys(doc).slice(0, 4)).toEqual(["format", "events", "rootCause", "stats"]);
    expect(doc.events[0]).toMatchObject({ class: "not_found", line: 2, endLine: 3, step: "Run npm ci", fields: { url: "http://r/x" }, count: 1 });
    expect(typeof doc.events[0].fingerprint).toBe("string");
    expect(doc.rootCause).toMatchObject({ class: "not_found", line: 2 });
    expect(doc.stats).toMatchObject({ lines: 4 });
    expect(io.err).toBe("");
  });

  it("the terminal report leads with the root cause, its lines and runbook", async () => {
    const io = capture();
    expect(await analyzeCommand([log], io)).toBe(0);
    const lines = io.out.split("\n");
    expect(lines[2]).toMatch(/^Root cause: not_found at line 2-3/);
    expect(io.out).toContain("│ npm error 404 Not Found - GET http://r/x");
    expect(io.out).toContain("runbook: npm-error");
    expect(io.out).toMatch(/process_exit {2}×1/);
  });

  it("unreadable input exits 2 with a message on stderr", async () => {
    for (const args of [[join(dir, "missing.log")], [dir], []]) {
      const io = capture();
      expect(await analyzeCommand(args, io)).toBe(2);
      expect(io.err).not.toBe("");
      expect(io.out).toBe("");
    }
  });
});
