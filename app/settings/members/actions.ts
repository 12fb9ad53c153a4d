"use server";
// Team members and invitations: owners invite, change roles, remove members, withdraw invitations.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { failedForm, formText, type FormState } from "@/lib/auth/form-state";
import { isRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { currentCaller, requireRole } from "@/lib/http/authenticate";
import { changeMemberRole } from "@/lib/services/change-member-role";
import { ValidationError } from "@/lib/services/errors";
import { inviteMember, type TInviteMemberRequest } from "@/lib/services/invite-member";
import { removeMember } from "@/lib/services/remove-member";
import { revokeInvitation } from "@/lib/services/revoke-invitation";

async function owner() {
  const caller = await currentCaller();
  requireRole(caller, "owner");
  return caller;
}

/** The absolute base URL people reach Faultline at, for links handed out. */
async function baseUrl(): Promise<string> {
  const configured = env().FAULTLINE_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() || "http";
  return `${proto}://${h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host")}`;
}

export async function invite(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const caller = await owner();
    const created = await inviteMember({ teamId: caller.teamId, invitedById: caller.userId, invitation: { email: formText(form, "email"), role: formText(form, "role") as TInviteMemberRequest["role"] } });
    revalidatePath("/settings/members");
    const email = formText(form, "email").trim();
    return {
      status: "done",
      message: `Invitation created${email ? ` for ${email}` : ""}. Send this link; it works once, for 7 days.`,
      secret: `${await baseUrl()}/invite/${created.token}`,
    };
  } catch (err) {
    return failedForm(err, form);
  }
}

export async function updateRole(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const caller = await owner();
    const role = formText(form, "role");
    if (!isRole(role)) throw new ValidationError("choose owner, member or viewer");
    await changeMemberRole({ teamId: caller.teamId, userId: formText(form, "userId"), role });
    revalidatePath("/settings/members");
    return { status: "done", message: "Saved." };
  } catch (err) {
    return failedForm(err);
  }
}

export async function remove(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const caller = await owner();
    await removeMember({ teamId: caller.teamId, userId: formText(form, "userId") });
    revalidatePath("/settings/members");
    return { status: "done", message: "Removed." };
  } catch (err) {
    return failedForm(err);
  }
}

export async function withdrawInvitation(form: FormData): Promise<void> {
  const caller = await owner();
  await revokeInvitation({ teamId: caller.teamId, invitationId: formText(form, "invitationId") });
  revalidatePath("/settings/members");
}
