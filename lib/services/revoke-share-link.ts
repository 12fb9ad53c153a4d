// Revokes a share link, by its token (API: DELETE /api/v1/share/:token) or by its id (the postmortem
// page, which never sees tokens again). The link answers 404 from the next request on. Revoking a
// revoked link is a no-op; links of other teams are not found.
import { db } from "../db/client";
import { hashShareToken, looksLikeShareToken } from "../postmortem/share-token";
import { NotFoundError } from "./errors";

export async function revokeShareLink(input: { teamId: string } & ({ token: string } | { linkId: string })): Promise<{ id: string; revokedAt: string }> {
  const where =
    "token" in input
      ? looksLikeShareToken(input.token)
        ? { tokenHash: hashShareToken(input.token) }
        : null
      : { id: input.linkId };
  const link = where
    ? await db().shareLink.findFirst({ where: { ...where, incident: { teamId: input.teamId } }, select: { id: true, revokedAt: true } })
    : null;
  if (!link) throw new NotFoundError("share link");
  if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt.toISOString() };
  const row = await db().shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() }, select: { id: true, revokedAt: true } });
  return { id: row.id, revokedAt: row.revokedAt!.toISOString() };
}
