// The share links of an incident's postmortem, newest first, with whether each still works.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export interface ShareLinkView {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
}

export async function listShareLinks(input: { teamId: string; incidentId: string; now?: Date }): Promise<ShareLinkView[]> {
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
  if (!incident) throw new NotFoundError(`incident ${input.incidentId}`);
  const now = input.now ?? new Date();
  const rows = await db().shareLink.findMany({
    where: { incidentId: incident.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
  }));
}
