// The log viewer's reads: any window of a stored file, plain, gzip or inside a zip archive.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readLogLines } from "../lib/services/read-log-lines";
import { connectTestDatabase } from "./support/db";
import { corpusFile, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

function numbered(n: number, width: number): string {
  let s = "";
  for (let i = 1; i <= n; i++) s += `line ${i} `.padEnd(width, "x") + "\n";
  return s;
}

describe("readLogLines", () => {
  it("jumps into the middle of a multi-chunk plain file, across chunk boundaries", async () => {
    const teamId = await createTestTeam();
    // ~3.2 MiB: lines of 333 bytes do not align with 1 MiB chunks, so lines straddle boundaries.
    const text = numbered(10_000, 332);
    const up = await uploadFiles(teamId, [textFile("big.log", text)]);
    const w = await readLogLines({ teamId, uploadId: up.id, from: 3149, count: 3 });
    expect(w.totalLines).toBe(10_000);
    expect(w.lines.map((l) => l.no)).toEqual([3149, 3150, 3151]);
    for (const l of w.lines) expect(l.text.startsWith(`line ${l.no} `)).toBe(true);
    const end = await readLogLines({ teamId, uploadId: up.id, from: 9_999, count: 5 });
    expect(end.lines.map((l) => l.no)).toEqual([9_999, 10_000]);
    expect(end.hasMore).toBe(false);
  });

  it("reads gzip files by decompressing them", async () => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [{ name: "build.log.gz", stream: (async function* () { yield gzipSync(numbered(50, 20)); })() }]);
    const w = await readLogLines({ teamId, uploadId: up.id, from: 10, count: 2 });
    expect(w.lines.map((l) => l.text.split(" ").slice(0, 2).join(" "))).toEqual(["line 10", "line 11"]);
    expect(w.totalLines).toBeNull();
  });

  it("reads a member of a GitHub Actions log archive by its path", async () => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [corpusFile("gha-logs-catalog.zip")]);
    const w = await readLogLines({ teamId, uploadId: up.id, file: "frontend/2_Run npm install.txt", from: 1, count: 50 });
    expect(w.member).toBe("frontend/2_Run npm install.txt");
    expect(w.lines.some((l) => /E404/.test(l.text))).toBe(true);
    await expect(readLogLines({ teamId, uploadId: up.id, file: "nope.txt" })).rejects.toThrow(/not found/);
  });

  it("answers not found for another team's upload", async () => {
    const teamId = await createTestTeam();
    const other = await createTestTeam();
    const up = await uploadFiles(teamId, [textFile("a.log", "hello\n")]);
    await expect(readLogLines({ teamId: other, uploadId: up.id })).rejects.toThrow(/not found/);
  });
});
