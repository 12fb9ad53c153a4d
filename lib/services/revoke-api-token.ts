// Revokes a team's API token at once: the next request carrying it gets 401.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export async function revokeApiToken(input: { teamId: string; tokenId: string }): Promise<void> {
  const token = await db().apiToken.findFirst({ where: { id: input.tokenId, teamId: input.teamId }, select: { id: true, revokedAt: true } });
  if (!token) throw new NotFoundError(`API token ${input.tokenId}`);
  if (!token.revokedAt) await db().apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
}
