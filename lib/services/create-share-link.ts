// Creates a read-only share link to an incident's postmortem. The token is returned once and only its
// hash is stored; the link works until it is revoked or its optional expiry passes.
import { z } from "zod";
import { db } from "../db/client";
import { generateShareToken, hashShareToken } from "../postmortem/share-token";
import { NotFoundError, ValidationError } from "./errors";

const MAX_LIFETIME_MS = 366 * 86_400_000;

export const ZCreateShareLinkRequest = z.object({
  /** When the link stops working (ISO 8601); omitted or null: until revoked. */
  expiresAt: z.coerce.date().nullable().optional(),
});
export type TCreateShareLinkRequest = z.input<typeof ZCreateShareLinkRequest>;

export interface CreatedShareLink {
  id: string;
  token: string;
  url: string;
  expiresAt: string | null;
  createdAt: string;
}

export async function createShareLink(input: { teamId: string; incidentId: string; baseUrl: string; request?: unknown }): Promise<CreatedShareLink> {
  const req = ZCreateShareLinkRequest.parse(input.request ?? {});
  const now = Date.now();
  if (req.expiresAt && req.expiresAt.getTime() <= now) throw new ValidationError("expiresAt must be in the future");
  if (req.expiresAt && req.expiresAt.getTime() > now + MAX_LIFETIME_MS) throw new ValidationError("expiresAt may be at most a year ahead");
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
  if (!incident) throw new NotFoundError(`incident ${input.incidentId}`);
  const token = generateShareToken();
  const link = await db().shareLink.create({
    data: { incidentId: incident.id, tokenHash: hashShareToken(token), expiresAt: req.expiresAt ?? null },
    select: { id: true, expiresAt: true, createdAt: true },
  });
  return {
    id: link.id,
    token,
    url: `${input.baseUrl.replace(/\/+$/, "")}/share/${token}`,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  };
}
