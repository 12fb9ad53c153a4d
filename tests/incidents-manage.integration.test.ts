// People managing incidents on a real Postgres: status/severity/owner with timeline entries, merge
// (and new builds following it), split, moving a build, pinning across re-analysis, reopening.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { addTimelineNote } from "../lib/services/add-timeline-note";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { getIncident } from "../lib/services/get-incident";
import { listIncidents } from "../lib/services/list-incidents";
import { mergeIncidents } from "../lib/services/merge-incidents";
import { moveUpload } from "../lib/services/move-upload";
import { splitIncident } from "../lib/services/split-incident";
import { updateIncident } from "../lib/services/update-incident";
import { connectTestDatabase } from "./support/db";
import { corpusText, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

/** Stores and analyses one log (a trailing variation keeps each upload's sha256 unique). */
async function analysed(teamId: string, corpusName: string, metadata: Record<string, string> = {}, variant = Math.random().toString(36).slice(2)) {
  const up = await uploadFiles(teamId, [textFile(`${variant}.log`, `${corpusText(corpusName)}\n# ${variant}\n`)], metadata);
  const result = await analyzeUpload({ uploadId: up.id });
  expect(result.incidentId).not.toBeNull();
  return { uploadId: up.id, incidentId: result.incidentId! };
}

const kinds = async (incidentId: string, teamId: string) => (await getIncident({ incidentId, teamId })).timeline.filter((t) => !["event", "step", "job-start", "job-end", "upload"].includes(t.kind));

describe("status, severity, owner", () => {
  it("changes them and says so on the timeline", async () => {
    const teamId = await createTestTeam();
    const { incidentId } = await analysed(teamId, "go-proxy-403.log");
    expect(await updateIncident({ teamId, incidentId, patch: { status: "mitigated", severity: "sev1", owner: "alice" } })).toEqual({ changed: ["status", "severity", "owner"] });
    // The same values again change nothing and add no entries.
    expect(await updateIncident({ teamId, incidentId, patch: { status: "mitigated" } })).toEqual({ changed: [] });
    await updateIncident({ teamId, incidentId, patch: { owner: "" } });
    const view = await getIncident({ incidentId, teamId });
    expect(view).toMatchObject({ status: "mitigated", severity: "sev1", owner: null });
    expect((await kinds(incidentId, teamId)).map((t) => t.title)).toEqual([
      "Status changed from open to mitigated",
      "Severity changed from SEV3 to SEV1",
      "Owner set to alice",
      "Owner alice removed",
    ]);
    await expect(updateIncident({ teamId, incidentId, patch: { status: "closed" } })).rejects.toThrow();
    await expect(updateIncident({ teamId, incidentId, patch: {} })).rejects.toThrow(/at least one/);
    await expect(updateIncident({ teamId: await createTestTeam(), incidentId, patch: { status: "open" } })).rejects.toThrow(/not found/);
  });

  it("a resolved incident that recurs reopens, and the timeline shows both", async () => {
    const teamId = await createTestTeam();
    const { incidentId } = await analysed(teamId, "go-proxy-403.log");
    await updateIncident({ teamId, incidentId, patch: { status: "resolved" } });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).resolvedAt).not.toBeNull();
    const again = await analysed(teamId, "go-proxy-403.log");
    expect(again.incidentId).toBe(incidentId);
    const view = await getIncident({ incidentId, teamId });
    expect(view.status).toBe("open");
    expect(view.resolvedAt).toBeNull();
    expect(view.occurrenceCount).toBe(2);
    const titles = (await kinds(incidentId, teamId)).map((t) => t.title);
    expect(titles).toEqual(["Status changed from open to resolved", "Reopened: the failure recurred after it was resolved"]);
    // Re-analysing a build that is already in it is not a recurrence.
    await updateIncident({ teamId, incidentId, patch: { status: "resolved" } });
    await analyzeUpload({ uploadId: again.uploadId });
    expect((await getIncident({ incidentId, teamId })).status).toBe("resolved");
  });
});

