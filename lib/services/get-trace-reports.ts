// The strace reports (process tree, path resolutions, syscall summary) of some of a team's uploads,
// for the incident page and the log viewer of a trace.
import { db } from "../db/client";
import { readStoredTraceReport, type StoredTraceReport } from "./stored-trace-report";

export interface TraceReportView {
  uploadId: string;
  report: StoredTraceReport;
}

export async function getTraceReports(input: { teamId: string; uploadIds: string[] }): Promise<TraceReportView[]> {
  if (input.uploadIds.length === 0) return [];
  const rows = await db().upload.findMany({
    where: { id: { in: input.uploadIds }, teamId: input.teamId },
    select: { id: true, traceReport: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) => {
    const report = readStoredTraceReport(r.traceReport);
    return report ? [{ uploadId: r.id, report }] : [];
  });
}
