"use server";
// API tokens: owners create them (the secret is shown once) and revoke them.
import { revalidatePath } from "next/cache";
import { failedForm, formText, type FormState } from "@/lib/auth/form-state";
import { currentCaller, requireRole } from "@/lib/http/authenticate";
import { createApiToken, type TCreateApiTokenRequest } from "@/lib/services/create-api-token";
import { revokeApiToken } from "@/lib/services/revoke-api-token";

export async function createToken(_state: FormState, form: FormData): Promise<FormState> {
  try {
    const caller = await currentCaller();
    requireRole(caller, "owner");
    const scopes = form.getAll("scopes").filter((s): s is string => typeof s === "string") as TCreateApiTokenRequest["scopes"];
    const created = await createApiToken({ teamId: caller.teamId, createdById: caller.userId, token: { name: formText(form, "name"), scopes } });
    revalidatePath("/settings/tokens");
    return { status: "done", message: `Token "${created.name}" created. Copy it now: it is not shown again.`, secret: created.token };
  } catch (err) {
    return failedForm(err, form);
  }
}

export async function revokeToken(form: FormData): Promise<void> {
  const caller = await currentCaller();
  requireRole(caller, "owner");
  await revokeApiToken({ teamId: caller.teamId, tokenId: formText(form, "tokenId") });
  revalidatePath("/settings/tokens");
}
