// Owners change members' roles; a team always keeps at least one owner.
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../auth/roles";
import { db } from "../db/client";
import { ConflictError, NotFoundError } from "./errors";

/** The target membership, locked with all of its team's, and how many owners the team has. */
export async function lockedMembership(tx: Prisma.TransactionClient, teamId: string, userId: string) {
  // Lock the team's memberships so two owners demoting each other at once cannot leave none.
  const rows = await tx.$queryRaw<{ userId: string; role: Role }[]>`SELECT "userId", role::text AS role FROM "Membership" WHERE "teamId" = ${teamId} FOR UPDATE`;
  const target = rows.find((r) => r.userId === userId);
  if (!target) throw new NotFoundError(`member ${userId}`);
  return { target, owners: rows.filter((r) => r.role === "owner").length };
}

export async function changeMemberRole(input: { teamId: string; userId: string; role: Role }): Promise<void> {
  await db().$transaction(async (tx) => {
    const { target, owners } = await lockedMembership(tx, input.teamId, input.userId);
    if (target.role === "owner" && input.role !== "owner" && owners === 1) throw new ConflictError("a team needs at least one owner: make someone else owner first");
    await tx.membership.update({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } }, data: { role: input.role } });
  });
}
