// An incident's impact, computed when read: failed runs and jobs, repos and branches, the modules,
// hosts and paths its events name, occurrences, first/last seen, duration, runner-minutes lost — plus
// the rows people added by hand.
import { db } from "../db/client";
import type { ImpactRowView } from "./add-impact-row";
import { storedSteps, type IncidentUploadRow } from "./incident-upload-view";
import { jobOfFile } from "./parse-upload-metadata";

export interface ImpactCount {
  value: string;
  /** Builds (uploads) that name it. */
  builds: number;
  /** Times it was stated across those builds (events' repeat counts). */
  occurrences?: number;
}

export interface IncidentImpact {
  builds: number;
  /** Distinct CI runs (run id, else run URL, else each upload on its own). */
  failedRuns: number;
  /** Distinct jobs of those runs; a build whose job is unknown counts as one. */
  failedJobs: number;
  jobs: ImpactCount[];
  repos: ImpactCount[];
  branches: ImpactCount[];
  modules: ImpactCount[];
  hosts: ImpactCount[];
  paths: ImpactCount[];
  /** How often the incident's failure was stated across its builds. */
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** From first seen to resolved (if resolved) or last seen. */
  durationMs: number;
  /** Sum of (finishedAt − startedAt) of the failed builds whose times are known; null when none are. */
  runnerMinutesLost: number | null;
  runnerMinutesKnownFor: number;
  manual: ImpactRowView[];
}

export type FieldHit = { kind: "module" | "host" | "path"; value: string; builds: number; occurrences: number };

export interface ImpactInput {
  incident: { firstSeenAt: Date; lastSeenAt: Date; status: string; resolvedAt: Date | null };
  uploads: Pick<IncidentUploadRow, "id" | "repo" | "branch" | "job" | "runId" | "runUrl" | "startedAt" | "finishedAt" | "steps">[];
  fieldHits: FieldHit[];
  occurrences: number;
  manual: ImpactRowView[];
}

const FIELD_LIST_LIMIT = 50;

function tally(values: (string | null)[][]): ImpactCount[] {
  const counts = new Map<string, number>();
  for (const perBuild of values) for (const v of new Set(perBuild)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, builds]) => ({ value, builds })).sort((a, b) => b.builds - a.builds || a.value.localeCompare(b.value));
}

/** Jobs a build failed in: its `job` metadata, else the jobs of an archive's failed steps. */
export function failedJobsOf(u: Pick<IncidentUploadRow, "job" | "steps">): string[] {
  if (u.job) return [u.job];
  return [...new Set(storedSteps(u).filter((s) => s.failed).map((s) => jobOfFile(s.file)).filter((j): j is string => j !== null))];
}

export function summariseImpact({ incident, uploads, fieldHits, occurrences, manual }: ImpactInput): IncidentImpact {
  const runs = new Set<string>();
  const jobKeys = new Set<string>();
  let minutes = 0;
  let known = 0;
  for (const u of uploads) {
    const run = u.runId ? `id:${u.runId}` : u.runUrl ? `url:${u.runUrl}` : `upload:${u.id}`;
    runs.add(run);
    const jobs = failedJobsOf(u);
    if (jobs.length === 0) jobKeys.add(`${run}\0upload:${u.id}`);
    for (const j of jobs) jobKeys.add(`${run}\0${j}`);
    if (u.startedAt && u.finishedAt && u.finishedAt >= u.startedAt) {
      minutes += (u.finishedAt.getTime() - u.startedAt.getTime()) / 60_000;
      known++;
    }
  }
  const hits = (kind: FieldHit["kind"]) =>
    fieldHits
      .filter((h) => h.kind === kind)
      .slice(0, FIELD_LIST_LIMIT)
      .map(({ value, builds, occurrences: n }) => ({ value, builds, occurrences: n }));
  const end = incident.status === "resolved" && incident.resolvedAt ? incident.resolvedAt : incident.lastSeenAt;
  return {
    builds: uploads.length,
    failedRuns: runs.size,
    failedJobs: jobKeys.size,
    jobs: tally(uploads.map(failedJobsOf)),
    repos: tally(uploads.map((u) => [u.repo])),
    branches: tally(uploads.map((u) => [u.branch])),
    modules: hits("module"),
    hosts: hits("host"),
    paths: hits("path"),
    occurrences,
    firstSeenAt: incident.firstSeenAt.toISOString(),
    lastSeenAt: incident.lastSeenAt.toISOString(),
    durationMs: Math.max(0, end.getTime() - incident.firstSeenAt.getTime()),
    runnerMinutesLost: known > 0 ? Math.round(minutes * 10_000) / 10_000 : null,
    runnerMinutesKnownFor: known,
    manual,
  };
}

/** Modules, hosts and paths named by the events of these builds, most stated first. */
export async function fieldHitsOf(uploadIds: string[]): Promise<FieldHit[]> {
  if (uploadIds.length === 0) return [];
  const rows = await db().$queryRaw<{ kind: FieldHit["kind"]; value: string; builds: number; occurrences: number }[]>`
    SELECT f.kind, f.value, count(DISTINCT e."uploadId")::int AS builds, sum(e.count)::int AS occurrences
    FROM "ErrorEvent" e
    CROSS JOIN LATERAL (VALUES
      ('module', CASE WHEN e.fields->>'module' IS NOT NULL THEN (e.fields->>'module') || coalesce('@' || (e.fields->>'version'), '') ELSE e.fields->>'package' END),
      ('host', coalesce(e.fields->>'host', substring(e.fields->>'url' from '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)'))),
      ('path', e.fields->>'path')
    ) AS f(kind, value)
    WHERE e."uploadId" = ANY(${uploadIds}::text[]) AND f.value IS NOT NULL AND f.value <> ''
    GROUP BY f.kind, f.value
    ORDER BY occurrences DESC, f.value
    LIMIT 600`;
  return rows;
}

/** Times the builds' own root-cause failures were stated (repeats included). */
export async function occurrencesOf(uploadIds: string[]): Promise<number> {
  if (uploadIds.length === 0) return 0;
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(e.count), 0)::int AS n FROM "ErrorEvent" e JOIN "Upload" u ON u.id = e."uploadId"
    WHERE u.id = ANY(${uploadIds}::text[]) AND e.fingerprint = u."rootFingerprint"`;
  return row?.n ?? 0;
}

export async function computeImpact(input: Omit<ImpactInput, "fieldHits" | "occurrences">): Promise<IncidentImpact> {
  const ids = input.uploads.map((u) => u.id);
  const [fieldHits, occurrences] = await Promise.all([fieldHitsOf(ids), occurrencesOf(ids)]);
  return summariseImpact({ ...input, fieldHits, occurrences });
}
