// The flow from issue 6: a corpus log uploaded through the page becomes an incident with the right root
// cause and runbook; its postmortem gets an action item and edits, is exported as Markdown, shared
// with a link that a signed-out browser can read, and the link answers 404 once revoked.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, SIGNED_OUT, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";

test("upload → incident → action item → postmortem → Markdown → share link → revoke → 404", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);

  await page.goto("/upload");
  await page.getByLabel(/log files/i).setInputFiles(corpusFile("go-proxy-403.log"));
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  const open = page.getByRole("link", { name: "Open the incident" });
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();

  // The incident: the right root cause, and the runbook with the module filled in.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("403 Forbidden: github.com/acme/blocked@v0.1.0");
  await expect(page.getByRole("region", { name: "Root cause" }).locator("[data-class]").first()).toHaveAttribute("data-class", "http_403");
  await expect(page.getByTestId("runbook")).toContainText("github.com/acme/blocked");
  const incidentId = new URL(page.url()).pathname.split("/")[2];

  await page.goto(`/incidents/${incidentId}/postmortem`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Postmortem: 403 Forbidden: github\.com\/acme\/blocked@v0\.1\.0/);
  // Pre-filled from the incident: the root cause cites its evidence line.
  const rootCause = page.getByRole("textbox", { name: "Root cause" });
  await expect(rootCause).toHaveValue(/reading http:\/\/127\.0\.0\.1:18081\/github\.com\/acme\/blocked\/@v\/v0\.1\.0\.info: 403 Forbidden/);
  await expect(rootCause).toHaveValue(new RegExp(`\\]\\(/uploads/[^/]+/log#L1\\)`));
  const quality = page.getByTestId("quality-checks");
  await expect(quality.locator('[data-check="root-cause-evidence"]')).toHaveAttribute("data-ok", "true");

  // Add an action item, then give it an owner and a type.
  const item = `Allow github.com/acme/blocked through the proxy ${run}`;
  const add = page.getByRole("form", { name: "New action item" });
  await add.getByLabel("Action").fill(item);
  await add.getByRole("button", { name: "Add action item" }).click();
  const row = page.getByTestId("pm-action-item").filter({ has: page.locator(`input[value="${item}"]`) });
  await expect(row).toHaveCount(1);
  await row.getByLabel("Owner").fill("platform team");
  await row.getByLabel("Type").selectOption("prevent");
  await row.getByLabel("Tracker link").fill(`https://tracker.example.com/PLAT-${run}`);
  await row.getByRole("button", { name: "Save action item" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");

  // Edit the document; the blameless hint appears and goes away.
  await page.getByRole("textbox", { name: "Trigger" }).fill(`The proxy's deny list started to cover github.com/acme/* (${run}).`);
  const wrong = page.getByRole("textbox", { name: "What went wrong" });
  await wrong.fill("Dave pushed a proxy rule without review.");
  await expect(quality.locator('[data-check="blameless"]')).toHaveAttribute("data-ok", "false");
  await expect(quality).toContainText("“Dave pushed” names a person as the cause");
  await wrong.fill("A proxy rule reached production without review.");
  await expect(quality.locator('[data-check="blameless"]')).toHaveAttribute("data-ok", "true");
  await page.getByRole("textbox", { name: "What went well" }).fill("The runbook named the module at once.");
  await page.getByRole("button", { name: "Add entry" }).click();
  const entries = page.getByTestId("pm-timeline-row");
  const last = entries.last();
  await last.getByLabel(/^Time of entry/).fill("2026-11-20 14:05 UTC");
  await last.getByLabel(/^What happened/).fill(`Proxy rule reverted (${run})`);
  await expect(quality.locator('[data-check="timeline-utc"]')).toHaveAttribute("data-ok", "true");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("pm-save-state")).toHaveText(/^Saved \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky save bar belongs at the top of the shot
  await screenshotBoth(page, "postmortem");
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: fileURLToPath(new URL("./screenshots/postmortem-print.png", import.meta.url)), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Export as Markdown: the download has the edits, the action item and absolute evidence links.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Markdown" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^postmortem-403-forbidden-github-com-acme-blocked-v0-1-0[a-z0-9-]*\.md$/);
  const markdown = await readFile((await download.path())!, "utf8");
  expect(markdown).toMatch(/^# Postmortem: 403 Forbidden: github\.com\/acme\/blocked@v0\.1\.0.*\n/);
  for (const heading of ["## Summary", "## Impact", "## Root cause", "## Trigger", "## Detection", "## Resolution", "## Action items", "## Lessons learned", "### What went well", "### What went wrong", "### Where we got lucky", "## Timeline (UTC)"]) {
    expect(markdown).toContain(`\n${heading}\n`);
  }
  expect(markdown).toContain(`The proxy's deny list started to cover github.com/acme/* (${run}).`);
  expect(markdown).toContain("### What went wrong\n\nA proxy rule reached production without review.");
  expect(markdown).toContain(`| ${item} | Prevent | platform team | Open | [https://tracker.example.com/PLAT-${run}](https://tracker.example.com/PLAT-${run}) |`);
  expect(markdown).toContain(`| 2026-11-20 14:05:00 UTC | Proxy rule reverted (${run}) |`);
  expect(markdown).toMatch(new RegExp(`\\]\\(${baseURL!.replace(/[.]/g, "\\.")}/uploads/[^/]+/log#L1\\)`));

  // Share it; a signed-out browser reads it.
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByLabel(/^New link/).inputValue();
  expect(url).toMatch(new RegExp(`^${baseURL}/share/[A-Za-z0-9_-]{43}$`));
  const outsider = await browser.newContext({ storageState: SIGNED_OUT });
  const shared = await outsider.newPage();
  const first = await shared.goto(url);
  expect(first?.status()).toBe(200);
  expect(await outsider.cookies()).toEqual([]);
  await expect(shared.getByRole("heading", { level: 1 })).toHaveText(/^Postmortem: 403 Forbidden: github\.com\/acme\/blocked@v0\.1\.0/);
  await expect(shared.getByRole("region", { name: "Trigger" })).toContainText(`(${run})`);
  await expect(shared.getByRole("region", { name: "Action items" })).toContainText(item);
  await expect(shared.getByRole("button")).toHaveCount(0);
  await expect(shared.getByRole("textbox")).toHaveCount(0);
  await screenshotBoth(shared, "share");

  // Revoke it: the very next request is a 404.
  const active = page.getByTestId("share-links").locator('li[data-state="active"]');
  const before = await active.count();
  await active.first().getByRole("button", { name: /^Revoke/ }).click();
  await expect(active).toHaveCount(before - 1);
  const after = await shared.goto(url);
  expect(after?.status()).toBe(404);
  await expect(shared.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await outsider.close();
});