describe("merge", () => {
  it("moves B's builds, notes and impact rows to A, hides B, and new builds of B's failure follow to A", async () => {
    const teamId = await createTestTeam();
    const a = await analysed(teamId, "go-proxy-403.log");
    const b = await analysed(teamId, "go-proxy-404.log");
    expect(b.incidentId).not.toBe(a.incidentId);
    await addTimelineNote({ teamId, incidentId: b.incidentId, note: { text: "proxy misconfigured" } });
    await db().impactRow.create({ data: { incidentId: b.incidentId, label: "deploys blocked", value: "2" } });

    const result = await mergeIncidents({ teamId, incidentId: a.incidentId, from: b.incidentId });
    expect(result).toEqual({ incidentId: a.incidentId, mergedId: b.incidentId, movedUploads: 1 });
    const merged = await getIncident({ incidentId: a.incidentId, teamId });
    expect(merged.uploads.map((u) => u.id).sort()).toEqual([a.uploadId, b.uploadId].sort());
    expect(merged.occurrenceCount).toBe(2);
    expect(merged.mergedFrom).toEqual([{ id: b.incidentId, title: expect.any(String) }]);
    expect(merged.impact.manual).toMatchObject([{ label: "deploys blocked", value: "2" }]);
    expect(merged.timeline.filter((t) => t.kind === "note").map((t) => t.title)).toEqual(["proxy misconfigured"]);
    expect(merged.timeline.some((t) => t.kind === "merge" && /^Merged “.+” into this incident \(1 build\)$/.test(t.title))).toBe(true);
    const gone = await getIncident({ incidentId: b.incidentId, teamId });
    expect(gone.mergedInto).toEqual({ id: a.incidentId, title: merged.title });
    expect(gone.uploads).toEqual([]);
    expect(gone.timeline.some((t) => t.kind === "merge" && /^Merged into “/.test(t.title))).toBe(true);
    expect((await listIncidents({ teamId })).items.map((i) => i.id)).toEqual([a.incidentId]);

    // B's failure again: it joins A.
    const later = await analysed(teamId, "go-proxy-404.log");
    expect(later.incidentId).toBe(a.incidentId);
    expect((await getIncident({ incidentId: a.incidentId, teamId })).occurrenceCount).toBe(3);

    // Chains: C merged into B earlier would now follow to A; merging into a merged incident is refused.
    const c = await analysed(teamId, "go-proxy-connection-refused.log");
    await expect(mergeIncidents({ teamId, incidentId: b.incidentId, from: c.incidentId })).rejects.toThrow(/merged into/);
    await expect(mergeIncidents({ teamId, incidentId: a.incidentId, from: b.incidentId })).rejects.toThrow(/already merged/);
    await expect(mergeIncidents({ teamId, incidentId: a.incidentId, from: a.incidentId })).rejects.toThrow(/itself/);
    await expect(mergeIncidents({ teamId: await createTestTeam(), incidentId: a.incidentId, from: c.incidentId })).rejects.toThrow(/not found/);
  });

  it("follows a chain of merges (C into B, then B into A: C's failure lands in A)", async () => {
    const teamId = await createTestTeam();
    const a = await analysed(teamId, "go-proxy-403.log");
    const b = await analysed(teamId, "go-proxy-404.log");
    const c = await analysed(teamId, "go-proxy-dial-timeout.log");
    await mergeIncidents({ teamId, incidentId: b.incidentId, from: c.incidentId });
    await mergeIncidents({ teamId, incidentId: a.incidentId, from: b.incidentId });
    expect((await db().incident.findUniqueOrThrow({ where: { id: c.incidentId } })).mergedIntoId).toBe(a.incidentId);
    // Even if a chain was left behind (older data), grouping walks it.
    await db().incident.update({ where: { id: c.incidentId }, data: { mergedIntoId: b.incidentId } });
    const again = await analysed(teamId, "go-proxy-dial-timeout.log");
    expect(again.incidentId).toBe(a.incidentId);
    expect((await getIncident({ incidentId: a.incidentId, teamId })).occurrenceCount).toBe(4);
  });
});

