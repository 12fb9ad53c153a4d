"use server";
// Server actions of the incident page. Each one checks the caller, calls a service and re-renders the
// page; form actions answer an ActionResult the form shows.
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import type { ActionResult } from "@/components/incident-action-result";
import type { RunbookActionItemDraft } from "@/components/runbook-view";
import { currentCaller, requireScope } from "@/lib/http/authenticate";
import { addImpactRow } from "@/lib/services/add-impact-row";
import { addTimelineNote } from "@/lib/services/add-timeline-note";
import { createActionItem } from "@/lib/services/create-action-item";
import { ServiceError } from "@/lib/services/errors";
import { mergeIncidents } from "@/lib/services/merge-incidents";
import { moveUpload } from "@/lib/services/move-upload";
import { removeImpactRow } from "@/lib/services/remove-impact-row";
import { splitIncident } from "@/lib/services/split-incident";
import { updateIncident } from "@/lib/services/update-incident";

export async function addRunbookActionItem(incidentId: string, draft: RunbookActionItemDraft): Promise<void> {
  const caller = await currentCaller();
  requireScope(caller, "write");
  const title = draft.command ? `${draft.title}: ${draft.command}` : draft.title;
  await createActionItem({ teamId: caller.teamId, incidentId, item: { title: title.slice(0, 500), type: draft.type } });
  revalidatePath(`/incidents/${incidentId}`);
}

/** Runs a change as a team member; typed failures become a message for the form, anything else throws. */
async function attempt(incidentId: string, change: (caller: Awaited<ReturnType<typeof currentCaller>>) => Promise<ActionResult>): Promise<ActionResult> {
  const caller = await currentCaller();
  try {
    requireScope(caller, "write");
    const result = await change(caller);
    revalidatePath(`/incidents/${incidentId}`);
    return result;
  } catch (err) {
    if (err instanceof ServiceError) return { status: "error", message: err.message };
    if (err instanceof ZodError) return { status: "error", message: err.issues.map((i) => i.message).join("; ") };
    throw err;
  }
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export async function updateIncidentAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    const patch = { status: text(form, "status"), severity: text(form, "severity"), owner: text(form, "owner") ?? undefined };
    const { changed } = await updateIncident({ teamId: caller.teamId, incidentId, patch, actor: caller });
    return { status: "ok", message: changed.length ? `Saved: ${changed.join(", ")} changed.` : "Nothing changed." };
  });
}

export async function addNoteAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    const at = text(form, "at");
    // The form's datetime-local field is UTC (the page shows UTC everywhere).
    const note = { text: text(form, "text") ?? "", ...(at ? { at: `${at}Z` } : {}) };
    await addTimelineNote({ teamId: caller.teamId, incidentId, note, actor: caller });
    return { status: "ok", message: "Note added to the timeline." };
  });
}

export async function addImpactRowAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    await addImpactRow({ teamId: caller.teamId, incidentId, row: { label: text(form, "label") ?? "", value: text(form, "value") ?? "" } });
    return { status: "ok", message: "Impact row added." };
  });
}

export async function removeImpactRowAction(incidentId: string, rowId: string): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    await removeImpactRow({ teamId: caller.teamId, incidentId, rowId });
    return { status: "ok", message: "Impact row removed." };
  });
}

export async function mergeIncidentAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    const from = text(form, "from") ?? "";
    const { movedUploads } = await mergeIncidents({ teamId: caller.teamId, incidentId, from, actor: caller });
    revalidatePath(`/incidents/${from}`);
    return { status: "ok", message: `Merged: ${movedUploads} build${movedUploads === 1 ? "" : "s"} moved here.` };
  });
}

export async function splitIncidentAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    const uploadIds = form.getAll("uploadId").filter((v): v is string => typeof v === "string");
    const split = await splitIncident({ teamId: caller.teamId, incidentId, uploadIds, actor: caller });
    return { status: "ok", message: `Split ${split.movedUploads} build${split.movedUploads === 1 ? "" : "s"} into a new incident.`, href: `/incidents/${split.newIncidentId}` };
  });
}

export async function moveUploadsAction(incidentId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  return attempt(incidentId, async (caller) => {
    const uploadIds = form.getAll("uploadId").filter((v): v is string => typeof v === "string");
    const target = text(form, "target") ?? "";
    if (uploadIds.length === 0) return { status: "error", message: "Select the builds to move first." };
    if (!target) return { status: "error", message: "Choose the incident to move them to." };
    let to = target;
    for (const uploadId of uploadIds) to = (await moveUpload({ teamId: caller.teamId, uploadId, incidentId: target, actor: caller })).incidentId;
    revalidatePath(`/incidents/${to}`);
    return { status: "ok", message: `Moved ${uploadIds.length} build${uploadIds.length === 1 ? "" : "s"}.`, href: `/incidents/${to}` };
  });
}
