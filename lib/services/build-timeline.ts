// An incident's timeline on one clock across its builds, computed when read so it always matches the
// builds the incident holds now (after merges, splits and moves): job starts and ends, CI steps, the
// first occurrence of each failure per build (at its log timestamp, else the build's time), plus
// the stored entries — status changes, merges, splits, moves and people's notes.
import { db } from "../db/client";
import { classLabel } from "./incident-title";
import { storedSteps, uploadTime, type IncidentUploadRow } from "./incident-upload-view";
import { jobOfFile } from "./parse-upload-metadata";

export type TimelineKind = "job-start" | "job-end" | "upload" | "step" | "event" | "status" | "merge" | "split" | "move" | "note";

export interface TimelineItem {
  id: string;
  at: string;
  /** Steps: when the step ended. */
  endAt: string | null;
  kind: TimelineKind | (string & {});
  title: string;
  detail: string | null;
  /** Events: error class and how often it was stated in that build. */
  class: string | null;
  count: number | null;
  /** A failed step, or an event. */
  failed: boolean;
  /** The log gave no time: placed at its build's time. */
  approximate: boolean;
  /** Evidence: the build and lines this entry points at. */
  uploadId: string | null;
  file: string | null;
  line: number | null;
  endLine: number | null;
}

export interface StoredTimelineEntry {
  id: string;
  at: Date;
  kind: string;
  title: string;
  detail: string | null;
  uploadId: string | null;
  file: string | null;
  line: number | null;
  endLine: number | null;
}

export interface FirstEvent {
  id: string;
  uploadId: string;
  class: string;
  line: number;
  endLine: number;
  file: string | null;
  timestamp: Date | null;
  step: string | null;
  message: string;
  count: number;
  isRootCause: boolean;
}

export const TIMELINE_EVENT_LIMIT = 1000;
const STEPS_PER_BUILD = 200;

const RANK: Record<string, number> = { "job-start": 0, upload: 0, step: 1, event: 2, "job-end": 3, note: 5 };

type Build = Pick<IncidentUploadRow, "id" | "repo" | "branch" | "commitSha" | "job" | "workflow" | "startedAt" | "finishedAt" | "createdAt" | "steps" | "files">;

function buildLabel(u: Build): string {
  return [u.repo, u.branch, u.commitSha?.slice(0, 7)].filter(Boolean).join(" · ");
}

/** Pure: merges builds, their first events and the stored entries into one ordered list. */
export function assembleTimeline(input: { uploads: Build[]; events: FirstEvent[]; entries: StoredTimelineEntry[] }): TimelineItem[] {
  const items: TimelineItem[] = [];
  const base = { endAt: null, detail: null, class: null, count: null, failed: false, approximate: false, uploadId: null, file: null, line: null, endLine: null };
  const byId = new Map(input.uploads.map((u) => [u.id, u]));
  for (const u of input.uploads) {
    const named = u.job ?? u.workflow;
    const job = named ? `Job ${named}` : "The job";
    const where = buildLabel(u) || null;
    if (u.startedAt) items.push({ ...base, id: `start:${u.id}`, at: u.startedAt.toISOString(), kind: "job-start", title: `${job} started`, detail: where, uploadId: u.id });
    if (u.finishedAt) items.push({ ...base, id: `end:${u.id}`, at: u.finishedAt.toISOString(), kind: "job-end", title: `${job} failed`, detail: where, failed: true, uploadId: u.id });
    if (!u.startedAt && !u.finishedAt) {
      items.push({ ...base, id: `upload:${u.id}`, at: u.createdAt.toISOString(), kind: "upload", title: `Build log uploaded: ${u.files.map((f) => f.name).join(", ")}`.slice(0, 300), detail: where, uploadId: u.id });
    }
    for (const [i, s] of storedSteps(u).slice(0, STEPS_PER_BUILD).entries()) {
      const at = s.startedAt && !Number.isNaN(Date.parse(s.startedAt)) ? new Date(s.startedAt) : null;
      const archiveJob = jobOfFile(s.file);
      items.push({
        ...base,
        id: `step:${u.id}:${i}`,
        at: (at ?? u.startedAt ?? uploadTime(u)).toISOString(),
        endAt: s.endedAt && !Number.isNaN(Date.parse(s.endedAt)) ? new Date(s.endedAt).toISOString() : null,
        kind: "step",
        title: archiveJob ? `${archiveJob} › ${s.name}` : s.name,
        detail: s.failed ? "failed" : null,
        failed: !!s.failed,
        approximate: at === null,
        uploadId: u.id,
        file: s.file ?? null,
        line: s.startLine,
        endLine: s.endLine,
      });
    }
  }
  for (const e of input.events) {
    const u = byId.get(e.uploadId);
    if (!u) continue;
    items.push({
      ...base,
      id: `event:${e.id}`,
      at: (e.timestamp ?? uploadTime(u)).toISOString(),
      kind: "event",
      title: `${classLabel(e.class)}: ${e.message}`.slice(0, 500),
      detail: e.step,
      class: e.class,
      count: e.count,
      failed: true,
      approximate: e.timestamp === null,
      uploadId: e.uploadId,
      file: e.file,
      line: e.line,
      endLine: e.endLine,
    });
  }
  for (const t of input.entries) {
    // Before timelines were computed, grouping stored an "event" entry per build: the events above say it.
    if (t.kind === "event") continue;
    items.push({ ...base, id: t.id, at: t.at.toISOString(), kind: t.kind, title: t.title, detail: t.detail, uploadId: t.uploadId, file: t.file, line: t.line, endLine: t.endLine });
  }
  const uploadOrder = new Map(input.uploads.map((u, i) => [u.id, i]));
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return items.sort(
    (a, b) =>
      cmp(a.at, b.at) ||
      (RANK[a.kind] ?? 4) - (RANK[b.kind] ?? 4) ||
      (uploadOrder.get(a.uploadId ?? "") ?? -1) - (uploadOrder.get(b.uploadId ?? "") ?? -1) ||
      cmp(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The first occurrence of each failure (fingerprint) in each build, root causes first when capped. */
export async function firstEventsOf(uploadIds: string[], limit = TIMELINE_EVENT_LIMIT): Promise<FirstEvent[]> {
  if (uploadIds.length === 0) return [];
  const rows = await db().$queryRaw<(Omit<FirstEvent, "id"> & { id: bigint })[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (e."uploadId", e.fingerprint) e.id, e."uploadId", e.class, e.line, e."endLine", e.file, e.timestamp, e.step, e.message, e.count, e."isRootCause"
      FROM "ErrorEvent" e WHERE e."uploadId" = ANY(${uploadIds}::text[])
      ORDER BY e."uploadId", e.fingerprint, e.seq
    ) firsts
    ORDER BY "isRootCause" DESC, timestamp ASC NULLS LAST, id
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

export async function buildTimeline(input: { uploads: Build[]; entries: StoredTimelineEntry[] }): Promise<TimelineItem[]> {
  const events = await firstEventsOf(input.uploads.map((u) => u.id));
  return assembleTimeline({ ...input, events });
}
