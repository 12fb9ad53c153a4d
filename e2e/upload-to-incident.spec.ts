// The first vertical slice: a real failed Go build log, uploaded through the page, becomes an incident
// whose root cause names the right class and line.
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";

test("uploading a Go checksum-mismatch log opens an incident with the root cause line", async ({ page }) => {
  await page.goto("/upload");
  await expect(page.getByRole("heading", { name: "Upload logs" })).toBeVisible();
  await page.getByLabel(/log files/i).setInputFiles(corpusFile("go-checksum-mismatch.log"));
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(page.getByRole("progressbar", { name: "Transfer" })).toBeVisible();
  const open = page.getByRole("link", { name: "Open the incident" });
  await expect(open).toBeVisible({ timeout: 30_000 });
  await screenshotBoth(page, "upload-done");
  await open.click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("checksum mismatch: github.com/acme/greet@v1.0.0");
  const rootCause = page.getByRole("region", { name: "Root cause" });
  await expect(rootCause.locator("[data-class]")).toHaveAttribute("data-class", "checksum_mismatch");
  await expect(page.getByTestId("root-cause-line")).toHaveText(/^line 2(–\d+)?$/);
  await expect(rootCause).toContainText("verifying github.com/acme/greet@v1.0.0: checksum mismatch");
  const row = page.getByTestId("event-row").filter({ has: page.locator('[data-class="checksum_mismatch"]') });
  await expect(row.getByTestId("event-line")).toHaveText(/^line 2(–\d+)?$/);

  const runbook = page.getByTestId("runbook");
  await expect(runbook).toContainText("github.com/acme/greet");
  // The incident may already exist from an earlier run on this database (same root cause, same team).
  const itemsBefore = await page.getByTestId("action-items").locator("li").count();
  await runbook.getByRole("button", { name: "Make this an action item" }).first().click();
  await expect(page.getByTestId("action-items").locator("li")).toHaveCount(itemsBefore + 1);
  await screenshotBoth(page, "incident");

  await page.getByTestId("root-cause-line").click();
  await expect(page).toHaveURL(/\/uploads\/[^/]+\/log.*#L2-L\d+$/);
  const line2 = page.locator("#L2");
  await expect(line2).toContainText("verifying github.com/acme/greet@v1.0.0: checksum mismatch");
  await expect(line2).toHaveAttribute("data-event", "true");
  await expect(line2).toHaveAttribute("aria-current", "true");
  await screenshotBoth(page, "log-viewer");

  await page.goto("/");
  await expect(page.getByRole("figure", { name: "Failures per day by class" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Most recurring root causes" })).toContainText("github.com/acme/greet@v1.0.0");
  await screenshotBoth(page, "overview");
});

test("the health endpoint reports the version and a reachable database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, database: "up" });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("API errors are problem+json with a request id and no stack trace", async ({ request }) => {
  const res = await request.get("/api/v1/incidents/does-not-exist");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const body = await res.json();
  expect(body).toMatchObject({ status: 404, title: "Not Found" });
  expect(body.requestId).toBeTruthy();
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
});
