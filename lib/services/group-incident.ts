// Puts an analysed upload into an incident: the open incident with the same root-cause fingerprint if
// there is one (a recurrence), a resolved one reopened if the failure came back, else a new incident.
import type { FieldValue } from "../analysis/types";
import { db } from "../db/client";
import { NotFoundError } from "./errors";
import { classLabel, incidentTitle } from "./incident-title";

export async function groupIncident(input: { uploadId: string }): Promise<string | null> {
  const upload = await db().upload.findUnique({ where: { id: input.uploadId } });
  if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
  if (!upload.rootFingerprint || !upload.rootCauseClass) return null;
  const root = await db().errorEvent.findFirst({ where: { uploadId: upload.id, isRootCause: true } });
  const seenAt = root?.timestamp ?? upload.finishedAt ?? upload.startedAt ?? upload.createdAt;

  return db().$transaction(async (tx) => {
    // Serialise grouping per fingerprint so two uploads of the same failure never open two incidents.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${upload.teamId + ":" + upload.rootFingerprint}))`;
    const existing = await tx.incident.findFirst({
      where: { teamId: upload.teamId, fingerprint: upload.rootFingerprint!, mergedIntoId: null },
      orderBy: { lastSeenAt: "desc" },
    });
    let incidentId: string;
    if (existing) {
      incidentId = existing.id;
      const reopening = existing.status === "resolved";
      await tx.incident.update({
        where: { id: existing.id },
        data: {
          occurrenceCount: upload.incidentId === existing.id ? undefined : { increment: 1 },
          lastSeenAt: seenAt > existing.lastSeenAt ? seenAt : undefined,
          firstSeenAt: seenAt < existing.firstSeenAt ? seenAt : undefined,
          ...(reopening ? { status: "open", resolvedAt: null } : {}),
        },
      });
      if (reopening) {
        await tx.timelineEntry.create({
          data: { incidentId, at: seenAt, kind: "status", title: "Reopened: the failure recurred after it was resolved", uploadId: upload.id },
        });
      }
    } else {
      const fields = (root?.fields ?? {}) as Record<string, FieldValue>;
      const created = await tx.incident.create({
        data: {
          teamId: upload.teamId,
          title: incidentTitle(upload.rootCauseClass!, fields, upload.repo),
          fingerprint: upload.rootFingerprint!,
          rootCauseClass: upload.rootCauseClass!,
          firstSeenAt: seenAt,
          lastSeenAt: seenAt,
        },
      });
      incidentId = created.id;
    }
    if (upload.incidentId !== incidentId) {
      await tx.upload.update({ where: { id: upload.id }, data: { incidentId } });
      await tx.timelineEntry.create({
        data: {
          incidentId,
          at: seenAt,
          kind: "event",
          title: `${classLabel(upload.rootCauseClass!)}${root ? `: ${root.message}` : ""}`.slice(0, 500),
          uploadId: upload.id,
          file: root?.file,
          line: root?.line,
          endLine: root?.endLine,
        },
      });
    }
    return incidentId;
  });
}
