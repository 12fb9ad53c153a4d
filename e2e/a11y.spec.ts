// Accessibility: axe (WCAG 2.x A/AA and best practices) finds no violations on any page, in the light
// and the dark theme. A failure lists each rule with the elements it flagged.
import type { APIRequestContext, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expect, SIGNED_OUT, test } from "./fixtures";
import { axeViolations as violations } from "./axe";
import { corpusFile } from "./support";

type Fixture = { incidentId: string; uploadId: string; token: string };

async function seed(request: APIRequestContext): Promise<Fixture> {
  const res = await request.post("/api/v1/uploads", { multipart: { file: { name: "go-checksum-mismatch.log", mimeType: "text/plain", buffer: await readFile(corpusFile("go-checksum-mismatch.log")) } } });
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  let incidentId = "";
  await expect
    .poll(async () => {
      const s = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
      incidentId = s.incidentId ?? "";
      return s.status;
    }, { timeout: 60_000 })
    .toBe("done");
  const share = await request.post(`/api/v1/incidents/${incidentId}/share`, { data: {} });
  expect(share.status()).toBe(201);
  return { incidentId, uploadId, token: (await share.json()).token };
}

const SCHEMES = ["light", "dark"] as const;

test.describe("axe finds no violations", () => {
  let fx: Fixture;
  test.beforeAll(async ({ request }) => {
    fx = await seed(request);
  });

  const pages: [string, (f: Fixture) => string, (page: Page) => Promise<void>][] = [
    ["overview", () => "/", async (p) => void (await p.getByRole("heading", { level: 1 }).waitFor())],
    ["incidents", () => "/incidents", async (p) => void (await p.getByTestId("incident-row").first().waitFor())],
    ["incident", (f) => `/incidents/${f.incidentId}`, async (p) => void (await p.getByRole("heading", { level: 1 }).waitFor())],
    ["postmortem", (f) => `/incidents/${f.incidentId}/postmortem`, async (p) => void (await p.getByTestId("quality-checks").waitFor())],
    ["upload", () => "/upload", async (p) => void (await p.getByRole("heading", { level: 1 }).waitFor())],
    ["runbooks", () => "/runbooks", async (p) => void (await p.getByRole("heading", { level: 1 }).waitFor())],
    ["log viewer", (f) => `/uploads/${f.uploadId}/log#L2`, async (p) => void (await p.locator("#L2").waitFor())],
  ];

  for (const [name, path, ready] of pages) {
    for (const scheme of SCHEMES) {
      test(`${name} (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path(fx));
        await ready(page);
        await page.waitForLoadState("networkidle");
        expect(await violations(page), `${name} page, ${scheme} theme`).toEqual([]);
      });
    }
  }

  for (const scheme of SCHEMES) {
    test(`shared postmortem, signed out (${scheme})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`/share/${fx.token}`);
      await page.getByTestId("share-banner").waitFor();
      expect(await violations(page), `shared postmortem, ${scheme} theme`).toEqual([]);
      await context.close();
    });
  }
});
