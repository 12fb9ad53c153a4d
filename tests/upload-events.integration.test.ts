// GET /api/v1/uploads/:id/events through the real route handler on a real Postgres: progress the
// worker writes arrives as `progress` events, the stream ends with `done`, access is team-scoped, and
// a client that goes away stops the polling.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "../app/api/v1/uploads/[id]/events/route";
import { db } from "../lib/db/client";
import type { UploadStatus } from "../lib/generated/prisma/enums";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { apiRequest, createTestAccount, params, sessionCookieOf, tokenFor, type TestAccount } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";
import { serverSentEventReader } from "./support/read-server-sent-events";
import { corpusFile, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

let owner: TestAccount;
let token: string;

beforeAll(async () => {
  owner = await createTestAccount();
  token = await tokenFor(owner.teamId, ["read"]);
});

const openEvents = (uploadId: string, init: Parameters<typeof apiRequest>[1] = { token }) =>
  eventsRoute(apiRequest(`/api/v1/uploads/${uploadId}/events`, init), params({ id: uploadId }));

const setProgress = (id: string, data: { status?: UploadStatus; analysedBytes?: number; eventCount?: number }) =>
  db().upload.update({
    where: { id },
    data: { ...data, analysedBytes: data.analysedBytes === undefined ? undefined : BigInt(data.analysedBytes) },
  });

describe("upload progress events", () => {
  it("sends the current state, each change the worker writes, and ends with done", async () => {
    const up = await uploadFiles(owner.teamId, [textFile(`events-${Date.now()}.log`, "line one\nline two\n".repeat(50))]);
    const res = await openEvents(up.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const events = serverSentEventReader(res.body!);

    expect(await events.next()).toMatchObject({ event: "progress", data: { id: up.id, status: "received", analysedBytes: 0, totalBytes: up.totalBytes } });
    await setProgress(up.id, { status: "analyzing", analysedBytes: 400, eventCount: 1 });
    expect(await events.next()).toMatchObject({ event: "progress", data: { status: "analyzing", analysedBytes: 400, eventCount: 1 } });
    await setProgress(up.id, { analysedBytes: up.totalBytes, eventCount: 3 });
    expect(await events.next()).toMatchObject({ event: "progress", data: { analysedBytes: up.totalBytes, eventCount: 3 } });
    await setProgress(up.id, { status: "done" });
    expect(await events.next()).toMatchObject({ event: "done", data: { status: "done", eventCount: 3 } });
    expect(await events.next()).toBeNull();
  });

  it("follows a real analysis to done with the incident id", async () => {
    const up = await uploadFiles(owner.teamId, [corpusFile("go-checksum-mismatch.log")]);
    const events = serverSentEventReader((await openEvents(up.id)).body!);
    const analysis = analyzeUpload({ uploadId: up.id });
    const seen = [];
    for (let e = await events.next(); e; e = await events.next()) seen.push(e);
    const { incidentId } = await analysis;
    expect(incidentId).toBeTruthy();
    expect(seen.slice(0, -1).every((e) => e.event === "progress")).toBe(true);
    expect(seen.at(-1)).toMatchObject({ event: "done", data: { status: "done", incidentId, rootCause: { class: "checksum_mismatch" } } });
  });

  it("answers a finished upload with done at once, and a failed analysis with done carrying the error", async () => {
    const up = await uploadFiles(owner.teamId, [textFile(`failed-${Date.now()}.log`, "x\n")]);
    await setProgress(up.id, { status: "failed" });
    await db().upload.update({ where: { id: up.id }, data: { error: "the archive is unsafe" } });
    const events = serverSentEventReader((await openEvents(up.id)).body!);
    expect(await events.next()).toMatchObject({ event: "done", data: { status: "failed", error: "the archive is unsafe" } });
    expect(await events.next()).toBeNull();
  });

  it("accepts the session cookie, and answers 401 without credentials", async () => {
    const up = await uploadFiles(owner.teamId, [textFile(`cookie-${Date.now()}.log`, "x\n")]);
    const res = await openEvents(up.id, { cookie: await sessionCookieOf(owner) });
    expect(res.status).toBe(200);
    await res.body!.cancel();
    const anonymous = await openEvents(up.id, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers 404 problem+json for another team's upload, like an id that does not exist", async () => {
    const up = await uploadFiles(owner.teamId, [textFile(`private-${Date.now()}.log`, "x\n")]);
    const stranger = await createTestAccount();
    const other = await openEvents(up.id, { token: await tokenFor(stranger.teamId, ["read"]) });
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect((await openEvents("no-such-upload")).status).toBe(404);
  });

  it("ends the stream when the client disconnects", async () => {
    const up = await uploadFiles(owner.teamId, [textFile(`gone-${Date.now()}.log`, "x\n")]);
    const client = new AbortController();
    const res = await openEvents(up.id, { token, signal: client.signal });
    const events = serverSentEventReader(res.body!);
    expect(await events.next()).toMatchObject({ event: "progress" });
    client.abort();
    // The upload never finishes, so only the disconnect can end the stream.
    await expect(events.next()).resolves.toBeNull();
  });
});
