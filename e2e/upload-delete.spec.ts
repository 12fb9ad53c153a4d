// Deleting an upload from its log page: a confirmation that says what goes with it, then the incident
// (one build left, the deletion on its timeline) or the incident list (it was the only build).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";
import { uploadAndWait } from "./upload-and-wait";

test("a member deletes a build from its log page; the last build takes its incident with it", async ({ page, request }) => {
  // A failure of its own (a unique module path) so that this test's incident holds only its builds.
  const mod = `example.com/e2e-delete-${randomBytes(4).toString("hex")}`;
  const log = (job: string) => Buffer.from(readFileSync(corpusFile("go-checksum-mismatch.log"), "utf8").replaceAll("github.com/acme/greet", mod) + `\n# ${job}\n`);
  const a = await uploadAndWait(request, "job-a.log", log("a"));
  const b = await uploadAndWait(request, "job-b.log", log("b"));
  expect(b.incidentId).toBe(a.incidentId);

  await page.goto(`/uploads/${a.uploadId}/log`);
  await page.getByRole("button", { name: "Delete upload…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this upload for good?" });
  await expect(dialog).toContainText("Its incident keeps its other builds");
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await screenshotBoth(page, "upload-delete-confirm");
  await dialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${a.incidentId}$`));
  await expect(page.getByTestId("timeline-entry").filter({ hasText: "Deleted build" })).toHaveCount(1);
  expect((await request.get(`/api/v1/uploads/${a.uploadId}`)).status()).toBe(404);

  await page.goto(`/uploads/${b.uploadId}/log`);
  await page.getByRole("button", { name: "Delete upload…" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("the incident, its notes, impact and postmortem are deleted too");
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  expect((await request.get(`/api/v1/incidents/${a.incidentId}`)).status()).toBe(404);
});
