// Share links over the API: POST /api/v1/incidents/:id/share → { token, url }; anyone with the token
// reads GET /api/v1/share/:token without credentials; DELETE revokes it and it answers 404 at once.
import { expect, test } from "./fixtures";
import { corpusFile } from "./support";
import { readFile } from "node:fs/promises";

async function incidentFromCorpus(request: import("@playwright/test").APIRequestContext, name: string): Promise<string> {
  const res = await request.post("/api/v1/uploads", { multipart: { file: { name, mimeType: "text/plain", buffer: await readFile(corpusFile(name)) } } });
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  for (let i = 0; i < 120; i++) {
    const s = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
    if (s.status === "done" && s.incidentId) return s.incidentId;
    if (s.status === "failed") throw new Error(`analysis failed: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("analysis did not finish");
}

test("share links over the API: create, read signed out, revoke → 404", async ({ request, playwright, baseURL }) => {
  const incidentId = await incidentFromCorpus(request, "go-checksum-mismatch.log");
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await request.post(`/api/v1/incidents/${incidentId}/share`, { data: { expiresAt } });
  expect(created.status()).toBe(201);
  const link = await created.json();
  expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(link.url).toBe(`${baseURL}/share/${link.token}`);
  expect(link.expiresAt).toBe(expiresAt);

  const anonymous = await playwright.request.newContext({ baseURL });
  const read = await anonymous.get(`/api/v1/share/${link.token}`);
  expect(read.status()).toBe(200);
  const doc = await read.json();
  expect(doc.header.incidentId).toBe(incidentId);
  expect(doc.content.rootCause).toContain("checksum mismatch");
  expect((await anonymous.get(`/share/${link.token}`)).status()).toBe(200);
  // Revoking needs a team member.
  const refused = await anonymous.delete(`/api/v1/share/${link.token}`);
  expect([401, 403], await refused.text()).toContain(refused.status());

  const listed = await (await request.get(`/api/v1/incidents/${incidentId}/share`)).json();
  expect(listed.items.some((l: { state: string }) => l.state === "active")).toBe(true);
  expect(JSON.stringify(listed)).not.toContain(link.token);

  expect((await request.delete(`/api/v1/share/${link.token}`)).status()).toBe(204);
  const gone = await anonymous.get(`/api/v1/share/${link.token}`);
  expect(gone.status()).toBe(404);
  expect(gone.headers()["content-type"]).toContain("application/problem+json");
  expect((await anonymous.get(`/share/${link.token}`)).status()).toBe(404);
  expect((await anonymous.get("/api/v1/share/not-a-token")).status()).toBe(404);

  const bad = await request.post(`/api/v1/incidents/${incidentId}/share`, { data: { expiresAt: "2001-01-01T00:00:00Z" } });
  expect(bad.status()).toBe(400);
  expect((await request.post(`/api/v1/incidents/does-not-exist/share`)).status()).toBe(404);
  await anonymous.dispose();
});

test("the Markdown export is a text/markdown attachment", async ({ request }) => {
  const incidentId = await incidentFromCorpus(request, "go-checksum-mismatch.log");
  const res = await request.get(`/api/v1/incidents/${incidentId}/postmortem/markdown`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="postmortem-checksum-mismatch-github-com-acme-greet-v1-0-0[a-z0-9-]*\.md"$/);
  const md = await res.text();
  expect(md).toContain("# Postmortem: checksum mismatch: github.com/acme/greet@v1.0.0");
  expect(md).toContain("verifying github.com/acme/greet@v1.0.0: checksum mismatch");
});
