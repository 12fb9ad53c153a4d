// An incident's impact (computed numbers plus the rows people added), team-scoped: the page streams it.
import { db } from "../db/client";
import { computeImpact, type IncidentImpact } from "./compute-impact";
import { findIncidentBuilds } from "./get-incident-core";

type Builds = Awaited<ReturnType<typeof findIncidentBuilds>>;

export async function impactOfBuilds(inc: Builds): Promise<IncidentImpact> {
  const rows = await db().impactRow.findMany({ where: { incidentId: inc.id }, orderBy: { createdAt: "asc" } });
  return computeImpact({
    incident: inc,
    uploads: inc.uploads,
    manual: rows.map((r) => ({ id: r.id, label: r.label, value: r.value, createdAt: r.createdAt.toISOString() })),
  });
}

export async function getIncidentImpact(input: { incidentId: string; teamId: string }): Promise<IncidentImpact> {
  return impactOfBuilds(await findIncidentBuilds(input));
}
