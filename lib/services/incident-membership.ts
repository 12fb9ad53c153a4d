// What the incident mutations (grouping, merge, split, move) share: following merges to the incident
// that is shown, recomputing an incident's counts from the uploads it holds, and the lock order.
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "./errors";

type Tx = Prisma.TransactionClient;

const MAX_MERGE_HOPS = 50;

/** The incident `id` ends up in after following merges (B merged into A, A into C → C). */
export async function followMerges(tx: Tx, id: string): Promise<{ id: string; hops: number }> {
  let current = id;
  for (let hops = 0; hops <= MAX_MERGE_HOPS; hops++) {
    const row = await tx.incident.findUnique({ where: { id: current }, select: { mergedIntoId: true } });
    if (!row) throw new NotFoundError(`incident ${current}`);
    if (!row.mergedIntoId) return { id: current, hops };
    current = row.mergedIntoId;
  }
  throw new Error(`incident ${id}: merge chain longer than ${MAX_MERGE_HOPS}`);
}

/**
 * Serialises changes to incidents of these fingerprints with grouping (group-incident takes the same
 * transaction-scoped advisory lock), in a fixed order so two mutations never wait on each other.
 */
export async function lockFingerprints(tx: Tx, teamId: string, fingerprints: string[]): Promise<void> {
  for (const fp of [...new Set(fingerprints)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${teamId + ":" + fp}))`;
  }
}

/** Locks incident rows (by id order) for the rest of the transaction. */
export async function lockIncidents(tx: Tx, ids: string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    await tx.$executeRaw`SELECT 1 FROM "Incident" WHERE id = ${id} FOR UPDATE`;
  }
}

/**
 * occurrenceCount, firstSeenAt and lastSeenAt from the uploads the incident holds now. An upload is
 * seen when its root-cause line was logged, else when its job finished or started, else when it came.
 */
export async function refreshIncidentStats(tx: Tx, incidentId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Incident" i SET
      "occurrenceCount" = s.n,
      "firstSeenAt" = coalesce(s.first, i."firstSeenAt"),
      "lastSeenAt" = coalesce(s.last, i."lastSeenAt")
    FROM (
      SELECT count(*)::int AS n, min(seen) AS first, max(seen) AS last FROM (
        SELECT coalesce(
          (SELECT e.timestamp FROM "ErrorEvent" e WHERE e."uploadId" = u.id AND e."isRootCause" LIMIT 1),
          u."finishedAt", u."startedAt", u."createdAt") AS seen
        FROM "Upload" u WHERE u."incidentId" = ${incidentId}
      ) seen
    ) s
    WHERE i.id = ${incidentId}`;
}
