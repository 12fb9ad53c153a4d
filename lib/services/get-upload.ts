// An upload's status and progress, as the upload page and `faultline upload --wait` poll it.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export interface UploadStatusView {
  id: string;
  status: string;
  totalBytes: number;
  analysedBytes: number;
  eventCount: number;
  format: string | null;
  analyzerVersion: string | null;
  error: string | null;
  incidentId: string | null;
  rootCause: { class: string; line: number; file?: string } | null;
  files: { name: string; size: number; lines: number | null }[];
  createdAt: string;
}

export async function getUpload(input: { uploadId: string; teamId: string }): Promise<UploadStatusView> {
  const u = await db().upload.findFirst({
    where: { id: input.uploadId, teamId: input.teamId },
    include: { files: { select: { name: true, size: true, lines: true }, orderBy: { name: "asc" } } },
  });
  if (!u) throw new NotFoundError(`upload ${input.uploadId}`);
  return {
    id: u.id,
    status: u.status,
    totalBytes: Number(u.totalBytes),
    analysedBytes: Number(u.analysedBytes),
    eventCount: u.eventCount,
    format: u.format,
    analyzerVersion: u.analyzerVersion,
    error: u.error,
    incidentId: u.incidentId,
    rootCause:
      u.rootCauseClass && u.rootCauseLine !== null
        ? { class: u.rootCauseClass, line: u.rootCauseLine, ...(u.rootCauseFile ? { file: u.rootCauseFile } : {}) }
        : null,
    files: u.files.map((f) => ({ name: f.name, size: Number(f.size), lines: f.lines })),
    createdAt: u.createdAt.toISOString(),
  };
}
