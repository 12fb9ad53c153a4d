// Team isolation end to end: another team's incident, upload and log answer 404, in pages and API.
import { createAccount, expect, SIGNED_OUT, signInThroughPage, test } from "./fixtures";
import { corpusFile } from "./support";
import { readFileSync } from "node:fs";

test("another team's incident, upload and log are not found, in pages and over the API", async ({ request, browser }) => {
  // The e2e team uploads a log over the API (bearer token) and waits for its incident.
  const sent = await request.post("/api/v1/uploads?name=go-proxy-403.log", { data: readFileSync(corpusFile("go-proxy-403.log")), headers: { "content-type": "text/plain" } });
  expect(sent.status()).toBe(202);
  const { uploadId } = await sent.json();
  let incidentId: string | null = null;
  await expect(async () => {
    const status = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
    expect(status.status).toBe("done");
    incidentId = status.incidentId;
  }).toPass({ timeout: 60_000 });
  expect(incidentId).toBeTruthy();
  expect((await request.get(`/api/v1/incidents/${incidentId}`)).status()).toBe(200);

  // Someone in another team signs in.
  const outsider = createAccount();
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/login");
  await signInThroughPage(page, outsider);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  for (const path of [`/incidents/${incidentId}`, `/uploads/${uploadId}/log`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  for (const path of [`/api/v1/incidents/${incidentId}`, `/api/v1/uploads/${uploadId}`, `/api/v1/uploads/${uploadId}/lines`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  const list = await (await page.request.get("/api/v1/incidents")).json();
  expect(list.items.map((i: { id: string }) => i.id)).not.toContain(incidentId);
  await context.close();
});
