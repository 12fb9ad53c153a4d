// One incident with what its page and the API show: root cause, events of its uploads, timeline.
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export interface IncidentEventView {
  id: string;
  uploadId: string;
  class: string;
  line: number;
  endLine: number;
  file: string | null;
  step: string | null;
  timestamp: string | null;
  message: string;
  fields: Record<string, FieldValue>;
  fingerprint: string;
  count: number;
  runbookId: string | null;
  isRootCause: boolean;
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
  occurrenceCount: number;
  rootCause: (Pick<IncidentEventView, "class" | "line" | "endLine" | "file" | "message" | "uploadId" | "fields" | "runbookId">) | null;
  uploads: { id: string; repo: string | null; branch: string | null; createdAt: string; files: string[] }[];
  events: IncidentEventView[];
  timeline: { at: string; kind: string; title: string; uploadId: string | null; line: number | null; endLine: number | null; file: string | null }[];
  actionItems: { id: string; title: string; owner: string | null; type: string | null; status: string; trackerUrl: string | null }[];
}

const EVENT_LIMIT = 5000;

export async function getIncident(input: { incidentId: string; teamId: string }): Promise<IncidentView> {
  const inc = await db().incident.findFirst({
    where: { id: input.incidentId, teamId: input.teamId },
    include: {
      uploads: { orderBy: { createdAt: "asc" }, include: { files: { select: { name: true } } } },
      timeline: { orderBy: { at: "asc" } },
      actionItems: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);
  const uploadIds = inc.uploads.map((u) => u.id);
  const rows = await db().errorEvent.findMany({
    where: { uploadId: { in: uploadIds } },
    orderBy: [{ uploadId: "asc" }, { seq: "asc" }],
    take: EVENT_LIMIT,
  });
  const events: IncidentEventView[] = rows.map((e) => ({
    id: e.id.toString(),
    uploadId: e.uploadId,
    class: e.class,
    line: e.line,
    endLine: e.endLine,
    file: e.file,
    step: e.step,
    timestamp: e.timestamp?.toISOString() ?? null,
    message: e.message,
    fields: e.fields as Record<string, FieldValue>,
    fingerprint: e.fingerprint,
    count: e.count,
    runbookId: e.runbookId,
    isRootCause: e.isRootCause,
  }));
  // The incident's root cause is the earliest upload's root-cause event.
  const root = events.find((e) => e.isRootCause && e.fingerprint === inc.fingerprint) ?? events.find((e) => e.isRootCause) ?? null;
  return {
    id: inc.id,
    title: inc.title,
    status: inc.status,
    severity: inc.severity,
    owner: inc.owner,
    fingerprint: inc.fingerprint,
    firstSeenAt: inc.firstSeenAt.toISOString(),
    lastSeenAt: inc.lastSeenAt.toISOString(),
    occurrenceCount: inc.occurrenceCount,
    rootCause: root && {
      class: root.class,
      line: root.line,
      endLine: root.endLine,
      file: root.file,
      message: root.message,
      uploadId: root.uploadId,
      fields: root.fields,
      runbookId: root.runbookId,
    },
    uploads: inc.uploads.map((u) => ({ id: u.id, repo: u.repo, branch: u.branch, createdAt: u.createdAt.toISOString(), files: u.files.map((f) => f.name) })),
    events,
    timeline: inc.timeline.map((t) => ({ at: t.at.toISOString(), kind: t.kind, title: t.title, uploadId: t.uploadId, line: t.line, endLine: t.endLine, file: t.file })),
    actionItems: inc.actionItems.map((a) => ({ id: a.id, title: a.title, owner: a.owner, type: a.type, status: a.status, trackerUrl: a.trackerUrl })),
  };
}
