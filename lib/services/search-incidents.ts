// The incidents page and GET /api/v1/incidents/search: text search over incident titles and the
// messages and fields (module, path, host, …) of their error events, filters, sort and pages.
// Text search runs ILIKE on one trigram-indexed document per incident (refreshIncidentSearchDocs), so
// it costs the same with 3 or 300,000 events per incident (tests/incidents-search.integration.test.ts).
import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { refreshIncidentSearchDocs } from "./refresh-incident-search-docs";

const optional = (schema: z.ZodString) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), schema.optional());
const day = z.iso.date("use YYYY-MM-DD");

export const INCIDENT_SORTS = ["lastSeen", "firstSeen", "occurrences", "severity", "title"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const ZSearchIncidentsQuery = z.object({
  q: optional(z.string().max(200)),
  class: optional(z.string().max(100)),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["open", "mitigated", "resolved"]).optional()),
  severity: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["sev1", "sev2", "sev3", "sev4"]).optional()),
  repo: optional(z.string().max(300)),
  branch: optional(z.string().max(300)),
  from: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
  sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(INCIDENT_SORTS).default("lastSeen")),
  order: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["asc", "desc"]).default("desc")),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `pageSize is one of ${PAGE_SIZES.join(", ")}`)
    .default(25),
});
export type TSearchIncidentsQuery = z.output<typeof ZSearchIncidentsQuery>;

export interface IncidentSearchRow {
  id: string;
  title: string;
  status: string;
  severity: string;
  rootCauseClass: string;
  occurrenceCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  repos: string[];
  /** Why the row matched the search text when the title did not: an event's message or field. */
  match: { field: string; text: string } | null;
}

export interface IncidentSearchResult {
  items: IncidentSearchRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const MAX_TERMS = 5;

/** ILIKE pattern matching `term` anywhere, with the pattern characters in it taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function searchTerms(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

const ORDER_BY: Record<TSearchIncidentsQuery["sort"], (dir: Prisma.Sql) => Prisma.Sql> = {
  lastSeen: (d) => Prisma.sql`i."lastSeenAt" ${d}, i.id ${d}`,
  firstSeen: (d) => Prisma.sql`i."firstSeenAt" ${d}, i.id ${d}`,
  occurrences: (d) => Prisma.sql`i."occurrenceCount" ${d}, i."lastSeenAt" DESC, i.id DESC`,
  // Severity "descending" is most severe first: sev1 sorts before sev4 in the enum.
  severity: (d) => Prisma.sql`i.severity ${d === DESC ? ASC : DESC}, i."lastSeenAt" DESC, i.id DESC`,
  title: (d) => Prisma.sql`lower(i.title) ${d}, i.id ${d}`,
};
const ASC = Prisma.raw("ASC");
const DESC = Prisma.raw("DESC");

function whereClause(teamId: string, q: TSearchIncidentsQuery): Prisma.Sql {
  const conds: Prisma.Sql[] = [Prisma.sql`i."teamId" = ${teamId}`, Prisma.sql`i."mergedIntoId" IS NULL`];
  if (q.status) conds.push(Prisma.sql`i.status = ${q.status}::"IncidentStatus"`);
  if (q.severity) conds.push(Prisma.sql`i.severity = ${q.severity}::"Severity"`);
  if (q.class) conds.push(Prisma.sql`i."rootCauseClass" = ${q.class}`);
  // Date range: incidents active at some point in [from, to] (both whole UTC days).
  if (q.from) conds.push(Prisma.sql`i."lastSeenAt" >= ${new Date(`${q.from}T00:00:00Z`)}`);
  if (q.to) conds.push(Prisma.sql`i."firstSeenAt" < ${new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000)}`);
  if (q.repo || q.branch) {
    const up: Prisma.Sql[] = [Prisma.sql`u."incidentId" = i.id`];
    if (q.repo) up.push(Prisma.sql`u.repo = ${q.repo}`);
    if (q.branch) up.push(Prisma.sql`u.branch = ${q.branch}`);
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "Upload" u WHERE ${Prisma.join(up, " AND ")})`);
  }
  for (const term of searchTerms(q.q)) {
    conds.push(Prisma.sql`i.id IN (SELECT d."incidentId" FROM "IncidentSearchDoc" d WHERE d.text ILIKE ${containsPattern(term)})`);
  }
  return Prisma.join(conds, " AND ");
}

type Row = { id: string; title: string; status: string; severity: string; rootCauseClass: string; occurrenceCount: number; firstSeenAt: Date; lastSeenAt: Date };

export async function searchIncidents(input: { teamId: string; query: unknown }): Promise<IncidentSearchResult> {
  const q = ZSearchIncidentsQuery.parse(input.query ?? {});
  if (searchTerms(q.q).length > 0) await refreshIncidentSearchDocs({ teamId: input.teamId });
  const where = whereClause(input.teamId, q);
  const offset = (q.page - 1) * q.pageSize;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT i.id, i.title, i.status::text AS status, i.severity::text AS severity, i."rootCauseClass", i."occurrenceCount", i."firstSeenAt", i."lastSeenAt"
      FROM "Incident" i WHERE ${where}
      ORDER BY ${ORDER_BY[q.sort](q.order === "asc" ? ASC : DESC)}
      LIMIT ${q.pageSize} OFFSET ${offset}`,
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Incident" i WHERE ${where}`,
  ]);
  const ids = rows.map((r) => r.id);
  const [repos, matches] = await Promise.all([pageRepos(ids), pageMatches(ids, rows, searchTerms(q.q))]);
  const total = Number(counted[0]?.n ?? 0);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      severity: r.severity,
      rootCauseClass: r.rootCauseClass,
      occurrenceCount: r.occurrenceCount,
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      repos: repos.get(r.id) ?? [],
      match: matches.get(r.id) ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}

async function pageRepos(ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<{ incidentId: string; repos: string[] }[]>`
    SELECT "incidentId", (array_agg(DISTINCT repo))[1:3] AS repos FROM "Upload"
    WHERE "incidentId" = ANY(${ids}) AND repo IS NOT NULL GROUP BY "incidentId"`;
  return new Map(rows.map((r) => [r.incidentId, r.repos]));
}

/** For rows whose title does not contain the first search term: the event text that matched it. */
async function pageMatches(ids: string[], rows: Row[], terms: string[]): Promise<Map<string, { field: string; text: string }>> {
  if (terms.length === 0 || ids.length === 0) return new Map();
  const term = terms[0].toLowerCase();
  const need = rows.filter((r) => !r.title.toLowerCase().includes(term)).map((r) => r.id);
  if (need.length === 0) return new Map();
  // The document's first line is the title; the others are event messages and field values.
  const docs = await db().$queryRaw<{ incidentId: string; line: string | null }[]>`
    SELECT d."incidentId", (SELECT l FROM unnest((string_to_array(d.text, E'\n'))[2:]) l WHERE l ILIKE ${containsPattern(terms[0])} LIMIT 1) AS line
    FROM "IncidentSearchDoc" d WHERE d."incidentId" = ANY(${need})`;
  return new Map(docs.filter((d) => d.line).map((d) => [d.incidentId, { field: "event", text: snippet(d.line!, terms[0]) }]));
}

/** About 160 characters of `text` around the first occurrence of `term`. */
export function snippet(text: string, term: string, width = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const at = Math.max(0, flat.toLowerCase().indexOf(term.toLowerCase()));
  const start = Math.max(0, Math.min(at - Math.floor((width - term.length) / 2), flat.length - width));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + width)}${start + width < flat.length ? "…" : ""}`;
}
