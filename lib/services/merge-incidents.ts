// Merges incident B into A: B's builds, notes, impact rows and action items move to A, B is kept
// (mergedIntoId = A) so links to it still lead somewhere, and builds that later fail like B's join A.
import { z } from "zod";
import { db } from "../db/client";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { lockFingerprints, lockIncidents, refreshIncidentStats } from "./incident-membership";

export const ZMergeIncidentsRequest = z.object({ from: z.string().trim().min(1, "name the incident to merge (from)").max(64) });
export type TMergeIncidentsRequest = z.infer<typeof ZMergeIncidentsRequest>;

export interface MergeResult {
  incidentId: string;
  mergedId: string;
  movedUploads: number;
}

export async function mergeIncidents(input: { teamId: string; incidentId: string; from: string; actor?: Actor }): Promise<MergeResult> {
  if (input.incidentId === input.from) throw new ValidationError("an incident cannot be merged into itself");
  const label = await actorLabel(input.actor);
  return db().$transaction(async (tx) => {
    const both = await tx.incident.findMany({ where: { id: { in: [input.incidentId, input.from] }, teamId: input.teamId }, select: { id: true, fingerprint: true } });
    const into = both.find((i) => i.id === input.incidentId);
    const from = both.find((i) => i.id === input.from);
    if (!into) throw new NotFoundError(`incident ${input.incidentId}`);
    if (!from) throw new NotFoundError(`incident ${input.from}`);
    // Same locks as grouping: no build of either failure is grouped halfway through the merge.
    await lockFingerprints(tx, input.teamId, [into.fingerprint, from.fingerprint]);
    await lockIncidents(tx, [into.id, from.id]);
    const [a, b] = await Promise.all([
      tx.incident.findUniqueOrThrow({ where: { id: into.id } }),
      tx.incident.findUniqueOrThrow({ where: { id: from.id } }),
    ]);
    if (a.mergedIntoId) throw new ConflictError(`incident ${a.id} was merged into ${a.mergedIntoId}; merge into that one`);
    if (b.mergedIntoId) throw new ConflictError(`incident ${b.id} was already merged into ${b.mergedIntoId}`);
    const now = new Date();
    const moved = await tx.upload.updateMany({ where: { incidentId: b.id }, data: { incidentId: a.id } });
    await tx.timelineEntry.updateMany({ where: { incidentId: b.id, kind: "note" }, data: { incidentId: a.id } });
    await tx.impactRow.updateMany({ where: { incidentId: b.id }, data: { incidentId: a.id } });
    await tx.actionItem.updateMany({ where: { incidentId: b.id }, data: { incidentId: a.id } });
    // An incident merged into B earlier now points at A directly (shorter chains, same result).
    await tx.incident.updateMany({ where: { mergedIntoId: b.id }, data: { mergedIntoId: a.id } });
    await tx.incident.update({ where: { id: b.id }, data: { mergedIntoId: a.id, occurrenceCount: 0 } });
    const builds = `${moved.count} build${moved.count === 1 ? "" : "s"}`;
    await tx.timelineEntry.createMany({
      data: [
        { incidentId: a.id, at: now, kind: "merge", title: `Merged “${b.title}” into this incident (${builds})`, detail: byActor(label) },
        { incidentId: b.id, at: now, kind: "merge", title: `Merged into “${a.title}” (${builds} moved)`, detail: byActor(label) },
      ],
    });
    await refreshIncidentStats(tx, a.id);
    return { incidentId: a.id, mergedId: b.id, movedUploads: moved.count };
  });
}
