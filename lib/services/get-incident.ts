// One incident with what its page and the API show: root cause, the builds it holds, their events,
// the timeline on one clock and the impact (both computed when read), action items.
// Other features add fields here; consumers must ignore fields they do not know.
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { buildTimeline, type TimelineItem } from "./build-timeline";
import { computeImpact, failedJobsOf, type IncidentImpact } from "./compute-impact";
import { NotFoundError } from "./errors";
import { INCIDENT_UPLOAD_SELECT, uploadTime } from "./incident-upload-view";

export type { TimelineItem } from "./build-timeline";
export type { IncidentImpact } from "./compute-impact";

export interface IncidentEventView {
  id: string;
  uploadId: string;
  class: string;
  line: number;
  endLine: number;
  file: string | null;
  step: string | null;
  timestamp: string | null;
  /** The event's log timestamp, else its build's time: one clock for all builds. */
  seenAt: string;
  message: string;
  fields: Record<string, FieldValue>;
  fingerprint: string;
  count: number;
  runbookId: string | null;
  isRootCause: boolean;
}

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

export interface IncidentView {
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
  events: IncidentEventView[];
  /** More events exist than `events` holds (EVENT_LIMIT). */
  eventsTruncated: boolean;
  timeline: TimelineItem[];
  impact: IncidentImpact;
  actionItems: { id: string; title: string; owner: string | null; type: string | null; status: string; trackerUrl: string | null }[];
}

export const EVENT_LIMIT = 5000;

/** The incident's root cause: its earliest build's root-cause event of the incident's own failure, else of any. */
async function rootCauseEvent(uploadIds: string[], fingerprint: string) {
  const where = { uploadId: { in: uploadIds }, isRootCause: true };
  const orderBy = [{ upload: { createdAt: "asc" as const } }, { uploadId: "asc" as const }];
  return (await db().errorEvent.findFirst({ where: { ...where, fingerprint }, orderBy })) ?? db().errorEvent.findFirst({ where, orderBy });
}

export async function getIncident(input: { incidentId: string; teamId: string }): Promise<IncidentView> {
  const inc = await db().incident.findFirst({
    where: { id: input.incidentId, teamId: input.teamId },
    include: {
      uploads: { orderBy: { createdAt: "asc" }, select: INCIDENT_UPLOAD_SELECT },
      timeline: { orderBy: [{ at: "asc" }, { createdAt: "asc" }, { id: "asc" }] },
      impactRows: { orderBy: { createdAt: "asc" } },
      actionItems: { orderBy: { createdAt: "asc" } },
      mergedInto: { select: { id: true, title: true } },
      mergedFrom: { select: { id: true, title: true }, orderBy: { updatedAt: "asc" } },
    },
  });
  if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);
  const uploadIds = inc.uploads.map((u) => u.id);
  const timeOf = new Map(inc.uploads.map((u) => [u.id, uploadTime(u)]));
  const [rows, rootRow, timeline, impact] = await Promise.all([
    db().errorEvent.findMany({
      where: { uploadId: { in: uploadIds } },
      orderBy: [{ uploadId: "asc" }, { seq: "asc" }],
      take: EVENT_LIMIT + 1,
    }),
    rootCauseEvent(uploadIds, inc.fingerprint),
    buildTimeline({ uploads: inc.uploads, entries: inc.timeline }),
    computeImpact({
      incident: inc,
      uploads: inc.uploads,
      manual: inc.impactRows.map((r) => ({ id: r.id, label: r.label, value: r.value, createdAt: r.createdAt.toISOString() })),
    }),
  ]);
  const events: IncidentEventView[] = rows.slice(0, EVENT_LIMIT).map((e) => ({
    id: e.id.toString(),
    uploadId: e.uploadId,
    class: e.class,
    line: e.line,
    endLine: e.endLine,
    file: e.file,
    step: e.step,
    timestamp: e.timestamp?.toISOString() ?? null,
    seenAt: (e.timestamp ?? timeOf.get(e.uploadId) ?? inc.lastSeenAt).toISOString(),
    message: e.message,
    fields: e.fields as Record<string, FieldValue>,
    fingerprint: e.fingerprint,
    count: e.count,
    runbookId: e.runbookId,
    isRootCause: e.isRootCause,
  }));
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
    uploads: inc.uploads.map((u) => ({
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
    })),
    events,
    eventsTruncated: rows.length > EVENT_LIMIT,
    timeline,
    impact,
    actionItems: inc.actionItems.map((a) => ({ id: a.id, title: a.title, owner: a.owner, type: a.type, status: a.status, trackerUrl: a.trackerUrl })),
  };
}
