"use server";
// Creating the first admin on a fresh install, then signing them in.
import { redirect } from "next/navigation";
import { startBrowserSession } from "@/lib/auth/browser-session";
import { failedForm, formText, type FormState } from "@/lib/auth/form-state";
import { createSession } from "@/lib/services/create-session";
import { NotFoundError } from "@/lib/services/errors";
import { setUpFirstAdmin } from "@/lib/services/set-up-first-admin";

export async function setUp(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const admin = await setUpFirstAdmin({
      name: formText(form, "name"),
      email: formText(form, "email"),
      password: formText(form, "password"),
      teamName: formText(form, "teamName"),
    });
    await startBrowserSession(await createSession({ userId: admin.userId, teamId: admin.teamId }));
  } catch (err) {
    // Someone else finished setup first: this page no longer exists for anyone.
    if (err instanceof NotFoundError) redirect("/login");
    return failedForm(err, form);
  }
  redirect("/");
}
