// Team isolation through the real route handlers: another team's incident, upload and log ids answer
// 404 exactly like ids that do not exist, and roles and scopes are enforced.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as addNoteRoute } from "../app/api/v1/incidents/[id]/notes/route";
import { GET as getIncidentRoute, PATCH as patchIncidentRoute } from "../app/api/v1/incidents/[id]/route";
import { GET as listIncidentsRoute } from "../app/api/v1/incidents/route";
import { GET as getLinesRoute } from "../app/api/v1/uploads/[id]/lines/route";
import { GET as getUploadRoute } from "../app/api/v1/uploads/[id]/route";
import { POST as postUploadRoute } from "../app/api/v1/uploads/route";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { listRunbooks } from "../lib/services/list-runbooks";
import { revokeApiToken } from "../lib/services/revoke-api-token";
import { updateRunbook } from "../lib/services/update-runbook";
import { db } from "../lib/db/client";
import { BUILTIN_RUNBOOKS } from "../lib/runbooks";
import { apiRequest, createTestAccount, ORIGIN, params, sessionCookieOf, tokenFor, type TestAccount } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";
import { corpusFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

let alice: TestAccount; // owner of team A, which has an incident
let bob: TestAccount; // owner of team B
let incidentId: string;
let uploadId: string;
let aliceToken: string;
let bobToken: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount(), createTestAccount()]);
  const up = await uploadFiles(alice.teamId, [corpusFile("go-checksum-mismatch.log")]);
  const result = await analyzeUpload({ uploadId: up.id });
  uploadId = up.id;
  incidentId = result.incidentId!;
  [aliceToken, bobToken] = await Promise.all([tokenFor(alice.teamId), tokenFor(bob.teamId)]);
});

async function status(res: Promise<Response>): Promise<number> {
  return (await res).status;
}

describe("another team's ids answer 404", () => {
  it("over bearer tokens: incident, upload, log lines", async () => {
    expect(await status(getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { token: aliceToken }), params({ id: incidentId })))).toBe(200);
    expect(await status(getUploadRoute(apiRequest(`/api/v1/uploads/${uploadId}`, { token: aliceToken }), params({ id: uploadId })))).toBe(200);
    expect(await status(getLinesRoute(apiRequest(`/api/v1/uploads/${uploadId}/lines`, { token: aliceToken }), params({ id: uploadId })))).toBe(200);

    const other = await getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { token: bobToken }), params({ id: incidentId }));
    const missing = await getIncidentRoute(apiRequest(`/api/v1/incidents/nope`, { token: bobToken }), params({ id: "nope" }));
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    // Indistinguishable from an id that does not exist (apart from the id itself).
    const body = await other.json();
    expect(body.title).toBe((await missing.json()).title);
    expect(body.detail).not.toContain(alice.teamId);
    expect(await status(getUploadRoute(apiRequest(`/api/v1/uploads/${uploadId}`, { token: bobToken }), params({ id: uploadId })))).toBe(404);
    expect(await status(getLinesRoute(apiRequest(`/api/v1/uploads/${uploadId}/lines`, { token: bobToken }), params({ id: uploadId })))).toBe(404);
  });

  it("over session cookies too", async () => {
    const bobCookie = await sessionCookieOf(bob);
    const aliceCookie = await sessionCookieOf(alice);
    expect(await status(getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { cookie: aliceCookie }), params({ id: incidentId })))).toBe(200);
    expect(await status(getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { cookie: bobCookie }), params({ id: incidentId })))).toBe(404);
    expect(await status(getUploadRoute(apiRequest(`/api/v1/uploads/${uploadId}`, { cookie: bobCookie }), params({ id: uploadId })))).toBe(404);
  });

  it("lists only the caller's team", async () => {
    const list = async (token: string) => (await (await listIncidentsRoute(apiRequest(`/api/v1/incidents`, { token }), params({}))).json()).items.map((i: { id: string }) => i.id);
    expect(await list(aliceToken)).toContain(incidentId);
    expect(await list(bobToken)).not.toContain(incidentId);
  });

  it("runbook edits belong to the team that made them", async () => {
    const key = BUILTIN_RUNBOOKS[0].id;
    const original = (await listRunbooks({ teamId: bob.teamId })).find((r) => r.key === key)!;
    const { summary, diagnose, fix, prevent } = original;
    await updateRunbook({ teamId: alice.teamId, key, runbook: { title: "Alice's own title", summary, diagnose, fix, prevent } });
    expect((await listRunbooks({ teamId: alice.teamId })).find((r) => r.key === key)!.title).toBe("Alice's own title");
    expect((await listRunbooks({ teamId: bob.teamId })).find((r) => r.key === key)!.title).toBe(original.title);
  });
});

