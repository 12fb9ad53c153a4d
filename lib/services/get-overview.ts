// What the overview page shows: open incidents, failures per day by class, the most recurring
// root causes and the latest uploads with their analysis status.
import { db } from "../db/client";

export interface OverviewData {
  openIncidents: number;
  failuresByDay: { day: string; class: string; count: number }[];
  topFingerprints: { incidentId: string; title: string; rootCauseClass: string; occurrenceCount: number; lastSeenAt: string }[];
  recentUploads: { id: string; status: string; files: string[]; repo: string | null; createdAt: string; incidentId: string | null; rootCauseClass: string | null }[];
}

export async function getOverview(input: { teamId: string; days?: number }): Promise<OverviewData> {
  const days = input.days ?? 30;
  const since = new Date(Date.now() - days * 86_400_000);
  const [openIncidents, byDay, top, uploads] = await Promise.all([
    db().incident.count({ where: { teamId: input.teamId, status: { not: "resolved" }, mergedIntoId: null } }),
    db().$queryRaw<{ day: Date; class: string; count: bigint }[]>`
      SELECT date_trunc('day', coalesce("finishedAt", "startedAt", "createdAt")) AS day, "rootCauseClass" AS class, count(*) AS count
      FROM "Upload"
      WHERE "teamId" = ${input.teamId} AND "rootCauseClass" IS NOT NULL AND "createdAt" >= ${since}
      GROUP BY 1, 2 ORDER BY 1`,
    db().incident.findMany({
      where: { teamId: input.teamId, mergedIntoId: null },
      orderBy: [{ occurrenceCount: "desc" }, { lastSeenAt: "desc" }],
      take: 5,
      select: { id: true, title: true, rootCauseClass: true, occurrenceCount: true, lastSeenAt: true },
    }),
    db().upload.findMany({
      where: { teamId: input.teamId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, status: true, repo: true, createdAt: true, incidentId: true, rootCauseClass: true, files: { select: { name: true } } },
    }),
  ]);
  return {
    openIncidents,
    failuresByDay: byDay.map((r) => ({ day: r.day.toISOString().slice(0, 10), class: r.class, count: Number(r.count) })),
    topFingerprints: top.map((t) => ({ incidentId: t.id, title: t.title, rootCauseClass: t.rootCauseClass, occurrenceCount: t.occurrenceCount, lastSeenAt: t.lastSeenAt.toISOString() })),
    recentUploads: uploads.map((u) => ({
      id: u.id,
      status: u.status,
      files: u.files.map((f) => f.name),
      repo: u.repo,
      createdAt: u.createdAt.toISOString(),
      incidentId: u.incidentId,
      rootCauseClass: u.rootCauseClass,
    })),
  };
}
