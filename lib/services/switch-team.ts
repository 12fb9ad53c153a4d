// Points a session at another team the user belongs to.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export async function switchTeam(input: { sessionId: string; userId: string; teamId: string }): Promise<void> {
  const member = await db().membership.findUnique({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } }, select: { teamId: true } });
  if (!member) throw new NotFoundError(`team ${input.teamId}`);
  await db().session.update({ where: { id: input.sessionId }, data: { teamId: member.teamId } });
}
