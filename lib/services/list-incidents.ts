// The incident list, newest activity first, for the overview page and GET /api/v1/incidents.
import { db } from "../db/client";

export interface IncidentSummary {
  id: string;
  title: string;
  status: string;
  severity: string;
  rootCauseClass: string;
  occurrenceCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export async function listIncidents(input: { teamId: string; limit?: number; cursor?: string }): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db().incident.findMany({
    where: { teamId: input.teamId, mergedIntoId: null },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map((i) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    severity: i.severity,
    rootCauseClass: i.rootCauseClass,
    occurrenceCount: i.occurrenceCount,
    firstSeenAt: i.firstSeenAt.toISOString(),
    lastSeenAt: i.lastSeenAt.toISOString(),
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
