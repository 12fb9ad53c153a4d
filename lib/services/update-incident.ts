// Changes an incident's status, severity, owner or title, each change written to its timeline.
import { z } from "zod";
import { db } from "../db/client";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { ConflictError, NotFoundError } from "./errors";

export const INCIDENT_STATUSES = ["open", "mitigated", "resolved"] as const;
export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;

export const ZUpdateIncidentRequest = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    /** null or "" clears the owner. */
    owner: z.string().trim().max(200).nullable().optional(),
    title: z.string().trim().min(1, "the title cannot be empty").max(200).optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), "change at least one of status, severity, owner, title");
export type TUpdateIncidentRequest = z.infer<typeof ZUpdateIncidentRequest>;

export async function updateIncident(input: { teamId: string; incidentId: string; patch: unknown; actor?: Actor }): Promise<{ changed: string[] }> {
  const patch = ZUpdateIncidentRequest.parse(input.patch);
  const label = await actorLabel(input.actor);
  return db().$transaction(async (tx) => {
    const found = await tx.incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
    if (!found) throw new NotFoundError(`incident ${input.incidentId}`);
    await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE id = ${found.id} FOR UPDATE`;
    const inc = await tx.incident.findUniqueOrThrow({ where: { id: found.id } });
    if (inc.mergedIntoId) throw new ConflictError(`incident ${inc.id} was merged into ${inc.mergedIntoId}; change that one`);
    const now = new Date();
    const data: Record<string, unknown> = {};
    const entries: string[] = [];
    if (patch.status && patch.status !== inc.status) {
      data.status = patch.status;
      data.resolvedAt = patch.status === "resolved" ? now : null;
      entries.push(`Status changed from ${inc.status} to ${patch.status}`);
    }
    if (patch.severity && patch.severity !== inc.severity) {
      data.severity = patch.severity;
      entries.push(`Severity changed from ${inc.severity.toUpperCase()} to ${patch.severity.toUpperCase()}`);
    }
    const owner = patch.owner === undefined ? undefined : patch.owner || null;
    if (owner !== undefined && owner !== inc.owner) {
      data.owner = owner;
      entries.push(owner ? `Owner set to ${owner}${inc.owner ? ` (was ${inc.owner})` : ""}` : `Owner ${inc.owner} removed`);
    }
    if (patch.title && patch.title !== inc.title) {
      data.title = patch.title;
      entries.push(`Renamed from “${inc.title}”`);
    }
    if (entries.length === 0) return { changed: [] };
    await tx.incident.update({ where: { id: inc.id }, data });
    await tx.timelineEntry.createMany({ data: entries.map((title) => ({ incidentId: inc.id, at: now, kind: "status", title, detail: byActor(label) })) });
    return { changed: Object.keys(data).filter((k) => k !== "resolvedAt") };
  });
}
