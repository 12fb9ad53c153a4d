// Edits one action item of an incident: title, owner, type (mitigate/prevent), status, tracker link.
// Empty strings clear optional fields.
import { z } from "zod";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

export const ZUpdateActionItemRequest = z.object({
  title: z.string().trim().min(1, "an action item needs a title").max(500).optional(),
  owner: optionalText(200),
  type: z.enum(["mitigate", "prevent"]).nullable().optional(),
  status: z.enum(["open", "in_progress", "done"]).optional(),
  trackerUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "the tracker link must be an http(s) URL" }).max(2000)])
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional(),
});
export type TUpdateActionItemRequest = z.input<typeof ZUpdateActionItemRequest>;

export async function updateActionItem(input: { teamId: string; incidentId: string; actionItemId: string; changes: TUpdateActionItemRequest }) {
  const changes = ZUpdateActionItemRequest.parse(input.changes);
  const item = await db().actionItem.findFirst({
    where: { id: input.actionItemId, incidentId: input.incidentId, incident: { teamId: input.teamId } },
    select: { id: true },
  });
  if (!item) throw new NotFoundError(`action item ${input.actionItemId}`);
  const row = await db().actionItem.update({ where: { id: item.id }, data: changes });
  return { id: row.id, title: row.title, owner: row.owner, type: row.type, status: row.status, trackerUrl: row.trackerUrl };
}
