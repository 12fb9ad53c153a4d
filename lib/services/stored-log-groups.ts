// The log groups as kept on an upload (Upload.logGroups): per file, so the log viewer of one file (or
// archive member) reads just that file's groups. Key "" holds the groups of a single plain upload,
// whose events carry no file name either.
import type { AnalysisResult, LogGroup } from "../analysis/types";

export type StoredLogGroup = Omit<LogGroup, "file">;

export interface StoredLogGroups {
  version: 1;
  files: Record<string, StoredLogGroup[]>;
  /** The analyzer kept only the first MAX_LOG_GROUPS groups. */
  truncated: boolean;
}

const NAME_CHARS = 300;

/** Always a value (empty for strace and plain logs), so null on a row means "analysed before groups existed". */
export function logGroupsForStorage(result: Pick<AnalysisResult, "groups" | "groupsTruncated">): StoredLogGroups {
  const files: Record<string, StoredLogGroup[]> = {};
  for (const { file, ...g } of result.groups ?? []) {
    const stored = g.name.length > NAME_CHARS ? { ...g, name: `${g.name.slice(0, NAME_CHARS)}…` } : g;
    (files[file ?? ""] ??= []).push(stored);
  }
  return { version: 1, files, truncated: !!result.groupsTruncated };
}
