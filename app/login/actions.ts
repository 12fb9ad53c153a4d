"use server";
// Signing in from the login form (Next checks server actions' Origin, so no CSRF token is needed).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { startBrowserSession } from "@/lib/auth/browser-session";
import { clientAddress } from "@/lib/auth/client-address";
import { failedForm, formText, safeNextPath, type FormState } from "@/lib/auth/form-state";
import { signIn } from "@/lib/services/sign-in";

export async function login(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const session = await signIn({
      credentials: { email: formText(form, "email"), password: formText(form, "password") },
      clientAddress: clientAddress(await headers()),
    });
    await startBrowserSession(session);
  } catch (err) {
    return failedForm(err, form);
  }
  redirect(safeNextPath(form.get("next")));
}