describe("credentials", () => {
  it("no credentials: 401 problem+json with a WWW-Authenticate challenge", async () => {
    const res = await listIncidentsRoute(apiRequest(`/api/v1/incidents`), params({}));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("a wrong, malformed or revoked bearer token is 401 (and never falls back to the cookie)", async () => {
    const cookie = await sessionCookieOf(alice);
    for (const authorization of ["Bearer flt_wrong", "Bearer", "Basic abc", `Bearer ${aliceToken}x`]) {
      const res = await listIncidentsRoute(apiRequest(`/api/v1/incidents`, { cookie, headers: { authorization } }), params({}));
      expect(res.status, authorization).toBe(401);
    }
    const token = await tokenFor(alice.teamId);
    expect(await status(listIncidentsRoute(apiRequest(`/api/v1/incidents`, { token }), params({})))).toBe(200);
    const row = await db().apiToken.findFirstOrThrow({ where: { teamId: alice.teamId }, orderBy: { createdAt: "desc" } });
    await revokeApiToken({ teamId: alice.teamId, tokenId: row.id });
    expect(await status(listIncidentsRoute(apiRequest(`/api/v1/incidents`, { token }), params({})))).toBe(401);
  });

  it("an expired session is 401", async () => {
    const cookie = await sessionCookieOf(alice);
    const id = (await db().session.findFirstOrThrow({ where: { userId: alice.userId }, orderBy: { createdAt: "desc" } })).id;
    await db().session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(listIncidentsRoute(apiRequest(`/api/v1/incidents`, { cookie }), params({})))).toBe(401);
  });
});

describe("roles and scopes", () => {
  const upload = (creds: { token?: string; cookie?: string }) =>
    postUploadRoute(apiRequest(`/api/v1/uploads?name=x.log`, { method: "POST", body: "hello\n", headers: { "content-type": "text/plain" }, origin: ORIGIN, ...creds }), params({}));

  it("a viewer reads but cannot upload", async () => {
    const viewer = await createTestAccount({ teamId: alice.teamId, role: "viewer" });
    const cookie = await sessionCookieOf(viewer);
    expect(await status(getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { cookie }), params({ id: incidentId })))).toBe(200);
    const res = await upload({ cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toMatch(/upload/);
  });

  it("a read-only token cannot upload; an upload-only token cannot read", async () => {
    expect(await status(upload({ token: await tokenFor(alice.teamId, ["read"]) }))).toBe(403);
    const uploadOnly = await tokenFor(alice.teamId, ["upload"]);
    expect(await status(getIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { token: uploadOnly }), params({ id: incidentId })))).toBe(403);
  });

  it("editing an incident needs the write scope: an upload-and-read CI token cannot change it", async () => {
    const patch = (token: string) =>
      patchIncidentRoute(apiRequest(`/api/v1/incidents/${incidentId}`, { method: "PATCH", body: JSON.stringify({ owner: "mallory" }), headers: { "content-type": "application/json" }, token }), params({ id: incidentId }));
    const note = (token: string) =>
      addNoteRoute(apiRequest(`/api/v1/incidents/${incidentId}/notes`, { method: "POST", body: JSON.stringify({ text: "n" }), headers: { "content-type": "application/json" }, token }), params({ id: incidentId }));
    const ci = await tokenFor(alice.teamId, ["upload", "read"]);
    const refused = await patch(ci);
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toMatch(/"write" scope/);
    expect(await status(note(ci))).toBe(403);
    expect((await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).owner).not.toBe("mallory");

    const editor = await tokenFor(alice.teamId, ["read", "write"]);
    expect(await status(patch(editor))).toBe(200);
    expect((await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).owner).toBe("mallory");
    expect(await status(note(editor))).toBe(201);
    // A member's session has every scope but token management.
    const member = await createTestAccount({ teamId: alice.teamId, role: "member" });
    const res = await patchIncidentRoute(
      apiRequest(`/api/v1/incidents/${incidentId}`, { method: "PATCH", body: JSON.stringify({ owner: "bob" }), headers: { "content-type": "application/json" }, cookie: await sessionCookieOf(member), origin: ORIGIN }),
      params({ id: incidentId }),
    );
    expect(res.status).toBe(200);
  });

  it("a cookie-authenticated upload from another site is refused (CSRF)", async () => {
    const member = await createTestAccount({ teamId: alice.teamId, role: "member" });
    const cookie = await sessionCookieOf(member);
    const before = await db().upload.count({ where: { teamId: alice.teamId } });
    for (const attempt of [{ origin: "https://evil.example" }, { origin: null }, { origin: ORIGIN, fetchSite: "cross-site" }, { origin: "null" }]) {
      const req = apiRequest(`/api/v1/uploads?name=x.log`, { method: "POST", body: "hello\n", headers: { "content-type": "text/plain" }, cookie, ...attempt });
      const res = await postUploadRoute(req, params({}));
      expect(res.status, JSON.stringify(attempt)).toBe(403);
    }
    expect(await db().upload.count({ where: { teamId: alice.teamId } })).toBe(before);
  });
});
