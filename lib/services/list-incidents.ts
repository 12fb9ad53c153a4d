// The incident list, newest activity first, for the overview page and GET /api/v1/incidents. Merged-away
// incidents are left out (their builds are in the incident they were merged into).
import { db } from "../db/client";
import type { INCIDENT_STATUSES } from "./update-incident";

export interface IncidentSummary {
  id: string;
  title: string;
  status: string;
  severity: string;
  owner: string | null;
  rootCauseClass: string;
  rootCause: { class: string; line: number; file: string | null; message: string; uploadId: string } | null;
  occurrenceCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Counts only; GET /api/v1/incidents/:id has the lists. */
  impact: { builds: number; failedRuns: number; repos: number; branches: number; runnerMinutesLost: number | null };
}

export type IncidentStatusName = (typeof INCIDENT_STATUSES)[number];

export async function listIncidents(input: {
  teamId: string;
  limit?: number;
  cursor?: string;
  status?: IncidentStatusName[];
}): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db().incident.findMany({
    where: { teamId: input.teamId, mergedIntoId: null, ...(input.status?.length ? { status: { in: input.status } } : {}) },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const ids = page.map((i) => i.id);
  const [roots, counts] = ids.length === 0 ? [[], []] : await Promise.all([rootCauses(ids), impactCounts(ids)]);
  const rootOf = new Map(roots.map((r) => [r.incidentId, r]));
  const countsOf = new Map(counts.map((c) => [c.incidentId, c]));
  const items = page.map((i): IncidentSummary => {
    const r = rootOf.get(i.id);
    const c = countsOf.get(i.id);
    return {
      id: i.id,
      title: i.title,
      status: i.status,
      severity: i.severity,
      owner: i.owner,
      rootCauseClass: i.rootCauseClass,
      rootCause: r ? { class: r.class, line: r.line, file: r.file, message: r.message, uploadId: r.uploadId } : null,
      occurrenceCount: i.occurrenceCount,
      firstSeenAt: i.firstSeenAt.toISOString(),
      lastSeenAt: i.lastSeenAt.toISOString(),
      impact: {
        builds: c?.builds ?? 0,
        failedRuns: c?.runs ?? 0,
        repos: c?.repos ?? 0,
        branches: c?.branches ?? 0,
        runnerMinutesLost: c?.minutes === null || c?.minutes === undefined ? null : Math.round(c.minutes * 100) / 100,
      },
    };
  });
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

function rootCauses(ids: string[]) {
  return db().$queryRaw<{ incidentId: string; class: string; line: number; file: string | null; message: string; uploadId: string }[]>`
    SELECT DISTINCT ON (u."incidentId") u."incidentId", e.class, e.line, e.file, e.message, e."uploadId"
    FROM "Upload" u
    JOIN "Incident" i ON i.id = u."incidentId"
    JOIN "ErrorEvent" e ON e."uploadId" = u.id AND e."isRootCause"
    WHERE u."incidentId" = ANY(${ids}::text[])
    ORDER BY u."incidentId", (e.fingerprint = i.fingerprint) DESC, u."createdAt", u.id`;
}

function impactCounts(ids: string[]) {
  return db().$queryRaw<{ incidentId: string; builds: number; runs: number; repos: number; branches: number; minutes: number | null }[]>`
    SELECT "incidentId", count(*)::int AS builds,
      count(DISTINCT coalesce('id:' || "runId", 'url:' || "runUrl", 'upload:' || id))::int AS runs,
      count(DISTINCT repo)::int AS repos, count(DISTINCT branch)::int AS branches,
      (sum(EXTRACT(epoch FROM ("finishedAt" - "startedAt")) / 60) FILTER (WHERE "finishedAt" >= "startedAt"))::float8 AS minutes
    FROM "Upload" WHERE "incidentId" = ANY(${ids}::text[]) GROUP BY "incidentId"`;
}
