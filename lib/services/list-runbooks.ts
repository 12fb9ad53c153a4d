// Every runbook as the team sees it (built-in catalogue order, team edits applied).
import { db } from "../db/client";
import { BUILTIN_RUNBOOKS } from "../runbooks";
import { teamRunbook, type RunbookView } from "../runbooks/team";

export async function listRunbooks(input: { teamId: string }): Promise<RunbookView[]> {
  const rows = await db().runbook.findMany({
    where: { teamId: input.teamId },
    select: { key: true, body: true, updatedAt: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return BUILTIN_RUNBOOKS.map((rb) => teamRunbook(rb, byKey.get(rb.id)));
}
