// Managing an incident in the browser: header controls, timeline (chart, entries with evidence links,
// notes), impact with manual rows, events by class, merging and splitting; and the same through the API.
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";

const unique = () => Math.random().toString(36).slice(2, 8);

/** A corpus log whose module is renamed, so its failure is new to the shared e2e team. */
function failingLog(corpusName: string, from: string, to: string): string {
  return readFileSync(corpusFile(corpusName), "utf8").replaceAll(from, to);
}

async function uploadAndWait(request: APIRequestContext, name: string, text: string, metadata: Record<string, string>) {
  const res = await request.post("/api/v1/uploads", { multipart: { ...metadata, file: { name, mimeType: "text/plain", buffer: Buffer.from(text) } } });
  expect(res.status(), await res.text()).toBe(202);
  const { uploadId } = (await res.json()) as { uploadId: string };
  let status: { status: string; incidentId: string | null; error: string | null } = { status: "", incidentId: null, error: null };
  await expect
    .poll(async () => {
      status = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
      return status.status;
    }, { timeout: 30_000 })
    .toMatch(/^(done|failed)$/);
  expect(status.error).toBeNull();
  return { uploadId, incidentId: status.incidentId! };
}

test("an incident's status, timeline, impact, merge and split, in the browser", async ({ page, request }) => {
  const mod = `github.com/e2e/greet${unique()}`;
  const blocked = `github.com/e2e/blocked${unique()}`;
  const a1 = await uploadAndWait(request, "build.log", failingLog("go-checksum-mismatch.gha.log", "github.com/acme/greet", mod), {
    repo: "acme/ledger-cli",
    branch: "main",
    job: "build",
    runUrl: "https://github.com/acme/ledger-cli/actions/runs/101",
  });
  const a2 = await uploadAndWait(request, "test.log", failingLog("go-checksum-mismatch.log", "github.com/acme/greet", mod), {
    repo: "acme/ledger-cli",
    branch: "release",
    job: "test",
    startedAt: "2026-11-20T21:58:00Z",
    finishedAt: "2026-11-20T22:01:30Z",
  });
  expect(a2.incidentId).toBe(a1.incidentId);
  const b = await uploadAndWait(request, "proxy.log", failingLog("go-proxy-403.log", "github.com/acme/blocked", blocked), { repo: "acme/api" });
  expect(b.incidentId).not.toBe(a1.incidentId);

  await page.goto(`/incidents/${a1.incidentId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`checksum mismatch: ${mod}@v1.0.0`);

  // Header controls: labelled, saved together, written to the timeline.
  await page.getByLabel("Status", { exact: true }).selectOption("mitigated");
  await page.getByLabel("Severity").selectOption("sev2");
  await page.getByLabel("Owner").fill("alice");
  await page.getByLabel("Owner").press("Enter"); // keyboard: Enter submits the header form
  await expect(page.getByTestId("incident-controls-status")).toHaveText("Saved: status, severity, owner changed.");
  await expect(page.getByTestId("incident-summary")).toContainText("mitigated · SEV2 · owner alice");
  // The controls show what was saved.
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("mitigated");
  await expect(page.getByLabel("Severity")).toHaveValue("sev2");
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('[data-kind="status"]')).toContainText(["Status changed from open to mitigated", "Severity changed from SEV3 to SEV2", "Owner set to alice"]);

  // Timeline: chart, both builds on one clock, entries linking to evidence.
  await expect(page.getByRole("figure", { name: "Events over time by class" })).toBeVisible();
  const kinds = await timeline.getByTestId("timeline-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  // The release build ran first (status changes, made now, come after both builds).
  expect(kinds.filter((k) => k !== "status").slice(0, 3)).toEqual(["job-start", "event", "job-end"]);
  const evidence = timeline.locator('[data-kind="event"]').first().getByTestId("timeline-evidence");
  await expect(evidence).toHaveAttribute("href", new RegExp(`^/uploads/${a2.uploadId}/log#L2(-L\\d+)?$`));
  await page.getByLabel("Steps").uncheck();
  await expect(timeline.locator('[data-kind="step"]')).toHaveCount(0);
  await page.getByLabel("Steps").check();
  await expect(timeline.locator('[data-kind="step"]')).toHaveCount(1);

  await page.getByLabel("Note", { exact: true }).fill("Pinned the module to the previous release");
  await page.getByLabel("Time (UTC, optional)").fill("2026-11-20T22:00:00");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note-form-status")).toHaveText("Note added to the timeline.");
  const note = timeline.locator('[data-kind="note"]');
  await expect(note).toContainText("Pinned the module to the previous release");
  await expect(note.locator("time")).toHaveAttribute("datetime", "2026-11-20T22:00:00.000Z");

  // Impact, computed and by hand.
  const impact = page.getByTestId("impact-table");
  await expect(impact.getByTestId("impact-failed-runs")).toHaveText("2");
  await expect(impact.getByTestId("impact-failed-jobs")).toContainText("build");
  await expect(impact.getByTestId("impact-branches")).toContainText("release");
  await expect(impact.getByTestId("impact-modules")).toContainText(`${mod}@v1.0.0`);
  await expect(impact.getByTestId("impact-runner-minutes-lost")).toContainText("3.5");
  await page.getByLabel("What was impacted").fill("Releases blocked");
  await page.getByLabel("Value").fill("2 (ledger-cli, api)");
  await page.getByRole("button", { name: "Add impact row" }).click();
  await expect(impact.getByTestId("impact-manual-row")).toHaveText(/Releases blocked\s*2 \(ledger-cli, api\)/);

  // Events by class with counts.
  const classes = page.getByTestId("event-class");
  await expect(classes.first()).toHaveAttribute("data-class-group", "checksum_mismatch");
  await expect(classes.first().getByTestId("event-class-count")).toHaveText("2");
  await screenshotBoth(page, "incident-manage");

  await impact.getByRole("button", { name: "Remove impact row Releases blocked" }).click();
  await expect(impact.getByTestId("impact-manual-row")).toHaveCount(0);

  // Merge the 403 incident in: its build moves here.
  const mergeFrom = page.getByLabel("Merge another incident into this one");
  await mergeFrom.selectOption((await mergeFrom.locator("option", { hasText: blocked }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Merge into this incident" }).click();
  await expect(page.getByTestId("merge-status")).toHaveText("Merged: 1 build moved here.");
  await expect(page.getByTestId("build-row")).toHaveCount(3);
  await expect(timeline.locator('[data-kind="merge"]')).toContainText(/Merged “403 Forbidden: .+” into this incident \(1 build\)/);

  // Split the proxy build off again, by keyboard-reachable checkbox.
  await page.getByLabel(/Select build acme\/api/).check();
  await page.getByRole("button", { name: "Split 1 selected into a new incident" }).click();
  await expect(page.getByTestId("builds-status")).toContainText("Split 1 build into a new incident.");
  await expect(page.getByTestId("build-row")).toHaveCount(2);
  await page.getByTestId("builds-status").getByRole("link", { name: "Open it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`403 Forbidden: ${blocked}`);
  await expect(page.getByTestId("timeline").locator('[data-kind="split"]')).toContainText("Split from");

  // The merged-away incident says where its builds went.
  await page.goto(`/incidents/${b.incidentId}`);
  await expect(page.getByRole("note")).toContainText("This incident was merged into");
  await expect(page.getByRole("form", { name: "Edit incident" })).toHaveCount(0);
  await expect(page.getByTestId("timeline").locator('[data-kind="merge"]')).toContainText("Merged into");
  await screenshotBoth(page, "incident-merged-away");
});

test("the incident API: JSON with impact and timeline, PATCH, notes, impact rows, move", async ({ request }) => {
  const mod = `github.com/e2e/api${unique()}`;
  const a = await uploadAndWait(request, "a.log", failingLog("go-checksum-mismatch.log", "github.com/acme/greet", mod), { repo: "acme/a", startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:02:00Z" });
  const other = await uploadAndWait(request, "b.log", failingLog("go-proxy-403.log", "github.com/acme/blocked", `${mod}/x`), { repo: "acme/b" });

  const patch = await request.patch(`/api/v1/incidents/${a.incidentId}`, { data: { status: "resolved", severity: "sev1", owner: "bob" } });
  expect(patch.status()).toBe(200);
  const view = await patch.json();
  expect(view).toMatchObject({
    id: a.incidentId,
    status: "resolved",
    severity: "sev1",
    owner: "bob",
    rootCause: { class: "checksum_mismatch", line: 2, file: null, message: expect.stringContaining(mod), uploadId: a.uploadId },
    impact: { builds: 1, failedRuns: 1, runnerMinutesLost: 2 },
  });
  expect(view.events.length).toBeGreaterThan(0);
  expect(view.timeline.map((t: { kind: string }) => t.kind)).toEqual(["job-start", "event", "job-end", "status", "status", "status"]);

  const bad = await request.patch(`/api/v1/incidents/${a.incidentId}`, { data: { status: "closed" } });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");

  expect((await request.post(`/api/v1/incidents/${a.incidentId}/notes`, { data: { text: "rolled back" } })).status()).toBe(201);
  const row = await request.post(`/api/v1/incidents/${a.incidentId}/impact`, { data: { label: "Customers", value: "none" } });
  expect(row.status()).toBe(201);
  expect((await request.delete(`/api/v1/incidents/${a.incidentId}/impact/${(await row.json()).id}`)).status()).toBe(204);

  const moved = await request.post(`/api/v1/uploads/${other.uploadId}/move`, { data: { incidentId: a.incidentId } });
  expect(moved.status()).toBe(200);
  expect(await moved.json()).toEqual({ uploadId: other.uploadId, fromIncidentId: other.incidentId, incidentId: a.incidentId });
  const split = await request.post(`/api/v1/incidents/${a.incidentId}/split`, { data: { uploadIds: [other.uploadId] } });
  expect(split.status()).toBe(201);
  const { newIncidentId } = await split.json();
  const merge = await request.post(`/api/v1/incidents/${a.incidentId}/merge`, { data: { from: newIncidentId } });
  expect(merge.status()).toBe(200);
  expect((await merge.json()).incident.occurrenceCount).toBe(2);
  expect((await request.post(`/api/v1/incidents/${a.incidentId}/merge`, { data: { from: newIncidentId } })).status()).toBe(409);

  const list = await (await request.get("/api/v1/incidents?status=resolved&limit=200")).json();
  const listed = list.items.find((i: { id: string }) => i.id === a.incidentId);
  expect(listed).toMatchObject({ status: "resolved", rootCause: { class: "checksum_mismatch", uploadId: a.uploadId }, impact: { builds: 2 } });
  expect(list.items.some((i: { id: string }) => i.id === newIncidentId)).toBe(false);
});
