// A team's members and its pending invitations, for the members settings page.
import type { Role } from "../auth/roles";
import { db } from "../db/client";

export interface TeamMemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

export interface PendingInvitationView {
  id: string;
  email: string | null;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export async function listTeamMembers(input: { teamId: string }): Promise<{ members: TeamMemberView[]; invitations: PendingInvitationView[] }> {
  const [members, invitations] = await Promise.all([
    db().membership.findMany({
      where: { teamId: input.teamId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db().invitation.findMany({
      where: { teamId: input.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    }),
  ]);
  return {
    members: members.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt.toISOString() })),
    invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
  };
}
