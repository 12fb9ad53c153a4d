// The collapsible groups of one file of an upload, for the log viewer. Only that file's entry of
// Upload.logGroups leaves the database (an archive holds the groups of all its members).
import { db } from "../db/client";
import { NotFoundError } from "./errors";
import type { StoredLogGroup } from "./stored-log-groups";

export interface LogGroupsView {
  /** Null: the upload was analysed before groups were recorded (re-analysing adds them). */
  groups: StoredLogGroup[] | null;
  truncated: boolean;
}

/** `file`: the file or archive member as events name it; null for a single plain upload. */
export async function getLogGroups(input: { teamId: string; uploadId: string; file: string | null }): Promise<LogGroupsView> {
  const rows = await db().$queryRaw<{ analysed: boolean; groups: StoredLogGroup[] | null; truncated: boolean | null }[]>`
    SELECT "logGroups" IS NOT NULL AS analysed, "logGroups"->'files'->${input.file ?? ""} AS groups,
           ("logGroups"->>'truncated')::boolean AS truncated
    FROM "Upload" WHERE id = ${input.uploadId} AND "teamId" = ${input.teamId}`;
  const row = rows[0];
  if (!row) throw new NotFoundError(`upload ${input.uploadId}`);
  return { groups: row.analysed ? (row.groups ?? []) : null, truncated: row.truncated ?? false };
}
