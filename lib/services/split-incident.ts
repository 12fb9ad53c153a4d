// Splits an incident: the selected builds move to a new incident (a different failure that was grouped
// with this one). They are pinned there, so re-analysing them does not fold them back.
import { z } from "zod";
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { lockFingerprints, lockIncidents, refreshIncidentStats } from "./incident-membership";
import { incidentTitle } from "./incident-title";

export const ZSplitIncidentRequest = z.object({
  uploadIds: z.array(z.string().trim().min(1).max(64)).min(1, "select at least one build to split off").max(1000),
  title: z.string().trim().min(1).max(200).optional(),
});
export type TSplitIncidentRequest = z.infer<typeof ZSplitIncidentRequest>;

export interface SplitResult {
  incidentId: string;
  newIncidentId: string;
  movedUploads: number;
}

export async function splitIncident(input: { teamId: string; incidentId: string; actor?: Actor } & TSplitIncidentRequest): Promise<SplitResult> {
  const req = ZSplitIncidentRequest.parse({ uploadIds: input.uploadIds, title: input.title });
  const uploadIds = [...new Set(req.uploadIds)];
  const label = await actorLabel(input.actor);
  return db().$transaction(async (tx) => {
    const origin = await tx.incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId } });
    if (!origin) throw new NotFoundError(`incident ${input.incidentId}`);
    const selected = await tx.upload.findMany({
      where: { id: { in: uploadIds }, incidentId: origin.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, repo: true, rootFingerprint: true, rootCauseClass: true },
    });
    const missing = uploadIds.filter((id) => !selected.some((u) => u.id === id));
    if (missing.length) throw new ValidationError(`not builds of incident ${origin.id}: ${missing.slice(0, 10).join(", ")}`);
    const total = await tx.upload.count({ where: { incidentId: origin.id } });
    if (selected.length === total) throw new ValidationError("select only some of the builds: splitting off all of them would leave this incident empty");
    // The new incident is named after the failure of the first selected build that has a root cause.
    const lead = selected.find((u) => u.rootFingerprint && u.rootCauseClass);
    const fingerprint = lead?.rootFingerprint ?? origin.fingerprint;
    const rootCauseClass = lead?.rootCauseClass ?? origin.rootCauseClass;
    await lockFingerprints(tx, input.teamId, [origin.fingerprint, fingerprint]);
    await lockIncidents(tx, [origin.id]);
    const current = await tx.incident.findUniqueOrThrow({ where: { id: origin.id }, select: { mergedIntoId: true } });
    if (current.mergedIntoId) throw new ConflictError(`incident ${origin.id} was merged into ${current.mergedIntoId}; split that one`);
    const rootEvent = lead ? await tx.errorEvent.findFirst({ where: { uploadId: lead.id, isRootCause: true }, select: { fields: true } }) : null;
    let title = req.title ?? incidentTitle(rootCauseClass, (rootEvent?.fields ?? {}) as Record<string, FieldValue>, lead?.repo);
    if (!req.title && title === origin.title) title = `${title.slice(0, 190)} (split)`;
    const now = new Date();
    const created = await tx.incident.create({
      data: { teamId: input.teamId, title, fingerprint, rootCauseClass, severity: origin.severity, owner: origin.owner, firstSeenAt: now, lastSeenAt: now },
    });
    await tx.upload.updateMany({ where: { id: { in: selected.map((u) => u.id) } }, data: { incidentId: created.id, incidentPinnedAt: now } });
    const builds = `${selected.length} build${selected.length === 1 ? "" : "s"}`;
    await tx.timelineEntry.createMany({
      data: [
        { incidentId: origin.id, at: now, kind: "split", title: `Split off ${builds} into “${title}”`, detail: byActor(label) },
        { incidentId: created.id, at: now, kind: "split", title: `Split from “${origin.title}” (${builds})`, detail: byActor(label) },
      ],
    });
    await refreshIncidentStats(tx, origin.id);
    await refreshIncidentStats(tx, created.id);
    return { incidentId: origin.id, newIncidentId: created.id, movedUploads: selected.length };
  });
}