describe("split and move", () => {
  it("splits selected builds into a new incident; re-analysis keeps them there", async () => {
    const teamId = await createTestTeam();
    const one = await analysed(teamId, "go-proxy-403.log", { repo: "acme/one" });
    const two = await analysed(teamId, "go-proxy-403.log", { repo: "acme/two" });
    const three = await analysed(teamId, "go-proxy-403.log", { repo: "acme/three" });
    const incidentId = one.incidentId;
    expect([two.incidentId, three.incidentId]).toEqual([incidentId, incidentId]);

    await expect(splitIncident({ teamId, incidentId, uploadIds: [one.uploadId, two.uploadId, three.uploadId] })).rejects.toThrow(/only some/);
    await expect(splitIncident({ teamId, incidentId, uploadIds: [] })).rejects.toThrow(/at least one/);
    const stranger = await analysed(teamId, "go-proxy-404.log");
    await expect(splitIncident({ teamId, incidentId, uploadIds: [stranger.uploadId] })).rejects.toThrow(/not builds of incident/);

    const split = await splitIncident({ teamId, incidentId, uploadIds: [two.uploadId, three.uploadId] });
    expect(split).toMatchObject({ incidentId, movedUploads: 2 });
    const origin = await getIncident({ incidentId, teamId });
    const created = await getIncident({ incidentId: split.newIncidentId, teamId });
    expect(origin.uploads.map((u) => u.id)).toEqual([one.uploadId]);
    expect(origin.occurrenceCount).toBe(1);
    expect(created.uploads.map((u) => u.id)).toEqual([two.uploadId, three.uploadId]);
    expect(created.uploads.every((u) => u.pinned)).toBe(true);
    expect(created).toMatchObject({ status: "open", occurrenceCount: 2, title: expect.stringMatching(/in two$/) });
    expect(origin.timeline.some((t) => t.kind === "split" && t.title.startsWith("Split off 2 builds into"))).toBe(true);
    expect(created.timeline.some((t) => t.kind === "split" && t.title.startsWith("Split from"))).toBe(true);

    expect((await analyzeUpload({ uploadId: two.uploadId })).incidentId).toBe(split.newIncidentId);
    expect((await analyzeUpload({ uploadId: one.uploadId })).incidentId).toBe(incidentId);
    expect((await getIncident({ incidentId: split.newIncidentId, teamId })).occurrenceCount).toBe(2);
  });

  it("moves one build between incidents, pinned there, and into the incident a target was merged into", async () => {
    const teamId = await createTestTeam();
    const a = await analysed(teamId, "go-proxy-403.log");
    const b = await analysed(teamId, "go-proxy-404.log");
    const b2 = await analysed(teamId, "go-proxy-404.log", { repo: "acme/ledger", job: "build" });
    const moved = await moveUpload({ teamId, uploadId: b2.uploadId, incidentId: a.incidentId });
    expect(moved).toEqual({ uploadId: b2.uploadId, fromIncidentId: b.incidentId, incidentId: a.incidentId });
    const [ia, ib] = await Promise.all([getIncident({ incidentId: a.incidentId, teamId }), getIncident({ incidentId: b.incidentId, teamId })]);
    expect(ia.occurrenceCount).toBe(2);
    expect(ib.occurrenceCount).toBe(1);
    expect(ia.timeline.find((t) => t.kind === "move")).toMatchObject({ title: `Moved build acme/ledger build here from “${ib.title}”`, uploadId: b2.uploadId });
    expect(ib.timeline.find((t) => t.kind === "move")).toMatchObject({ title: `Moved build acme/ledger build to “${ia.title}”` });
    // Re-analysis does not fold it back into B.
    expect((await analyzeUpload({ uploadId: b2.uploadId })).incidentId).toBe(a.incidentId);
    // Moving to where it already is changes nothing.
    expect(await moveUpload({ teamId, uploadId: b2.uploadId, incidentId: a.incidentId })).toMatchObject({ fromIncidentId: a.incidentId, incidentId: a.incidentId });

    const c = await analysed(teamId, "go-proxy-dial-timeout.log");
    await mergeIncidents({ teamId, incidentId: a.incidentId, from: c.incidentId });
    const toMerged = await moveUpload({ teamId, uploadId: b.uploadId, incidentId: c.incidentId });
    expect(toMerged.incidentId).toBe(a.incidentId);
    await expect(moveUpload({ teamId: await createTestTeam(), uploadId: b.uploadId, incidentId: a.incidentId })).rejects.toThrow(/not found/);
  });
});
