// An owner invites someone into the team: a single-use link with 256 random bits, valid for a week,
// optionally bound to one email address. Only the token's sha256 is stored.
import { z } from "zod";
import { ZEmail } from "../auth/credentials";
import { ROLES } from "../auth/roles";
import { hashSecret, newSecret } from "../auth/secret-token";
import { db } from "../db/client";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const ZInviteMemberRequest = z.object({
  email: ZEmail.optional().or(z.literal("").transform(() => undefined)),
  role: z.enum(ROLES).default("member"),
});
export type TInviteMemberRequest = z.input<typeof ZInviteMemberRequest>;

export interface CreatedInvitation {
  id: string;
  /** The secret for the /invite/<token> link: shown once, never stored. */
  token: string;
  expiresAt: Date;
}

export async function inviteMember(input: { teamId: string; invitedById?: string; invitation: TInviteMemberRequest }): Promise<CreatedInvitation> {
  const req = ZInviteMemberRequest.parse(input.invitation);
  const token = newSecret();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const row = await db().invitation.create({
    data: { teamId: input.teamId, email: req.email ?? null, role: req.role, tokenHash: hashSecret(token), invitedById: input.invitedById ?? null, expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}
