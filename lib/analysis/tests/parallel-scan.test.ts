// The parallel pre-scan must give exactly the sequential result: same events, lines, folding, steps,
// with statements that straddle chunk boundaries and continuation blocks.
import { afterEach, describe, expect, it } from "vitest";
import { analyzeChunked } from "./helpers";

function bigLog(): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < 4000; i++) {
    parts.push(`2026-11-20T22:02:${String(i % 60).padStart(2, "0")}.0000000Z go: downloading github.com/org${i % 7}/lib v1.${i % 9}.0`);
    if (i % 250 === 0) parts.push(`##[group]Run step ${i}`, "##[endgroup]");
    if (i % 97 === 0) parts.push(`verifying github.com/org${i % 5}/lib@v1.0.${i % 3}: checksum mismatch`, "\tdownloaded: h1:AAA=", "\tgo.sum:     h1:BBB=", "", "SECURITY ERROR");
    if (i % 131 === 0) parts.push("npm error code E404", `npm error 404 Not Found - GET http://r/p${i % 4}`, "npm error A complete log of this run can be found in: /x.log");
    if (i % 173 === 0) parts.push("\x1b[31mfatal: repository 'http://h/x.git/' not found\x1b[0m\r");
  }
  return Buffer.from(parts.join("\n") + "\n");
}

describe("parallel pre-scan", () => {
  afterEach(() => {
    delete process.env.FAULTLINE_PARALLEL_AFTER_MB;
  });

  it("matches the sequential scan for any chunking", async () => {
    const data = bigLog();
    process.env.FAULTLINE_PARALLEL_AFTER_MB = "1000";
    const sequential = await analyzeChunked(data, 4096);
    expect(sequential.events.length).toBeGreaterThan(10);
    process.env.FAULTLINE_PARALLEL_AFTER_MB = "0";
    for (const size of [4096, 65536, 777]) {
      const parallel = await analyzeChunked(data, size);
      expect(parallel.events).toEqual(sequential.events);
      expect(parallel.steps).toEqual(sequential.steps);
      expect(parallel.stats.lines).toBe(sequential.stats.lines);
    }
  });
});
