// Puts an analysed upload into an incident: the incident that holds its root-cause fingerprint (a
// recurrence; following merges, so uploads of a merged-away incident land in the one it was merged
// into), reopened if it was resolved, else a new incident. An upload a person placed (split, move)
// stays where they put it when it is re-analysed.
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "./errors";
import { followMerges, lockFingerprints, lockIncidents, refreshIncidentStats } from "./incident-membership";
import { incidentTitle } from "./incident-title";

type Tx = Prisma.TransactionClient;

export async function groupIncident(input: { uploadId: string }): Promise<string | null> {
  const upload = await db().upload.findUnique({ where: { id: input.uploadId } });
  if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
  if (!upload.rootFingerprint || !upload.rootCauseClass) return null;
  const fingerprint = upload.rootFingerprint;
  const rootCauseClass = upload.rootCauseClass;
  const root = await db().errorEvent.findFirst({ where: { uploadId: upload.id, isRootCause: true } });
  const seenAt = root?.timestamp ?? upload.finishedAt ?? upload.startedAt ?? upload.createdAt;

  return db().$transaction(async (tx) => {
    // Serialise grouping per fingerprint so two uploads of the same failure never open two incidents.
    await lockFingerprints(tx, upload.teamId, [fingerprint]);
    const previous = upload.incidentId;
    let target: string | null = null;
    if (previous && upload.incidentPinnedAt) target = await settledTarget(tx, previous);
    else target = await incidentForFingerprint(tx, upload.teamId, fingerprint, previous);

    if (target === null) {
      const fields = (root?.fields ?? {}) as Record<string, FieldValue>;
      const created = await tx.incident.create({
        data: {
          teamId: upload.teamId,
          title: incidentTitle(rootCauseClass, fields, upload.repo),
          fingerprint,
          rootCauseClass,
          firstSeenAt: seenAt,
          lastSeenAt: seenAt,
        },
      });
      target = created.id;
    }
    if (previous !== target) {
      const incident = await tx.incident.findUniqueOrThrow({ where: { id: target }, select: { status: true } });
      await tx.upload.update({ where: { id: upload.id }, data: { incidentId: target } });
      // Only a build newly joining is a recurrence; re-analysing one already in it is not.
      if (incident.status === "resolved") {
        await tx.incident.update({ where: { id: target }, data: { status: "open", resolvedAt: null } });
        await tx.timelineEntry.create({
          data: { incidentId: target, at: seenAt, kind: "status", title: "Reopened: the failure recurred after it was resolved", uploadId: upload.id },
        });
      }
      if (previous) await refreshIncidentStats(tx, previous);
    }
    await refreshIncidentStats(tx, target);
    return target;
  });
}

/**
 * The incident an upload should join: of those holding its fingerprint (after merges), the one it is in
 * already (a re-analysis), else the most recently active one.
 */
async function incidentForFingerprint(tx: Tx, teamId: string, fingerprint: string, current: string | null): Promise<string | null> {
  const candidates = await tx.incident.findMany({ where: { teamId, fingerprint }, select: { id: true } });
  if (candidates.length === 0) return null;
  const roots = new Set<string>();
  for (const c of candidates) roots.add((await followMerges(tx, c.id)).id);
  if (current) {
    const currentRoot = (await followMerges(tx, current)).id;
    if (roots.has(currentRoot)) return settledTarget(tx, currentRoot);
  }
  const best = await tx.incident.findFirst({ where: { id: { in: [...roots] } }, orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }], select: { id: true } });
  return settledTarget(tx, best!.id);
}

/** Follows merges, locks the incident, and follows again should it have been merged meanwhile. */
async function settledTarget(tx: Tx, id: string): Promise<string> {
  let current = (await followMerges(tx, id)).id;
  for (;;) {
    await lockIncidents(tx, [current]);
    const again = (await followMerges(tx, current)).id;
    if (again === current) return current;
    current = again;
  }
}
