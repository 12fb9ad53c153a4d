"use server";
// Account settings: password, active team.
import { revalidatePath } from "next/cache";
import { failedForm, formText, type FormState } from "@/lib/auth/form-state";
import { redirect } from "next/navigation";
import { currentCaller, requireRole } from "@/lib/http/authenticate";
import { reanalyzeUploads } from "@/lib/jobs/reanalyze";
import { changePassword } from "@/lib/services/change-password";
import { switchTeam } from "@/lib/services/switch-team";

export async function updatePassword(_state: FormState, form: FormData): Promise<FormState> {
  const caller = await currentCaller();
  if (formText(form, "newPassword") !== formText(form, "confirmPassword")) {
    return { status: "error", message: "The new passwords do not match.", fields: { confirmPassword: "type the same new password twice" } };
  }
  try {
    await changePassword({ userId: caller.userId!, currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword"), keepSessionId: caller.sessionId });
  } catch (err) {
    const state = failedForm(err, form);
    // The new password's validation error has no field name of its own.
    if (state.status === "error" && state.fields.form) return { ...state, fields: { newPassword: state.fields.form } };
    return state;
  }
  return { status: "done", message: "Password changed. Your other sessions were signed out." };
}

export async function selectTeam(form: FormData): Promise<void> {
  const caller = await currentCaller();
  await switchTeam({ sessionId: caller.sessionId!, userId: caller.userId!, teamId: formText(form, "teamId") });
  revalidatePath("/", "layout");
}

/** Owners re-run analysis over the team's uploads made by an older analyzer (or all of them). */
export async function reanalyzeTeamUploads(form: FormData): Promise<void> {
  const caller = await currentCaller();
  requireRole(caller, "owner");
  const result = await reanalyzeUploads({ teamId: caller.teamId, all: formText(form, "scope") === "all" });
  redirect(`/settings?reanalyzed=${result.enqueued}`);
}
