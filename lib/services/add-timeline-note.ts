// A person's note on an incident's timeline ("rolled back the proxy config"), at a time they choose
// (default now), so it sits among the log events it explains.
import { z } from "zod";
import { db } from "../db/client";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { NotFoundError } from "./errors";

export const ZAddTimelineNoteRequest = z.object({
  text: z.string().trim().min(1, "a note needs some text").max(4000),
  at: z.coerce.date().optional(),
});
export type TAddTimelineNoteRequest = z.infer<typeof ZAddTimelineNoteRequest>;

export interface TimelineNoteView {
  id: string;
  at: string;
  text: string;
  author: string | null;
}

export async function addTimelineNote(input: { teamId: string; incidentId: string; note: unknown; actor?: Actor }): Promise<TimelineNoteView> {
  const note = ZAddTimelineNoteRequest.parse(input.note);
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
  if (!incident) throw new NotFoundError(`incident ${input.incidentId}`);
  const label = await actorLabel(input.actor);
  const row = await db().timelineEntry.create({
    data: { incidentId: incident.id, at: note.at ?? new Date(), kind: "note", title: note.text, detail: byActor(label) },
  });
  return { id: row.id, at: row.at.toISOString(), text: row.title, author: label };
}
