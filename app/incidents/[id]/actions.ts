"use server";
// Server actions of the incident page.
import { revalidatePath } from "next/cache";
import { currentCaller } from "@/lib/http/authenticate";
import { createActionItem } from "@/lib/services/create-action-item";
import type { RunbookActionItemDraft } from "@/components/runbook-view";

export async function addRunbookActionItem(incidentId: string, draft: RunbookActionItemDraft): Promise<void> {
  const caller = await currentCaller();
  const title = draft.command ? `${draft.title}: ${draft.command}` : draft.title;
  await createActionItem({ teamId: caller.teamId, incidentId, item: { title: title.slice(0, 500), type: draft.type } });
  revalidatePath(`/incidents/${incidentId}`);
}
