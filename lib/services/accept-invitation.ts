// Joins a team through an invitation link, as the signed-in user or as a new account created here.
// The link is consumed in the same transaction that adds the membership, so it works exactly once.
import { z } from "zod";
import { ZDisplayName, ZEmail, ZPassword } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import { hashSecret } from "../auth/secret-token";
import { db } from "../db/client";
import { ForbiddenError } from "./account-errors";
import { ConflictError, NotFoundError } from "./errors";

export const ZNewAccount = z.object({ email: ZEmail, password: ZPassword, name: ZDisplayName });
export type TNewAccount = z.input<typeof ZNewAccount>;

export async function acceptInvitation(input: { token: string } & ({ userId: string } | { newAccount: TNewAccount })): Promise<{ userId: string; teamId: string }> {
  const account = "newAccount" in input ? ZNewAccount.parse(input.newAccount) : null;
  const passwordHash = account ? await hashPassword(account.password) : null;
  return db().$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(input.token) } });
    const now = new Date();
    if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= now) throw new NotFoundError("invitation");
    let userId: string;
    if (account) {
      if (inv.email && inv.email !== account.email) throw new ForbiddenError(`this invitation is for ${inv.email}`);
      if (await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
        throw new ConflictError("an account with this email already exists: sign in first, then open the invitation again");
      }
      userId = (await tx.user.create({ data: { email: account.email, name: account.name || null, passwordHash: passwordHash! }, select: { id: true } })).id;
    } else {
      const user = await tx.user.findUnique({ where: { id: (input as { userId: string }).userId }, select: { id: true, email: true } });
      if (!user) throw new NotFoundError("user");
      if (inv.email && inv.email !== user.email) throw new ForbiddenError(`this invitation is for ${inv.email}; you are signed in as ${user.email}`);
      if (await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: inv.teamId } } })) {
        throw new ConflictError("you are already a member of this team");
      }
      userId = user.id;
    }
    // Consume the link only if nobody else did meanwhile.
    const taken = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now, acceptedById: userId } });
    if (taken.count !== 1) throw new NotFoundError("invitation");
    await tx.membership.create({ data: { userId, teamId: inv.teamId, role: inv.role } });
    return { userId, teamId: inv.teamId };
  });
}
