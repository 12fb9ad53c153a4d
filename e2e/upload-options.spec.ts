// The upload page's choices: the three files of an `strace -ff -o trace` run dropped together go as
// one upload (suggested from their names) with build details, and become one analysis and one incident
// that shows the details; a transfer can be cancelled in flight or while waiting, and then nothing of
// it is stored; a viewer is told they cannot upload instead of being given a form. axe finds nothing.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { axeViolations } from "./axe";
import { createAccount, E2E_OWNER, expect, signInThroughPage, SIGNED_OUT, test } from "./fixtures";
import { screenshotBoth } from "./support";
import { corpusDrop, dropFiles, uploadItem, type DropFile } from "./upload-page-helpers";

const FF_FILES = ["trace.23781", "trace.23782", "trace.23783"];
const FF_LABEL = "trace.23781, trace.23782 and trace.23783";

async function expectAxeClean(page: Page, what: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `${what}, ${scheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** How many stored files of any upload carry this name (names are unique per run). */
async function storedFilesNamed(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "UploadFile" WHERE name = $1`, [name]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** A plain-text log of about `mib` MiB, different on every run. */
function bigLog(name: string, mib: number): DropFile {
  const line = `${new Date().toISOString()} step build: compiling package ${randomBytes(8).toString("hex")} ok\n`;
  return { name, base64: Buffer.from(line.repeat(Math.ceil((mib * 1024 * 1024) / line.length))).toString("base64") };
}

test("an strace -ff set dropped together goes as one upload with its details, to one incident showing them", async ({ page }) => {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const repo = `acme/edge-deploy-${runId}`;
  const commit = randomBytes(20).toString("hex");
  const runUrl = `https://ci.example.com/acme/edge-deploy/runs/${runId}`;
  await page.goto("/upload");
  await dropFiles(page, await Promise.all(FF_FILES.map((f) => corpusDrop(`strace-ff-healthcheck/${f}`))));
  await expect(page.getByRole("list", { name: "Chosen files" }).getByRole("listitem")).toHaveCount(3);

  // The names are one strace -ff -o trace set: one upload is suggested, and the other choice is there.
  const choice = page.getByRole("group", { name: "Send these 3 files as" });
  await expect(choice.getByRole("radio", { name: /One upload/ })).toBeChecked();
  await expect(choice.getByRole("radio", { name: /Separate uploads/ })).not.toBeChecked();
  await expect(choice).toContainText("These look like one strace -ff set (trace.<pid>)");

  // Details are folded away until opened; a wrong value is caught beside its field, nothing is sent.
  const commitField = page.getByLabel("Commit");
  await expect(commitField).toBeHidden();
  await page.locator("summary").filter({ hasText: /^Details/ }).click();
  await page.getByLabel("Repository").fill(repo);
  await page.getByLabel("Branch").fill("release/edge-7");
  await commitField.fill("HEAD~1");
  await page.getByLabel("CI run URL").fill("ci.example.com/runs/1");
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(commitField).toBeFocused();
  await expect(commitField).toHaveAttribute("aria-invalid", "true");
  await expect(commitField).toHaveAccessibleDescription(/Commit: a commit SHA is 7 to 40 hexadecimal digits/);
  await expect(page.getByLabel("CI run URL")).toHaveAccessibleDescription(/starting with https:\/\//);
  await expect(page.getByTestId("upload-item")).toHaveCount(0);
  await screenshotBoth(page, "upload-page-options");
  await expectAxeClean(page, "upload form with details to fix");
  await commitField.fill(commit);
  await page.getByLabel("CI run URL").fill(runUrl);
  await page.getByRole("button", { name: "Upload and analyse" }).click();

  // One upload holding the three files, with one transfer and one analysis bar.
  await expect(page.getByTestId("upload-item")).toHaveCount(1);
  const card = page.getByTestId("upload-item");
  await expect(card).toContainText("One upload of 3 files");
  await expect(card.getByRole("list", { name: `Files in the upload of ${FF_LABEL}` }).getByRole("listitem")).toHaveCount(3);
  await expect(card.getByTestId("upload-item-details")).toHaveText(`${repo} · release/edge-7 · ${commit.slice(0, 7)} · CI run of ${FF_LABEL}`);
  await expect(card.getByRole("link", { name: `CI run of ${FF_LABEL}` })).toHaveAttribute("href", runUrl);
  await expect(card.getByRole("progressbar", { name: `Transfer of ${FF_LABEL}` })).toHaveAttribute("aria-valuenow", "100");
  await expect(card.getByRole("progressbar", { name: `Analysis of ${FF_LABEL}` })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  // Merged into one trace, the failure that ended the run is the refused connection of pid 23783: the
  // script tolerates the missing config ("no config, using defaults") and exits 3 on the closed port.
  await expect(card).toContainText(/Root cause connection.refused in trace\.23783, at line 20\./i);
  await expect(card.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
  await screenshotBoth(page, "upload-page-combined-done");
  await expectAxeClean(page, "upload page with a combined upload done");

  await card.getByRole("link", { name: `Open the incident for ${FF_LABEL}` }).click();
  await expect(page).toHaveURL(/\/incidents\/[^/]+$/);
  const rootCause = page.getByRole("region", { name: "Root cause" });
  await expect(rootCause).toContainText("connect to 127.0.0.1:18199 failed: ECONNREFUSED");
  await expect(rootCause.getByTestId("root-cause-line")).toHaveText("trace.23783: line 20");
  // The missing /etc/edge/healthcheck.conf is on the page as an event of the same trace, not the cause.
  await expect(rootCause).not.toContainText("/etc/edge/healthcheck.conf");
  await expect(page.getByText(/\/etc\/edge\/healthcheck\.conf/).first()).toBeVisible();
  // The build carries the details given on the upload page, and its log is the three files.
  const build = page.getByTestId("build-row").filter({ hasText: repo });
  await expect(build).toHaveCount(1);
  await expect(build).toContainText(`${repo} · release/edge-7`);
  await expect(build).toContainText(commit.slice(0, 7));
  await expect(build.getByRole("link", { name: /CI run/ })).toHaveAttribute("href", runUrl);
  await expect(build.getByRole("link", { name: /^Log of build/ })).toHaveText("3 files");
  await screenshotBoth(page, "upload-page-combined-incident");
});

test("a transfer can be cancelled in flight or while waiting its turn; nothing of it is stored", async ({ page }) => {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const [inFlight, kept, waiting] = [`cancel-in-flight-${runId}.log`, `kept-${runId}.log`, `cancel-waiting-${runId}.log`];
  await page.goto("/upload");
  await dropFiles(page, [bigLog(inFlight, 3), bigLog(kept, 1), bigLog(waiting, 1)]);
  await expect(page.getByRole("radio", { name: /Separate uploads/ })).toBeChecked();

  // Slow uploads down so there is something to cancel (two transfers at a time: the third waits).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  const first = uploadItem(page, inFlight);
  const transfer = first.getByRole("progressbar", { name: `Transfer of ${inFlight}` });
  await expect.poll(async () => Number(await transfer.getAttribute("aria-valuenow")), { timeout: 20_000 }).toBeGreaterThan(3);
  await expect(uploadItem(page, waiting)).toHaveAttribute("data-phase", "waiting");
  await expect(uploadItem(page, waiting)).toContainText("Waiting to send…");

  await uploadItem(page, waiting).getByRole("button", { name: `Cancel the upload of ${waiting}` }).click();
  await first.getByRole("button", { name: `Cancel the upload of ${inFlight}` }).click();
  for (const name of [inFlight, waiting]) {
    const card = uploadItem(page, name);
    await expect(card).toHaveAttribute("data-phase", "cancelled");
    await expect(card.getByRole("status")).toHaveText("Cancelled: nothing was stored.");
    await expect(card.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
    await expect(card.getByRole("progressbar", { name: `Analysis of ${name}` })).toHaveCount(0);
  }
  expect(Number(await transfer.getAttribute("aria-valuenow"))).toBeLessThan(100);
  await screenshotBoth(page, "upload-page-cancelled");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // The other transfer goes on to the end; the server dropped what it had of the cancelled one.
  await expect(uploadItem(page, kept).getByRole("progressbar", { name: `Analysis of ${kept}` })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect.poll(() => storedFilesNamed(inFlight), { timeout: 15_000 }).toBe(0);
  expect(await storedFilesNamed(waiting)).toBe(0);
  expect(await storedFilesNamed(kept)).toBe(1);
  await expectAxeClean(page, "upload page with cancelled uploads");
});

test.describe("a viewer", () => {
  test.use({ storageState: SIGNED_OUT });

  test("is told they cannot upload, and whom to ask, instead of getting a form", async ({ page }) => {
    const viewer = createAccount({ team: E2E_OWNER.team, role: "viewer" });
    await page.goto("/upload");
    await expect(page).toHaveURL(/\/login/);
    await signInThroughPage(page, viewer);
    await expect(page).toHaveURL(/\/upload$/);
    await expect(page.getByRole("heading", { name: "Upload logs", level: 1 })).toBeVisible();
    const notice = page.getByRole("region", { name: "Your role cannot upload logs" });
    await expect(notice).toContainText("You are a viewer in this team");
    await expect(notice).toContainText(E2E_OWNER.email);
    await expect(page.getByRole("form", { name: "Upload logs" })).toHaveCount(0);
    await expect(page.getByTestId("drop-zone")).toHaveCount(0);
    await screenshotBoth(page, "upload-page-viewer");
    await expectAxeClean(page, "upload page for a viewer");
  });
});
