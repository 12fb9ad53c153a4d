"use server";
// Saving a team's edit of a runbook from the form on /runbooks/[key].
import { revalidatePath } from "next/cache";
import type { RunbookFormState } from "@/components/runbook-edit-form";
import { currentCaller, hasRole } from "@/lib/http/authenticate";
import { runbookFromForm } from "@/lib/runbooks/form";
import { NotFoundError, ValidationError } from "@/lib/services/errors";
import { updateRunbook } from "@/lib/services/update-runbook";

export async function saveRunbook(key: string, _state: RunbookFormState, form: FormData): Promise<RunbookFormState> {
  const caller = await currentCaller();
  if (!hasRole(caller, "member")) return { status: "error", errors: ["Viewers can read runbooks but not edit them; ask a team member or owner."] };
  try {
    const saved = await updateRunbook({ teamId: caller.teamId, key, runbook: runbookFromForm(form) });
    revalidatePath("/runbooks");
    revalidatePath(`/runbooks/${encodeURIComponent(saved.key)}`);
    revalidatePath("/incidents/[id]", "page");
    return { status: "saved", at: saved.updatedAt ?? new Date().toISOString() };
  } catch (err) {
    if (err instanceof ValidationError) return { status: "error", errors: err.message.replace(/^invalid runbook: /, "").split("; ") };
    if (err instanceof NotFoundError) return { status: "error", errors: [err.message] };
    throw err;
  }
}
