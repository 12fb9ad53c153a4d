// The cheap part of an incident (a few ms however many events it holds): its row, builds, root cause,
// action items and merge links. The page renders it first; events, timeline and impact stream after.
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { failedJobsOf } from "./compute-impact";
import { NotFoundError } from "./errors";
import { INCIDENT_UPLOAD_SELECT, uploadTime, type IncidentUploadRow } from "./incident-upload-view";
import type { IncidentEventView } from "./list-incident-events";

export interface IncidentUploadView {
  id: string;
  status: string;
  repo: string | null;
  branch: string | null;
  commitSha: string | null;
  ciProvider: string | null;
  workflow: string | null;
  job: string | null;
  /** Jobs that failed in it: `job`, else an archive's failed jobs. */
  failedJobs: string[];
  runId: string | null;
  runUrl: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  seenAt: string;
  rootCauseClass: string | null;
  /** A person put it here (split, move): re-analysis keeps it here. */
  pinned: boolean;
  files: string[];
}

export interface IncidentCoreView {
  id: string;
  title: string;
  status: string;
  severity: string;
  owner: string | null;
  fingerprint: string;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  occurrenceCount: number;
  /** Set when this incident was merged into another one (which now holds its builds). */
  mergedInto: { id: string; title: string } | null;
  mergedFrom: { id: string; title: string }[];
  rootCause: (Pick<IncidentEventView, "class" | "line" | "endLine" | "file" | "message" | "uploadId" | "fields" | "runbookId">) | null;
  uploads: IncidentUploadView[];
  actionItems: { id: string; title: string; owner: string | null; type: string | null; status: string; trackerUrl: string | null }[];
}

/** The incident's row with its builds, or NotFoundError when it is not this team's. */
export async function findIncidentRow(input: { incidentId: string; teamId: string }) {
  const inc = await db().incident.findFirst({
    where: { id: input.incidentId, teamId: input.teamId },
    include: {
      uploads: { orderBy: { createdAt: "asc" }, select: INCIDENT_UPLOAD_SELECT },
      actionItems: { orderBy: { createdAt: "asc" } },
      mergedInto: { select: { id: true, title: true } },
      mergedFrom: { select: { id: true, title: true }, orderBy: { updatedAt: "asc" } },
    },
  });
  if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);
  return inc;
}

export type IncidentRow = Awaited<ReturnType<typeof findIncidentRow>>;

/** The incident's root cause: its earliest build's root-cause event of the incident's own failure, else of any. */
async function rootCauseEvent(uploadIds: string[], fingerprint: string) {
  if (uploadIds.length === 0) return null;
  const where = { uploadId: { in: uploadIds }, isRootCause: true };
  const orderBy = [{ upload: { createdAt: "asc" as const } }, { uploadId: "asc" as const }];
  return (await db().errorEvent.findFirst({ where: { ...where, fingerprint }, orderBy })) ?? db().errorEvent.findFirst({ where, orderBy });
}

export function uploadView(u: IncidentUploadRow): IncidentUploadView {
  return {
    id: u.id,
    status: u.status,
    repo: u.repo,
    branch: u.branch,
    commitSha: u.commitSha,
    ciProvider: u.ciProvider,
    workflow: u.workflow,
    job: u.job,
    failedJobs: failedJobsOf(u),
    runId: u.runId,
    runUrl: u.runUrl,
    startedAt: u.startedAt?.toISOString() ?? null,
    finishedAt: u.finishedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    seenAt: uploadTime(u).toISOString(),
    rootCauseClass: u.rootCauseClass,
    pinned: u.incidentPinnedAt !== null,
    files: u.files.map((f) => f.name),
  };
}

export async function incidentCoreOf(inc: IncidentRow): Promise<IncidentCoreView> {
  const rootRow = await rootCauseEvent(inc.uploads.map((u) => u.id), inc.fingerprint);
  return {
    id: inc.id,
    title: inc.title,
    status: inc.status,
    severity: inc.severity,
    owner: inc.owner,
    fingerprint: inc.fingerprint,
    firstSeenAt: inc.firstSeenAt.toISOString(),
    lastSeenAt: inc.lastSeenAt.toISOString(),
    resolvedAt: inc.resolvedAt?.toISOString() ?? null,
    createdAt: inc.createdAt.toISOString(),
    updatedAt: inc.updatedAt.toISOString(),
    occurrenceCount: inc.occurrenceCount,
    mergedInto: inc.mergedInto,
    mergedFrom: inc.mergedFrom,
    rootCause: rootRow && {
      class: rootRow.class,
      line: rootRow.line,
      endLine: rootRow.endLine,
      file: rootRow.file,
      message: rootRow.message,
      uploadId: rootRow.uploadId,
      fields: rootRow.fields as Record<string, FieldValue>,
      runbookId: rootRow.runbookId,
    },
    uploads: inc.uploads.map(uploadView),
    actionItems: inc.actionItems.map((a) => ({ id: a.id, title: a.title, owner: a.owner, type: a.type, status: a.status, trackerUrl: a.trackerUrl })),
  };
}

export async function getIncidentCore(input: { incidentId: string; teamId: string }): Promise<IncidentCoreView> {
  return incidentCoreOf(await findIncidentRow(input));
}

/** What the heavy parts (events, timeline, impact) need: the incident's dates and its builds; team-scoped. */
export async function findIncidentBuilds(input: { incidentId: string; teamId: string }) {
  const inc = await db().incident.findFirst({
    where: { id: input.incidentId, teamId: input.teamId },
    select: { id: true, firstSeenAt: true, lastSeenAt: true, status: true, resolvedAt: true, uploads: { orderBy: { createdAt: "asc" }, select: INCIDENT_UPLOAD_SELECT } },
  });
  if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);
  return inc;
}
