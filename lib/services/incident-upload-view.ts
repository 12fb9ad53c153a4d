// The builds (uploads) of an incident as the incident services read them: the columns timelines and
// impact need, and when each build was "seen".
import type { StoredStep } from "./parse-upload-metadata";

export interface IncidentUploadRow {
  id: string;
  status: string;
  repo: string | null;
  branch: string | null;
  commitSha: string | null;
  ciProvider: string | null;
  workflow: string | null;
  job: string | null;
  runId: string | null;
  runUrl: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  rootCauseClass: string | null;
  rootFingerprint: string | null;
  steps: unknown;
  incidentPinnedAt: Date | null;
  files: { name: string }[];
}

export const INCIDENT_UPLOAD_SELECT = {
  id: true,
  status: true,
  repo: true,
  branch: true,
  commitSha: true,
  ciProvider: true,
  workflow: true,
  job: true,
  runId: true,
  runUrl: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  rootCauseClass: true,
  rootFingerprint: true,
  steps: true,
  incidentPinnedAt: true,
  files: { select: { name: true }, orderBy: { name: "asc" } },
} as const;

/** The clock an undated event of this build is put on: when its job ended, started, or it was uploaded. */
export function uploadTime(u: Pick<IncidentUploadRow, "finishedAt" | "startedAt" | "createdAt">): Date {
  return u.finishedAt ?? u.startedAt ?? u.createdAt;
}

export function storedSteps(u: Pick<IncidentUploadRow, "steps">): StoredStep[] {
  return Array.isArray(u.steps) ? (u.steps as StoredStep[]) : [];
}
