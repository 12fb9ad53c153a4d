// The upload page: real corpus files dropped on the drop zone (through its drop handler) and pasted log
// text each get a transfer and an analysis bar that reach the end over server-sent events, then a link
// to their incident; duplicates, refusals and a broken event stream are reported; axe finds nothing.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";
import { corpusDrop, dropFiles, uploadItem as item } from "./upload-page-helpers";

async function expectFinished(page: Page, name: string): Promise<void> {
  const row = item(page, name);
  await expect(row.getByRole("progressbar", { name: `Transfer of ${name}` })).toHaveAttribute("aria-valuenow", "100");
  await expect(row.getByRole("progressbar", { name: `Analysis of ${name}` })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(row.getByRole("link", { name: `Open the incident for ${name}` })).toBeVisible();
}

/** A log nobody has uploaded before (the test database is shared and keeps earlier runs). */
async function uniqueLog(): Promise<string> {
  return `${await readFile(corpusFile("go-proxy-403.log"), "utf8")}# e2e upload page run ${Date.now()}-${Math.random().toString(36).slice(2)}\n`;
}

test("dropped files and pasted text are sent, analysed live and linked to their incidents", async ({ page }) => {
  const runId = Date.now().toString(36);
  // The big strace dump under a run-unique name; the content may repeat earlier runs (then: duplicate).
  const strace = { ...(await corpusDrop("strace-npm-install-dns.txt")), name: `strace-npm-install-dns-${runId}.txt` };
  const gitLog = { ...(await corpusDrop("git-auth-failed.log")), name: `git-auth-failed-${runId}.log` };
  const pastedName = `pasted-${runId}.log`;
  // Event-stream responses: the browser accepts gzip, but compressing would hold events back.
  const streams: { type: string; encoding?: string }[] = [];
  page.on("response", (res) => {
    if (/\/api\/v1\/uploads\/[^/]+\/events$/.test(res.url())) streams.push({ type: res.headers()["content-type"] ?? "", encoding: res.headers()["content-encoding"] });
  });

  await page.goto("/upload");
  await expect(page.getByRole("heading", { name: "Upload logs", level: 1 })).toBeVisible();
  // The keyboard path: the file input behind "choose log files" takes focus.
  await page.getByLabel(/choose log files/i).focus();
  await expect(page.getByLabel(/choose log files/i)).toBeFocused();

  await dropFiles(page, [strace, gitLog]);
  const chosen = page.getByRole("list", { name: "Chosen files" });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Or paste log text").fill(await uniqueLog());
  await page.getByLabel("Sent as file").fill(pastedName);
  // Unrelated logs: one upload each unless chosen otherwise.
  await expect(page.getByRole("radio", { name: /Separate uploads/ })).toBeChecked();

  // Slow uploads down (Chromium's network emulation) so the page can be seen mid-transfer.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 400 * 1024 });
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(chosen).toHaveCount(0);
  const straceTransfer = item(page, strace.name).getByRole("progressbar", { name: `Transfer of ${strace.name}` });
  await expect.poll(async () => Number(await straceTransfer.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(10);
  expect(Number(await straceTransfer.getAttribute("aria-valuenow"))).toBeLessThan(100);
  await screenshotBoth(page, "upload-page-progress");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  for (const name of [strace.name, gitLog.name, pastedName]) await expectFinished(page, name);
  for (const name of [strace.name, gitLog.name, pastedName]) await expect(item(page, name)).toHaveAttribute("data-transport", "events");
  expect(streams.length).toBeGreaterThanOrEqual(3);
  expect(streams.every((r) => r.type.startsWith("text/event-stream") && r.encoding === undefined), JSON.stringify(streams)).toBe(true);
  await expect(item(page, pastedName)).toContainText(/events? ·|· \d+ events?/);
  await screenshotBoth(page, "upload-page-done");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `upload page when done, ${scheme} theme`).toEqual([]);
  }

  await item(page, pastedName).getByRole("link", { name: /Open the incident/ }).click();
  await expect(page).toHaveURL(/\/incidents\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("github.com/acme/blocked");
});

test("the same content again is reported as a duplicate, with a link to the earlier upload's incident", async ({ page }) => {
  const text = await uniqueLog();
  await page.goto("/upload");
  for (const name of ["first.log", "again.log"]) {
    await page.getByLabel("Or paste log text").fill(text);
    await page.getByLabel("Sent as file").fill(name);
    await page.getByRole("button", { name: "Upload and analyse" }).click();
    await expectFinished(page, name);
  }
  await expect(item(page, "first.log")).not.toContainText("Already uploaded");
  const again = item(page, "again.log");
  await expect(again).toContainText("Already uploaded: the same content (SHA-256) was sent before.");
  const earlier = again.getByRole("link", { name: "Open the earlier upload's incident" });
  await expect(earlier).toHaveAttribute("href", (await item(page, "first.log").getByRole("link", { name: /Open the incident/ }).getAttribute("href"))!);
});

test("without the event stream the page polls; a refused file shows the server's reason", async ({ page }) => {
  await page.route(/\/api\/v1\/uploads\/[^/]+\/events$/, (route) => route.abort());
  await page.goto("/upload");
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2048, 0)]);
  await dropFiles(page, [{ name: "a.out", base64: elf.toString("base64"), type: "application/octet-stream" }]);
  await page.getByLabel("Or paste log text").fill(await uniqueLog());
  await page.getByLabel("Sent as file").fill("polled.log");
  await page.getByRole("button", { name: "Upload and analyse" }).click();

  await expectFinished(page, "polled.log");
  await expect(item(page, "polled.log")).toHaveAttribute("data-transport", "polling");
  const refused = item(page, "a.out");
  await expect(refused.getByRole("alert")).toContainText(/Not accepted: .*a\.out.*\(HTTP 415\)/);
  await expect(refused.getByRole("progressbar", { name: "Analysis of a.out" })).toHaveCount(0);
});
