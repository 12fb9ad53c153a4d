// The incidents page: search (titles and event text), filters, sort and pages driven by the address,
// fetched interactively and rendered on the server for the first paint.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { screenshotBoth } from "./support";

const COUNT = 12;

/** Uploads `COUNT` logs that each fail on a different module of this run (one incident each). */
async function seedIncidents(request: APIRequestContext, run: string): Promise<void> {
  const ids: string[] = [];
  for (let i = 1; i <= COUNT; i++) {
    const log = `go: github.com/e2e${run}/mod${i}@v0.1.0: reading https://proxy-${run}.example.com/github.com/e2e${run}/mod${i}/@v/v0.1.0.info: 403 Forbidden\n`;
    const branch = i % 3 === 0 ? "release" : "main";
    const res = await request.post(`/api/v1/uploads?name=mod${i}.log&repo=acme/list-${run}&branch=${branch}`, { data: log, headers: { "content-type": "text/plain" } });
    expect(res.status()).toBe(202);
    ids.push((await res.json()).uploadId);
  }
  for (const id of ids) {
    await expect
      .poll(async () => (await (await request.get(`/api/v1/uploads/${id}`)).json()).status, { timeout: 60_000 })
      .toBe("done");
  }
}

test("search, filter, sort and page through incidents, with the address as the state", async ({ page, request }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  await seedIncidents(request, run);

  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  const rows = page.getByTestId("incident-row");
  await expect(rows.first()).toBeVisible();

  // Typing searches (debounced) and puts the text in the address.
  await page.getByLabel(/^Search titles/).fill(`e2e${run}/`);
  await expect(page).toHaveURL(new RegExp(`[?&]q=e2e${run}%2F`));
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`of ${COUNT}`);
  await expect(rows).toHaveCount(COUNT);

  // Text only in the events (the proxy host) finds them too, and says where it matched.
  await page.getByLabel(/^Search titles/).fill(`proxy-${run}.example.com/github.com/e2e${run}/mod7/`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`github.com/e2e${run}/mod7@v0.1.0`);
  await expect(rows.first().getByTestId("incident-match")).toContainText(`proxy-${run}.example.com`);

  // Filters: repository and branch (from the uploads), then sort and pages.
  await page.getByLabel(/^Search titles/).fill(`e2e${run}`);
  await expect(rows).toHaveCount(COUNT);
  await page.getByLabel("Repository").selectOption(`acme/list-${run}`);
  await page.getByLabel("Branch").selectOption("release");
  await expect(rows).toHaveCount(COUNT / 3);
  await expect(page).toHaveURL(/branch=release/);
  await page.getByLabel("Branch").selectOption("");
  await page.getByLabel("Sort").selectOption("title:asc");
  await page.getByLabel("Per page").selectOption("10");
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText(`e2e${run}/mod10@`); // "mod10" < "mod11" < … < "mod2" as text
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText("page 1 of 2");
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(pages).toContainText("page 2 of 2");
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/page=2/);
  await screenshotBoth(page, "incidents-list");

  // The address alone reproduces the view (server-rendered), and back goes to the previous page.
  const url = page.url();
  await page.goto(url);
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel("Sort")).toHaveValue("title:asc");
  await expect(page.getByLabel(/^Search titles/)).toHaveValue(`e2e${run}`);
  await page.goBack();
  await expect(pages).toContainText("page 1 of 2");
  // Let the back navigation settle (address and rows) before changing a filter, or its re-render
  // resets the select to the address's value.
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows).toHaveCount(10);
  // The router may still be fetching the page it went back to (slow under load); when that lands it
  // re-renders the filters from its address, undoing a change made meanwhile.
  await page.waitForLoadState("networkidle");

  // Nothing matches: says so; clearing filters brings everything back.
  await page.getByLabel("Status").selectOption("resolved");
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.getByText("No incidents match this search and these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=|status=/);
  await expect(rows.first()).toBeVisible();

  // A bad value in a hand-edited address is dropped, the rest kept.
  await page.goto(`/incidents?q=e2e${run}&pageSize=7&from=yesterday`);
  await expect(page).toHaveURL(new RegExp(`/incidents\\?q=e2e${run}$`));
  await expect(rows).toHaveCount(COUNT);
});
