// What a share link shows: the incident's postmortem, read-only and with secrets redacted. Needs no
// session: the token is the credential. Unknown, revoked and expired links are all plain "not found",
// so a response never tells which tokens once existed.
import { db } from "../db/client";
import type { PostmortemDocument } from "../postmortem/content";
import { redactPostmortemDocument } from "../postmortem/redact-document";
import { hashShareToken, looksLikeShareToken } from "../postmortem/share-token";
import { NotFoundError } from "./errors";
import { getPostmortem } from "./get-postmortem";

export async function getSharedPostmortem(input: { token: string; now?: Date }): Promise<PostmortemDocument & { expiresAt: string | null }> {
  if (!looksLikeShareToken(input.token)) throw new NotFoundError("share link");
  const link = await db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(input.token) },
    select: { incidentId: true, expiresAt: true, revokedAt: true, incident: { select: { teamId: true } } },
  });
  const now = input.now ?? new Date();
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) throw new NotFoundError("share link");
  const doc = await getPostmortem({ teamId: link.incident.teamId, incidentId: link.incidentId });
  return { ...redactPostmortemDocument(doc), expiresAt: link.expiresAt?.toISOString() ?? null };
}
