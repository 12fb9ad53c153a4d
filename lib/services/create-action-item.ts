// Adds an action item to an incident (from a runbook step or typed by hand).
import { z } from "zod";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export const ZCreateActionItemRequest = z.object({
  title: z.string().trim().min(1, "an action item needs a title").max(500),
  owner: z.string().trim().max(200).optional(),
  type: z.enum(["mitigate", "prevent"]).optional(),
  trackerUrl: z.string().url().max(2000).optional(),
});
export type TCreateActionItemRequest = z.infer<typeof ZCreateActionItemRequest>;

export async function createActionItem(input: { teamId: string; incidentId: string; item: TCreateActionItemRequest }) {
  const item = ZCreateActionItemRequest.parse(input.item);
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
  if (!incident) throw new NotFoundError(`incident ${input.incidentId}`);
  return db().actionItem.create({ data: { incidentId: incident.id, ...item } });
}
