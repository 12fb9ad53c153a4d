// A team edits one of the built-in runbooks. The edit is stored as validated JSON in Runbook.body and
// replaces the built-in content for that team wherever the runbook is shown.
import { db } from "../db/client";
import { builtinRunbook } from "../runbooks";
import { validateRunbookContent } from "../runbooks/schema";
import { teamRunbook, type RunbookView } from "../runbooks/team";
import { NotFoundError, ValidationError } from "./errors";

export async function updateRunbook(input: { teamId: string; key: string; runbook: unknown }): Promise<RunbookView> {
  const builtin = builtinRunbook(input.key);
  if (!builtin) throw new NotFoundError(`runbook ${input.key}`);
  const parsed = validateRunbookContent(input.runbook);
  if (!parsed.ok) throw new ValidationError(`invalid runbook: ${parsed.errors.join("; ")}`);
  const body = JSON.stringify(parsed.value);
  const row = await db().runbook.upsert({
    where: { teamId_key: { teamId: input.teamId, key: builtin.id } },
    create: { teamId: input.teamId, key: builtin.id, title: parsed.value.title, body },
    update: { title: parsed.value.title, body },
    select: { key: true, body: true, updatedAt: true },
  });
  return teamRunbook(builtin, row);
}
