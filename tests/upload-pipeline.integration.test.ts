// Upload → stored chunks → analysis → events → incident, on a real Postgres with real corpus logs.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { readBlob } from "../lib/storage/postgres-blob-store";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { getIncident } from "../lib/services/get-incident";
import { connectTestDatabase } from "./support/db";
import { corpusFile, corpusText, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

describe("storing uploads", () => {
  it("keeps the bytes compressed and gives them back unchanged", async () => {
    const teamId = await createTestTeam();
    const big = "x".repeat(3 * 1024 * 1024 + 17) + "\nend\n";
    const up = await uploadFiles(teamId, [textFile("big.log", big)]);
    const file = await db().uploadFile.findFirstOrThrow({ where: { uploadId: up.id } });
    const chunks = await db().uploadChunk.findMany({ where: { fileId: file.id }, orderBy: { seq: "asc" } });
    expect(chunks.length).toBe(4);
    expect(gunzipSync(chunks[0].data).length).toBe(1024 * 1024);
    const parts: Buffer[] = [];
    for await (const p of readBlob(file.id)) parts.push(Buffer.from(p));
    expect(Buffer.concat(parts).toString()).toBe(big);
    expect(up.totalBytes).toBe(Buffer.byteLength(big));
  });

  it("rejects an empty file and leaves nothing behind", async () => {
    const teamId = await createTestTeam();
    await expect(uploadFiles(teamId, [textFile("empty.log", "")])).rejects.toThrow(/empty/);
    expect(await db().upload.count({ where: { teamId } })).toBe(0);
  });

  it("recognises the same file uploaded twice by its sha256", async () => {
    const teamId = await createTestTeam();
    const a = await uploadFiles(teamId, [corpusFile("go-proxy-403.log")]);
    const b = await uploadFiles(teamId, [corpusFile("go-proxy-403.log")]);
    expect(b.sha256).toBe(a.sha256);
    expect(a.duplicateOf).toBeNull();
    expect(b.duplicateOf).toBe(a.id);
  });
});

describe("refusing uploads", () => {
  const nothingStored = async (teamId: string) => {
    expect(await db().upload.count({ where: { teamId } })).toBe(0);
    expect(await db().uploadFile.count({ where: { upload: { teamId } } })).toBe(0);
  };
  const bytesFile = (name: string, bytes: Buffer) => ({ name, stream: (async function* () { yield bytes; })() });

  it("refuses a binary file with 415 and keeps nothing of the upload, not even the files before it", async () => {
    const teamId = await createTestTeam();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0)]);
    const err = await uploadFiles(teamId, [corpusFile("go-proxy-403.log"), bytesFile("a.out", elf)]).catch((e) => e);
    expect(err).toMatchObject({ status: 415, message: expect.stringMatching(/a\.out .*NUL bytes/) });
    await nothingStored(teamId);
  });

  it("refuses UTF-16 text and compression other than gzip and zip with 415", async () => {
    const teamId = await createTestTeam();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("go: build failed\n", "utf16le")]);
    await expect(uploadFiles(teamId, [bytesFile("build.log", utf16)])).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/UTF-16/) });
    const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46]);
    await expect(uploadFiles(teamId, [bytesFile("build.log.xz", xz)])).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/xz-compressed/) });
    await nothingStored(teamId);
  });

  it("accepts gzip, zip and text with ANSI colours", async () => {
    const teamId = await createTestTeam();
    const { gzipSync: gz } = await import("node:zlib");
    await uploadFiles(teamId, [bytesFile("build.log.gz", gz(Buffer.from(corpusText("go-proxy-403.log"))))]);
    await uploadFiles(teamId, [corpusFile("gha-logs-catalog.zip")]);
    await uploadFiles(teamId, [textFile("colour.log", "\x1b[31merror\x1b[0m: build failed\r\n")]);
    expect(await db().upload.count({ where: { teamId } })).toBe(3);
  });

  it("refuses more files than the limit with 413, and invalid metadata with 400, keeping nothing", async () => {
    const teamId = await createTestTeam();
    const files = Array.from({ length: 4 }, (_, i) => textFile(`${i}.log`, `line ${i}\n`));
    const { createUpload } = await import("../lib/services/create-upload");
    const tooMany = createUpload({ teamId, files: (async function* () { yield* files; })(), maxFiles: 3 });
    await expect(tooMany).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/at most 3 files/) });
    await expect(uploadFiles(teamId, [textFile("a.log", "x\n")], { runUrl: "not a url" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/runUrl/) });
    // The run URL becomes a link on the incident page: web addresses only.
    for (const runUrl of ["javascript:alert(1)", "data:text/html,<b>x</b>"]) {
      await expect(uploadFiles(teamId, [textFile("a.log", "x\n")], { runUrl })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/http\(s\)/) });
    }
    // Two files of one name would shadow each other in the viewer and the analysis.
    await expect(uploadFiles(teamId, [textFile("build.log", "a\n"), textFile("ci/build.log", "b\n")])).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/two files are named "build.log"/) });
    await nothingStored(teamId);
  });
});

