// Removes one manual impact row of an incident.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export async function removeImpactRow(input: { teamId: string; incidentId: string; rowId: string }): Promise<void> {
  const { count } = await db().impactRow.deleteMany({ where: { id: input.rowId, incidentId: input.incidentId, incident: { teamId: input.teamId } } });
  if (count === 0) throw new NotFoundError(`impact row ${input.rowId} of incident ${input.incidentId}`);
}
