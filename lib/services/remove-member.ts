// Owners remove someone from the team (their account stays); a team always keeps at least one owner.
import { db } from "../db/client";
import { ConflictError } from "./errors";
import { lockedMembership } from "./change-member-role";

export async function removeMember(input: { teamId: string; userId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const { target, owners } = await lockedMembership(tx, input.teamId, input.userId);
    if (target.role === "owner" && owners === 1) throw new ConflictError("a team needs at least one owner: make someone else owner first");
    await tx.membership.delete({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } } });
  });
}
