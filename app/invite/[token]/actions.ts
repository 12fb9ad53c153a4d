"use server";
// Accepting an invitation: as a new account (then signed in), or as the signed-in user.
import { redirect } from "next/navigation";
import { startBrowserSession } from "@/lib/auth/browser-session";
import { failedForm, formText, type FormState } from "@/lib/auth/form-state";
import { optionalCaller } from "@/lib/http/authenticate";
import { acceptInvitation } from "@/lib/services/accept-invitation";
import { createSession } from "@/lib/services/create-session";
import { switchTeam } from "@/lib/services/switch-team";

export async function joinWithNewAccount(token: string, _state: FormState, form: FormData): Promise<FormState> {
  try {
    const joined = await acceptInvitation({
      token,
      newAccount: { email: formText(form, "email"), password: formText(form, "password"), name: formText(form, "name") },
    });
    await startBrowserSession(await createSession(joined));
  } catch (err) {
    return failedForm(err, form);
  }
  redirect("/");
}

export async function joinAsCurrentUser(token: string, _state: FormState, form: FormData): Promise<FormState> {
  const caller = await optionalCaller();
  if (!caller?.userId || !caller.sessionId) redirect(`/login?next=${encodeURIComponent(`/invite/${token}`)}`);
  try {
    const joined = await acceptInvitation({ token, userId: caller.userId });
    await switchTeam({ sessionId: caller.sessionId, userId: joined.userId, teamId: joined.teamId });
  } catch (err) {
    return failedForm(err, form);
  }
  redirect("/");
}
