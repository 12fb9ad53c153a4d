// Owners can re-run analysis over stored uploads from the settings page (after an analyzer upgrade).
import { expect, test } from "./fixtures";
import { corpusFile } from "./support";

test("an owner re-analyses the team's uploads and they finish again", async ({ page, request }) => {
  const res = await request.post("/api/v1/uploads?name=reanalyze.log", { data: await import("node:fs/promises").then((fs) => fs.readFile(corpusFile("go-proxy-403.log"))) });
  expect(res.status()).toBe(202);
  const { uploadId } = await res.json();
  await expect.poll(async () => (await (await request.get(`/api/v1/uploads/${uploadId}`)).json()).status, { timeout: 60_000 }).toBe("done");

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Analysis" })).toBeVisible();
  await page.getByRole("button", { name: "Re-analyse all uploads" }).click();
  await expect(page.getByRole("status")).toContainText(/\d+ uploads? queued for re-analysis/);
  await expect.poll(async () => (await (await request.get(`/api/v1/uploads/${uploadId}`)).json()).status, { timeout: 90_000 }).toBe("done");
});
