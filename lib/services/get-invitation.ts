// What an invitation link offers (team, role, bound email), if it is still valid. Unknown, used,
// revoked and expired links all answer "not found" alike.
import type { Role } from "../auth/roles";
import { hashSecret } from "../auth/secret-token";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export interface InvitationView {
  id: string;
  teamId: string;
  teamName: string;
  role: Role;
  email: string | null;
  expiresAt: string;
}

export async function getInvitation(input: { token: string }): Promise<InvitationView> {
  const inv = /^[A-Za-z0-9_-]{20,100}$/.test(input.token)
    ? await db().invitation.findUnique({ where: { tokenHash: hashSecret(input.token) }, include: { team: { select: { name: true } } } })
    : null;
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= new Date()) throw new NotFoundError("invitation");
  return { id: inv.id, teamId: inv.teamId, teamName: inv.team.name, role: inv.role, email: inv.email, expiresAt: inv.expiresAt.toISOString() };
}
