// Deleting an upload (DELETE /api/v1/uploads/:id): rows, events, chunks and bytes on disk go; its
// incident is recounted and notes it, or goes with it when it was the last build; scopes and teams.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "../app/api/v1/uploads/[id]/route";
import { db } from "../lib/db/client";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { createUpload } from "../lib/services/create-upload";
import { isOnlyBuildOfIncident } from "../lib/services/delete-upload";
import { apiRequest, createTestAccount, params, tokenFor } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";
import { corpusText, textFile } from "./support/upload-factory";

const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-delete-"));
process.env.FAULTLINE_UPLOAD_DIR = dir;
connectTestDatabase();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

/** One build of the corpus's checksum-mismatch failure (a variant line keeps each upload distinct). */
async function build(teamId: string, variant: string, store: "postgres" | "directory" = "postgres") {
  const up = await createUpload({
    teamId,
    files: (async function* () { yield textFile(`${variant}.log`, `${corpusText("go-checksum-mismatch.log")}\n# ${variant}\n`); })(),
    metadata: () => ({ repo: "acme/ledger", job: variant }),
    store,
  });
  const analysed = await analyzeUpload({ uploadId: up.id });
  return { uploadId: up.id, incidentId: analysed.incidentId! };
}

const del = (id: string, token: string) => deleteRoute(apiRequest(`/api/v1/uploads/${id}`, { method: "DELETE", token }), params({ id }));

describe("deleting an upload", () => {
  it("removes its rows, events and bytes; the incident keeps its other build, recounted, and says so", async () => {
    const owner = await createTestAccount();
    const token = await tokenFor(owner.teamId, ["read", "write"]);
    const a = await build(owner.teamId, "job-a", "directory");
    const b = await build(owner.teamId, "job-b");
    expect(b.incidentId).toBe(a.incidentId);
    expect(await db().incident.findUniqueOrThrow({ where: { id: a.incidentId } })).toMatchObject({ occurrenceCount: 2 });
    expect(await isOnlyBuildOfIncident({ teamId: owner.teamId, incidentId: a.incidentId })).toBe(false);
    const filesBefore = onDisk();
    expect(filesBefore).toBeGreaterThan(0);
    expect(await db().errorEvent.count({ where: { uploadId: a.uploadId } })).toBeGreaterThan(0);

    const res = await del(a.uploadId, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ uploadId: a.uploadId, incidentId: a.incidentId, incidentDeleted: false });
    expect(await db().upload.findUnique({ where: { id: a.uploadId } })).toBeNull();
    expect(await db().errorEvent.count({ where: { uploadId: a.uploadId } })).toBe(0);
    expect(await db().uploadFile.count({ where: { uploadId: a.uploadId } })).toBe(0);
    expect(onDisk()).toBe(filesBefore - 1);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: a.incidentId }, include: { timeline: true } });
    expect(incident.occurrenceCount).toBe(1);
    const entry = incident.timeline.find((t) => t.kind === "delete");
    expect(entry?.title).toMatch(/^Deleted build acme\/ledger job-a \(job-a\.log\)$/);
    expect(entry?.detail).toBe("by an API token");
    expect(incident.timeline.some((t) => t.uploadId === a.uploadId)).toBe(false);
    expect((await del(a.uploadId, token)).status).toBe(404);
  });

  it("takes the incident with it when it was the last build", async () => {
    const owner = await createTestAccount();
    const token = await tokenFor(owner.teamId, ["write"]);
    const only = await build(owner.teamId, "solo");
    await db().timelineEntry.create({ data: { incidentId: only.incidentId, at: new Date(), kind: "note", title: "looking" } });
    expect(await isOnlyBuildOfIncident({ teamId: owner.teamId, incidentId: only.incidentId })).toBe(true);
    const res = await del(only.uploadId, token);
    expect(await res.json()).toEqual({ uploadId: only.uploadId, incidentId: only.incidentId, incidentDeleted: true });
    expect(await db().incident.findUnique({ where: { id: only.incidentId } })).toBeNull();
    expect(await db().timelineEntry.count({ where: { incidentId: only.incidentId } })).toBe(0);
    // The same log uploaded again is a new upload (the duplicate check found nothing) and a new incident.
    const again = await build(owner.teamId, "solo");
    expect(again.incidentId).not.toBe(only.incidentId);
  });

  it("needs the write scope, and another team's upload is 404", async () => {
    const [owner, other] = [await createTestAccount(), await createTestAccount()];
    const b = await build(owner.teamId, "kept");
    const ci = await del(b.uploadId, await tokenFor(owner.teamId, ["upload", "read"]));
    expect(ci.status).toBe(403);
    expect((await del(b.uploadId, await tokenFor(other.teamId, ["write"]))).status).toBe(404);
    expect(await db().upload.findUnique({ where: { id: b.uploadId } })).not.toBeNull();
  });

  it("refuses an upload whose bytes are still arriving", async () => {
    const owner = await createTestAccount();
    const b = await build(owner.teamId, "arriving");
    await db().upload.update({ where: { id: b.uploadId }, data: { status: "receiving" } });
    const res = await del(b.uploadId, await tokenFor(owner.teamId, ["write"]));
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/still being received/);
  });
});
