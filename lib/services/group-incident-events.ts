// An incident's events for its page, grouped in Postgres instead of shipped row by row: one section per
// error class (the root cause's first, then the most stated) and in it one row per failure (class and
// fingerprint) across builds, with counts, builds and first/last seen on one clock (the event's log
// timestamp, else its build's time, as uploadTime). Rows per class are capped; the class totals are not.
import { db } from "../db/client";
import { findIncidentBuilds } from "./get-incident-core";
import type { IncidentEventView } from "./list-incident-events";

/** Where a failure was first stated (lowest build id, then sequence): the evidence link. */
export type EventEvidence = Pick<IncidentEventView, "id" | "uploadId" | "class" | "line" | "endLine" | "file" | "step" | "message">;

export interface EventGroup {
  first: EventEvidence;
  count: number;
  uploads: number;
  isRootCause: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface ClassGroup {
  class: string;
  count: number;
  uploads: number;
  isRootCause: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Distinct failures of the class; `groups` holds at most the cap of them. */
  distinct: number;
  groups: EventGroup[];
}

export const FAILURES_PER_CLASS = 50;

/** Root cause's class first, then the most stated, then by name. */
export function compareClassGroups(a: Pick<ClassGroup, "isRootCause" | "count" | "class">, b: Pick<ClassGroup, "isRootCause" | "count" | "class">): number {
  return Number(b.isRootCause) - Number(a.isRootCause) || b.count - a.count || a.class.localeCompare(b.class);
}

interface Row {
  class: string;
  class_count: bigint;
  class_uploads: number;
  class_root: boolean;
  class_first: Date;
  class_last: Date;
  distinct_n: number;
  count: bigint;
  uploads: number;
  root: boolean;
  first_seen: Date;
  last_seen: Date;
  id: bigint;
  uploadId: string;
  line: number;
  endLine: number;
  file: string | null;
  step: string | null;
  message: string;
}

/** Sections for these builds; within a class, root-cause failures first, then in order of first statement. */
export async function groupEventsOfBuilds(uploadIds: string[], perClass = FAILURES_PER_CLASS): Promise<ClassGroup[]> {
  if (uploadIds.length === 0) return [];
  // One hash aggregate over the events, no sort of them: a build is a bit in a mask (distinct builds are
  // the bits set), and the first statement is the smallest (build position, seq) packed into a bigint.
  const rows = await db().$queryRaw<Row[]>`
    WITH builds AS (
      SELECT u.id, coalesce(u."finishedAt", u."startedAt", u."createdAt") AS at, (row_number() OVER (ORDER BY u.id) - 1)::int AS b, count(*) OVER () AS n
      FROM "Upload" u WHERE u.id = ANY(${uploadIds}::text[])
    ), masks AS (
      SELECT id, at, b, set_bit(repeat('0', n::int)::varbit, b, 1) AS mask FROM builds
    ), failures AS (
      SELECT e.class, e.fingerprint, sum(e.count)::bigint AS count, bool_or(e."isRootCause") AS root,
             min(coalesce(e.timestamp, m.at)) AS first_seen, max(coalesce(e.timestamp, m.at)) AS last_seen,
             min((m.b::bigint << 32) | e.seq) AS first_key, bit_or(m.mask) AS builds
      FROM "ErrorEvent" e JOIN masks m ON m.id = e."uploadId"
      WHERE e."uploadId" = ANY(${uploadIds}::text[])
      GROUP BY e.class, e.fingerprint
    ), ranked AS (
      SELECT f.*, row_number() OVER (PARTITION BY class ORDER BY root DESC, first_key) AS rank,
             (count(*) OVER c)::int AS distinct_n, (sum(count) OVER c)::bigint AS class_count, bool_or(root) OVER c AS class_root,
             min(first_seen) OVER c AS class_first, max(last_seen) OVER c AS class_last, bit_count(bit_or(builds) OVER c)::int AS class_uploads
      FROM failures f WINDOW c AS (PARTITION BY class)
    )
    SELECT r.class, r.class_count, r.class_uploads, r.class_root, r.class_first, r.class_last, r.distinct_n,
           r.count, bit_count(r.builds)::int AS uploads, r.root, r.first_seen, r.last_seen,
           e.id, e."uploadId", e.line, e."endLine", e.file, e.step, e.message
    FROM ranked r JOIN masks m ON m.b = (r.first_key >> 32)::int
    JOIN "ErrorEvent" e ON e."uploadId" = m.id AND e.seq = (r.first_key & 4294967295)::int
    WHERE r.rank <= ${perClass}
    ORDER BY r.class, r.rank`;
  const sections = new Map<string, ClassGroup>();
  for (const r of rows) {
    let s = sections.get(r.class);
    if (!s) {
      s = {
        class: r.class,
        count: Number(r.class_count),
        uploads: r.class_uploads,
        isRootCause: r.class_root,
        firstSeenAt: r.class_first.toISOString(),
        lastSeenAt: r.class_last.toISOString(),
        distinct: r.distinct_n,
        groups: [],
      };
      sections.set(r.class, s);
    }
    s.groups.push({
      first: { id: r.id.toString(), uploadId: r.uploadId, class: r.class, line: r.line, endLine: r.endLine, file: r.file, step: r.step, message: r.message },
      count: Number(r.count),
      uploads: r.uploads,
      isRootCause: r.root,
      firstSeenAt: r.first_seen.toISOString(),
      lastSeenAt: r.last_seen.toISOString(),
    });
  }
  return [...sections.values()].sort(compareClassGroups);
}

export async function groupIncidentEvents(input: { incidentId: string; teamId: string; perClass?: number }): Promise<ClassGroup[]> {
  const inc = await findIncidentBuilds(input);
  return groupEventsOfBuilds(inc.uploads.map((u) => u.id), input.perClass);
}
