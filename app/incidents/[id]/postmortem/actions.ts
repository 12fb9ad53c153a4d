"use server";
// Server actions of the postmortem page: save the document, add and edit action items, create and
// revoke share links. Each checks the caller (a team member), calls one service and re-renders.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ZodError } from "zod";
import { currentCaller, requireScope } from "@/lib/http/authenticate";
import type { TPostmortemContent } from "@/lib/postmortem/content";
import { publicBaseUrl } from "@/lib/postmortem/public-base-url";
import { createActionItem, type TCreateActionItemRequest } from "@/lib/services/create-action-item";
import { createShareLink } from "@/lib/services/create-share-link";
import { ServiceError } from "@/lib/services/errors";
import { revokeShareLink } from "@/lib/services/revoke-share-link";
import { updateActionItem, type TUpdateActionItemRequest } from "@/lib/services/update-action-item";
import { updatePostmortem } from "@/lib/services/update-postmortem";

export type PostmortemActionResult<T = object> = ({ status: "ok" } & T) | { status: "error"; message: string; conflict?: boolean };

async function attempt<T extends object>(incidentId: string, change: (teamId: string) => Promise<T>): Promise<PostmortemActionResult<T>> {
  const caller = await currentCaller();
  try {
    requireScope(caller, "write");
    const result = await change(caller.teamId);
    revalidatePath(`/incidents/${incidentId}/postmortem`);
    revalidatePath(`/incidents/${incidentId}`);
    return { status: "ok", ...result };
  } catch (err) {
    if (err instanceof ServiceError) return { status: "error", message: err.message, ...(err.status === 409 ? { conflict: true } : {}) };
    if (err instanceof ZodError) return { status: "error", message: err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ") };
    throw err;
  }
}

export async function savePostmortemAction(incidentId: string, save: { content: TPostmortemContent; baseUpdatedAt: string | null }) {
  return attempt(incidentId, (teamId) => updatePostmortem({ teamId, incidentId, request: save }));
}

export async function addActionItemAction(incidentId: string, item: TCreateActionItemRequest) {
  return attempt(incidentId, async (teamId) => {
    const created = await createActionItem({ teamId, incidentId, item });
    return { id: created.id };
  });
}

export async function updateActionItemAction(incidentId: string, actionItemId: string, changes: TUpdateActionItemRequest) {
  return attempt(incidentId, async (teamId) => {
    await updateActionItem({ teamId, incidentId, actionItemId, changes });
    return {};
  });
}

export async function createShareLinkAction(incidentId: string, options: { expiresInDays: number | null }) {
  return attempt(incidentId, async (teamId) => {
    const days = options.expiresInDays;
    const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
    const link = await createShareLink({ teamId, incidentId, baseUrl: publicBaseUrl(await headers()), request: { expiresAt } });
    return { url: link.url, expiresAt: link.expiresAt };
  });
}

export async function revokeShareLinkAction(incidentId: string, linkId: string) {
  return attempt(incidentId, async (teamId) => {
    await revokeShareLink({ teamId, linkId });
    return {};
  });
}
