// An incident's events, bounded: the API's full view and the trace section (the events of the traced
// builds only). The page's events table groups in SQL instead (group-incident-events.ts).
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { findIncidentBuilds } from "./get-incident-core";
import { uploadTime, type IncidentUploadRow } from "./incident-upload-view";

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

export const EVENT_LIMIT = 5000;

export interface IncidentEvents {
  events: IncidentEventView[];
  /** More events exist than `events` holds (the limit). */
  truncated: boolean;
}

/** The events of these builds in (build, sequence) order, at most `limit`. */
export async function eventsOfBuilds(uploads: Pick<IncidentUploadRow, "id" | "finishedAt" | "startedAt" | "createdAt">[], fallbackTime: Date, limit = EVENT_LIMIT): Promise<IncidentEvents> {
  if (uploads.length === 0) return { events: [], truncated: false };
  const timeOf = new Map(uploads.map((u) => [u.id, uploadTime(u)]));
  const rows = await db().errorEvent.findMany({
    where: { uploadId: { in: uploads.map((u) => u.id) } },
    orderBy: [{ uploadId: "asc" }, { seq: "asc" }],
    take: limit + 1,
  });
  const events: IncidentEventView[] = rows.slice(0, limit).map((e) => ({
    id: e.id.toString(),
    uploadId: e.uploadId,
    class: e.class,
    line: e.line,
    endLine: e.endLine,
    file: e.file,
    step: e.step,
    timestamp: e.timestamp?.toISOString() ?? null,
    seenAt: (e.timestamp ?? timeOf.get(e.uploadId) ?? fallbackTime).toISOString(),
    message: e.message,
    fields: e.fields as Record<string, FieldValue>,
    fingerprint: e.fingerprint,
    count: e.count,
    runbookId: e.runbookId,
    isRootCause: e.isRootCause,
  }));
  return { events, truncated: rows.length > limit };
}

/** The incident's events, or only those of some of its builds (others' ids are ignored). */
export async function listIncidentEvents(input: { incidentId: string; teamId: string; uploadIds?: string[]; limit?: number }): Promise<IncidentEvents> {
  const inc = await findIncidentBuilds(input);
  const wanted = input.uploadIds && new Set(input.uploadIds);
  return eventsOfBuilds(wanted ? inc.uploads.filter((u) => wanted.has(u.id)) : inc.uploads, inc.lastSeenAt, input.limit);
}

/** Whether any event of the incident is in a build other than these (e.g. than its traced ones). */
export async function incidentHasEventsOutside(input: { incidentId: string; teamId: string; uploadIds: string[] }): Promise<boolean> {
  const inc = await findIncidentBuilds(input);
  const inside = new Set(input.uploadIds);
  const others = inc.uploads.map((u) => u.id).filter((id) => !inside.has(id));
  if (others.length === 0) return false;
  return (await db().errorEvent.findFirst({ where: { uploadId: { in: others } }, select: { id: true } })) !== null;
}