describe("analysis and incidents", () => {
  it("turns a Go checksum mismatch into events and an incident named after the module", async () => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [corpusFile("go-checksum-mismatch.log")], { repo: "acme/ledger-cli", branch: "main" });
    const result = await analyzeUpload({ uploadId: up.id });
    expect(result.rootCause).toMatchObject({ class: "checksum_mismatch", line: 2 });
    const incident = await getIncident({ incidentId: result.incidentId!, teamId });
    expect(incident.title).toBe("checksum mismatch: github.com/acme/greet@v1.0.0 in ledger-cli");
    expect(incident.rootCause).toMatchObject({ class: "checksum_mismatch", line: 2, uploadId: up.id });
    expect(incident.rootCause!.fields).toMatchObject({ module: "github.com/acme/greet", version: "v1.0.0" });
  });

  it("re-analysis replaces the upload's events instead of adding to them", async () => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [corpusFile("npm-eintegrity.log")]);
    const first = await analyzeUpload({ uploadId: up.id });
    const second = await analyzeUpload({ uploadId: up.id });
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(first.events);
    expect(second.events).toBe(first.events);
    expect(second.incidentId).toBe(first.incidentId);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: first.incidentId! } });
    expect(incident.occurrenceCount).toBe(1);
  });

  it("groups a recurrence into the same incident and reopens a resolved one", async () => {
    const teamId = await createTestTeam();
    const log = corpusText("go-proxy-403.log");
    const a = await uploadFiles(teamId, [textFile("run1.log", log)], { repo: "acme/a" });
    const first = await analyzeUpload({ uploadId: a.id });
    await db().incident.update({ where: { id: first.incidentId! }, data: { status: "resolved", resolvedAt: new Date() } });
    const b = await uploadFiles(teamId, [textFile("run2.log", log + "\n")], { repo: "acme/b" });
    const second = await analyzeUpload({ uploadId: b.id });
    expect(second.incidentId).toBe(first.incidentId);
    const incident = await getIncident({ incidentId: first.incidentId!, teamId });
    expect(incident.status).toBe("open");
    expect(incident.occurrenceCount).toBe(2);
    expect(incident.uploads.map((u) => u.id)).toEqual([a.id, b.id]);
    expect(incident.timeline.some((t) => t.kind === "status" && /Reopened/.test(t.title))).toBe(true);
  });

  it("keeps another team's incidents apart", async () => {
    const teamA = await createTestTeam();
    const teamB = await createTestTeam();
    const a = await analyzeUpload({ uploadId: (await uploadFiles(teamA, [corpusFile("go-proxy-404.log")])).id });
    const b = await analyzeUpload({ uploadId: (await uploadFiles(teamB, [corpusFile("go-proxy-404.log")])).id });
    expect(a.incidentId).not.toBe(b.incidentId);
    await expect(getIncident({ incidentId: a.incidentId!, teamId: teamB })).rejects.toThrow(/not found/);
  });
});
