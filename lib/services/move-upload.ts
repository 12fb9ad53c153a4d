// Moves one build to another incident (it was grouped with the wrong failure). It is pinned there, so
// re-analysing it does not move it back. A target that was merged away means the incident it went into.
import { z } from "zod";
import { db } from "../db/client";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { NotFoundError } from "./errors";
import { followMerges, lockFingerprints, lockIncidents, refreshIncidentStats } from "./incident-membership";

export const ZMoveUploadRequest = z.object({ incidentId: z.string().trim().min(1, "name the incident to move the build to (incidentId)").max(64) });
export type TMoveUploadRequest = z.infer<typeof ZMoveUploadRequest>;

export interface MoveResult {
  uploadId: string;
  fromIncidentId: string | null;
  incidentId: string;
}

export async function moveUpload(input: { teamId: string; uploadId: string; incidentId: string; actor?: Actor }): Promise<MoveResult> {
  const label = await actorLabel(input.actor);
  return db().$transaction(async (tx) => {
    const upload = await tx.upload.findFirst({ where: { id: input.uploadId, teamId: input.teamId }, select: { id: true, incidentId: true, repo: true, job: true, createdAt: true } });
    if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
    const named = await tx.incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
    if (!named) throw new NotFoundError(`incident ${input.incidentId}`);
    const target = (await followMerges(tx, named.id)).id;
    const from = upload.incidentId;
    if (from === target) return { uploadId: upload.id, fromIncidentId: from, incidentId: target };
    const rows = await tx.incident.findMany({ where: { id: { in: [target, ...(from ? [from] : [])] } }, select: { id: true, title: true, fingerprint: true } });
    await lockFingerprints(tx, input.teamId, rows.map((r) => r.fingerprint));
    await lockIncidents(tx, rows.map((r) => r.id));
    const title = (id: string) => rows.find((r) => r.id === id)?.title ?? id;
    const now = new Date();
    await tx.upload.update({ where: { id: upload.id }, data: { incidentId: target, incidentPinnedAt: now } });
    const build = `build ${[upload.repo, upload.job].filter(Boolean).join(" ") || upload.id}`;
    await tx.timelineEntry.createMany({
      data: [
        { incidentId: target, at: now, kind: "move", title: `Moved ${build} here${from ? ` from “${title(from)}”` : ""}`, detail: byActor(label), uploadId: upload.id },
        ...(from ? [{ incidentId: from, at: now, kind: "move", title: `Moved ${build} to “${title(target)}”`, detail: byActor(label), uploadId: upload.id }] : []),
      ],
    });
    await refreshIncidentStats(tx, target);
    if (from) await refreshIncidentStats(tx, from);
    return { uploadId: upload.id, fromIncidentId: from, incidentId: target };
  });
}
