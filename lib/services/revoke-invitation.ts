// Withdraws a pending invitation: its link stops working at once.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export async function revokeInvitation(input: { teamId: string; invitationId: string }): Promise<void> {
  const done = await db().invitation.updateMany({
    where: { id: input.invitationId, teamId: input.teamId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (done.count === 0) throw new NotFoundError(`invitation ${input.invitationId}`);
}
