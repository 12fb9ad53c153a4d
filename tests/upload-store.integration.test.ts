// The directory store for raw uploads (FAULTLINE_UPLOAD_STORE=directory): bytes on disk, fsynced,
// index rows in Postgres; read back, analysed and shown in the log viewer like Postgres-stored ones;
// a refused upload leaves no file behind.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { createUpload, type IncomingFile } from "../lib/services/create-upload";
import { readLogLines } from "../lib/services/read-log-lines";
import { readBlob } from "../lib/storage/postgres-blob-store";
import { connectTestDatabase } from "./support/db";
import { corpusFile, corpusText, createTestTeam, textFile } from "./support/upload-factory";

// Read by lib/env when connectTestDatabase() resets the settings cache.
const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-uploads-"));
process.env.FAULTLINE_UPLOAD_DIR = dir;
connectTestDatabase();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const upload = (teamId: string, files: IncomingFile[], metadata: Record<string, string> = {}) =>
  createUpload({ teamId, files: (async function* () { yield* files; })(), metadata: () => metadata, store: "directory" });

function filesOnDisk(): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

describe("directory store", () => {
  it("keeps the bytes on disk, only an index in Postgres, and gives them back unchanged", async () => {
    const teamId = await createTestTeam();
    const lines = Array.from({ length: 60_000 }, (_, i) => `line ${i + 1} ${"x".repeat(40)}`);
    const text = `${lines.join("\n")}\n`;
    const up = await upload(teamId, [textFile("big.log", text)]);
    const file = await db().uploadFile.findFirstOrThrow({ where: { uploadId: up.id } });
    expect(file).toMatchObject({ storage: "directory", storageKey: `${up.id.slice(-2)}/${up.id}/0`, lines: 60_000 });
    const chunks = await db().uploadChunk.findMany({ where: { fileId: file.id }, orderBy: { seq: "asc" } });
    expect(chunks.length).toBe(3);
    expect(chunks.every((c) => c.data.length === 0)).toBe(true);
    expect(chunks.reduce((n, c) => n + c.newlines, 0)).toBe(60_000);
    expect(filesOnDisk().filter((f) => f.startsWith(file.storageKey!)).sort()).toEqual([0, 1, 2].map((s) => `${file.storageKey}/${s}.gz`));
    const parts: Buffer[] = [];
    for await (const p of readBlob(file.id)) parts.push(Buffer.from(p));
    expect(Buffer.concat(parts).toString()).toBe(text);
    // The log viewer jumps into the middle through the index rows.
    const window = await readLogLines({ teamId, uploadId: up.id, from: 45_000, count: 2 });
    expect(window.lines.map((l) => l.text)).toEqual([lines[44_999], lines[45_000]]);
  });

  it("analyses a directory-stored archive into an incident", async () => {
    const teamId = await createTestTeam();
    const up = await upload(teamId, [corpusFile("gha-logs-catalog.zip")]);
    const result = await analyzeUpload({ uploadId: up.id });
    expect(result.rootCause).toMatchObject({ class: "compile_error" });
    expect(result.incidentId).not.toBeNull();
  });

  it("removes what a refused upload had written to disk", async () => {
    const teamId = await createTestTeam();
    // Files and directories below the shared fan-out directories (`<xx>/`).
    const entries = () => readdirSync(dir, { recursive: true }).filter((p) => String(p).includes(path.sep)).length;
    const before = entries();
    const binary = { name: "core", stream: (async function* () { yield Buffer.alloc(2048, 0); })() };
    await expect(upload(teamId, [textFile("ok.log", corpusText("go-proxy-403.log")), binary])).rejects.toMatchObject({ status: 415 });
    expect(await db().upload.count({ where: { teamId } })).toBe(0);
    expect(entries()).toBe(before);
  });
});
