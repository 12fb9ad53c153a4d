// The incident page's events table grouped in Postgres gives the same sections, rows and counts as
// grouping every event in memory, on an incident of several builds; rows per class are capped while
// the class totals stay exact.
import { describe, expect, it } from "vitest";
import { groupEventsByClass } from "../components/group-events";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { getIncident } from "../lib/services/get-incident";
import { groupEventsOfBuilds, groupIncidentEvents } from "../lib/services/group-incident-events";
import { listIncidentEvents } from "../lib/services/list-incident-events";
import { connectTestDatabase } from "./support/db";
import { corpusText, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

const checksum = corpusText("go-checksum-mismatch.log");
const dns = corpusText("go-dns-default-proxy.log");

/** A Go build log failing on these modules' checksums, in this order (repeats allowed). */
function goLog(modules: number[], extra = ""): string {
  const blocks = modules.map((k) => checksum.replaceAll("github.com/acme/greet", `github.com/acme/greet${k}`));
  return `${blocks.join("\n")}\n${extra}# ${Math.random().toString(36).slice(2)}\n`;
}

async function analysed(teamId: string, name: string, text: string, metadata: Record<string, string> = {}) {
  const up = await uploadFiles(teamId, [textFile(name, text)], metadata);
  const result = await analyzeUpload({ uploadId: up.id });
  return { uploadId: up.id, incidentId: result.incidentId! };
}

describe("events grouped in SQL", () => {
  it("match the in-memory grouping of all events of a multi-build incident, and cap rows per class", async () => {
    const teamId = await createTestTeam();
    const a = await analysed(teamId, "a.log", goLog([0, 1, 2]), { repo: "acme/a", startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:05:00Z" });
    const b = await analysed(teamId, "b.log", goLog([0, 3, 1, 3], `${dns}\n`));
    const c = await analysed(teamId, "c.log", goLog([0, 4, 5, 6, 2]), { repo: "acme/c", finishedAt: "2026-11-19T08:00:00Z" });
    expect(new Set([a.incidentId, b.incidentId, c.incidentId]).size).toBe(1);
    const scope = { incidentId: a.incidentId, teamId };

    const { events, truncated } = await listIncidentEvents(scope);
    expect(truncated).toBe(false);
    expect(new Set(events.map((e) => e.uploadId)).size).toBe(3);
    const inMemory = groupEventsByClass(events);
    const inSql = await groupIncidentEvents(scope);
    expect(inSql).toEqual(inMemory);
    // The sections say something: several classes, failures folded across builds, the root cause first.
    expect(inSql.length).toBeGreaterThan(1);
    expect(inSql[0]).toMatchObject({ class: "checksum_mismatch", isRootCause: true, uploads: 3 });
    expect(inSql[0].groups[0]).toMatchObject({ isRootCause: true, uploads: 3, firstSeenAt: "2026-11-19T08:00:00.000Z" });
    expect(inSql[0].groups.some((g) => g.uploads === 2)).toBe(true);
    expect(inSql.find((s) => s.class === "dns_failure")).toMatchObject({ uploads: 1, distinct: 1 });

    // Capped: at most 2 rows per class, the same first rows, the totals unchanged.
    const capped = await groupIncidentEvents({ ...scope, perClass: 2 });
    expect(capped).toEqual(groupEventsByClass(events, 2));
    expect(capped.map((s) => [s.class, s.count, s.uploads, s.distinct, s.firstSeenAt, s.lastSeenAt])).toEqual(
      inSql.map((s) => [s.class, s.count, s.uploads, s.distinct, s.firstSeenAt, s.lastSeenAt]),
    );
    expect(capped[0].groups).toEqual(inSql[0].groups.slice(0, 2));
    expect(capped[0].distinct).toBeGreaterThan(2);

    // The API still holds every event and the same view.
    const view = await getIncident(scope);
    expect(view.events).toEqual(events);
    expect(await groupEventsOfBuilds([])).toEqual([]);
  });

  it("is team-scoped", async () => {
    const teamId = await createTestTeam();
    const other = await createTestTeam();
    const a = await analysed(teamId, "a.log", goLog([0]));
    await expect(groupIncidentEvents({ incidentId: a.incidentId, teamId: other })).rejects.toThrow(/not found/);
  });
});
