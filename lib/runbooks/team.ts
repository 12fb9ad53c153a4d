// A team's view of a runbook: the built-in one, or the team's edited content over it. Pure; the
// services (lib/services/*-runbook*.ts) read and write the rows.
import { parseStoredRunbook } from "./schema";
import type { Runbook } from "./types";

export interface RunbookView extends Runbook {
  /** The key edits are stored under (the built-in runbook's id). */
  key: string;
  /** True when the team's edited version is shown. */
  edited: boolean;
  /** When the team last edited it (ISO-8601), null for the built-in version. */
  updatedAt: string | null;
}

export interface StoredRunbookRow {
  key: string;
  body: string;
  updatedAt: Date;
}

/**
 * The team's version of a built-in runbook. Identity (id, ecosystem, classes, aliases) always comes from
 * the built-in runbook; a stored body that no longer parses is ignored (the built-in one is shown) so a
 * bad row can never break an incident page.
 */
export function teamRunbook(builtin: Runbook, row: StoredRunbookRow | null | undefined): RunbookView {
  const content = row ? parseStoredRunbook(row.body) : null;
  const base: RunbookView = { ...builtin, key: builtin.id, edited: false, updatedAt: null };
  if (!row || !content) return base;
  return { ...base, ...content, edited: true, updatedAt: row.updatedAt.toISOString() };
}
