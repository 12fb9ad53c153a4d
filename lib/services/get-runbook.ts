// One runbook as the team sees it: its edited version when it has one, else the built-in one. Incidents
// render it at read time, so an edit applies to new and open incidents at once.
import { db } from "../db/client";
import { builtinRunbook, runbookFor } from "../runbooks";
import { teamRunbook, type RunbookView } from "../runbooks/team";
import { NotFoundError } from "./errors";

export type { RunbookView } from "../runbooks/team";

/**
 * `key` is a runbook id (or alias). With `eventClass`, `key` is read as an event's runbookId (possibly
 * null) and resolved like runbookFor(): class variant, then the runbook, then the class fallback — so an
 * incident page can pass its root cause's `runbookId` and `class` straight through.
 */
export async function getRunbook(input: { teamId: string; key?: string | null; eventClass?: string | null }): Promise<RunbookView> {
  const builtin =
    input.eventClass !== undefined && input.eventClass !== null
      ? runbookFor({ runbookId: input.key, class: input.eventClass })
      : input.key
        ? builtinRunbook(input.key)
        : undefined;
  if (!builtin) throw new NotFoundError(`runbook ${input.key ?? "(none)"}`);
  const row = await db().runbook.findUnique({
    where: { teamId_key: { teamId: input.teamId, key: builtin.id } },
    select: { key: true, body: true, updatedAt: true },
  });
  return teamRunbook(builtin, row);
}
