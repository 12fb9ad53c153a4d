// Brings a team's incident search documents (IncidentSearchDoc) up to date: for every incident whose
// title, uploads or latest analysis changed since its document was built, the document is rebuilt from
// the title and the distinct messages and field values of its events. Search then runs ILIKE on one
// trigram-indexed text per incident instead of scanning every event row; the ErrorEvent table, written
// by COPY at ingest, stays free of a trigram index (which made inserts ~8x slower when measured).
import { db } from "../db/client";

/** Distinct event texts kept per incident, and the document's length cap. */
const MAX_VALUES = 5000;
const MAX_CHARS = 262_144;

export async function refreshIncidentSearchDocs(input: { teamId: string }): Promise<{ rebuilt: number }> {
  return db().$transaction(
    async (tx) => {
      // Concurrent searches of one team take turns; the second finds nothing left to do.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`incident-search:${input.teamId}`}))`;
      // The planner prices the per-incident lateral subquery for every incident, although it runs only
      // for stale ones; with JIT on, compiling that estimate alone took ~0.5 s per search.
      await tx.$executeRaw`SET LOCAL jit = off`;
      const rebuilt = await tx.$executeRaw`
        WITH cur AS (
          SELECT i.id, i.title,
            md5(i.title) || '/' || i."updatedAt"::text || '/' || count(u.id) || '/' || coalesce(max(u."analysedAt")::text, '') AS version
          FROM "Incident" i LEFT JOIN "Upload" u ON u."incidentId" = i.id
          WHERE i."teamId" = ${input.teamId}
          GROUP BY i.id
        ), stale AS (
          SELECT c.* FROM cur c LEFT JOIN "IncidentSearchDoc" d ON d."incidentId" = c.id
          WHERE d."sourceVersion" IS DISTINCT FROM c.version
        )
        INSERT INTO "IncidentSearchDoc" ("incidentId", text, "sourceVersion", "builtAt")
        SELECT s.id, left(s.title || coalesce(E'\n' || t.text, ''), ${MAX_CHARS}), s.version, now()
        FROM stale s
        LEFT JOIN LATERAL (
          SELECT string_agg(v, E'\n') AS text FROM (
            SELECT DISTINCT x.v FROM "Upload" u
            JOIN "ErrorEvent" e ON e."uploadId" = u.id
            CROSS JOIN LATERAL (SELECT e.message UNION ALL SELECT value FROM jsonb_each_text(e.fields)) x(v)
            WHERE u."incidentId" = s.id AND x.v <> ''
            LIMIT ${MAX_VALUES}
          ) vals
        ) t ON true
        ORDER BY s.id
        ON CONFLICT ("incidentId") DO UPDATE SET text = EXCLUDED.text, "sourceVersion" = EXCLUDED."sourceVersion", "builtAt" = EXCLUDED."builtAt"`;
      return { rebuilt };
    },
    { timeout: 120_000 },
  );
}
