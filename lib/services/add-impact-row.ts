// A manual impact row ("customers affected: 3 deploys blocked") beside the computed impact.
import { z } from "zod";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export const ZAddImpactRowRequest = z.object({
  label: z.string().trim().min(1, "an impact row needs a label").max(200),
  value: z.string().trim().min(1, "an impact row needs a value").max(1000),
});
export type TAddImpactRowRequest = z.infer<typeof ZAddImpactRowRequest>;

export interface ImpactRowView {
  id: string;
  label: string;
  value: string;
  createdAt: string;
}

export async function addImpactRow(input: { teamId: string; incidentId: string; row: unknown }): Promise<ImpactRowView> {
  const row = ZAddImpactRowRequest.parse(input.row);
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
  if (!incident) throw new NotFoundError(`incident ${input.incidentId}`);
  const created = await db().impactRow.create({ data: { incidentId: incident.id, ...row } });
  return { id: created.id, label: created.label, value: created.value, createdAt: created.createdAt.toISOString() };
}
