// Email + password sign-in, rate limited per email and client address; answers the same way (and
// takes as long) whether the email is unknown or the password is wrong.
import { z } from "zod";
import { checkLoginRate, clearFailedLogins, recordFailedLogin } from "../auth/login-rate-limit";
import { decoyHash, verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { ForbiddenError } from "./account-errors";
import { createSession, type CreatedSession } from "./create-session";
import { UnauthorizedError } from "./errors";

export const ZSignInRequest = z.object({
  email: z.string().trim().toLowerCase().min(1, "enter your email").max(254),
  password: z.string().min(1, "enter your password").max(200),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export interface SignedIn extends CreatedSession {
  userId: string;
  teamId: string;
}

export async function signIn(input: { credentials: TSignInRequest; clientAddress: string }): Promise<SignedIn> {
  const { email, password } = ZSignInRequest.parse(input.credentials);
  await checkLoginRate(email, input.clientAddress);
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, memberships: { select: { teamId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    await recordFailedLogin(email, input.clientAddress);
    throw new UnauthorizedError("wrong email or password");
  }
  await clearFailedLogins(email, input.clientAddress);
  const teamId = user.memberships[0]?.teamId;
  if (!teamId) throw new ForbiddenError("this account is not a member of any team; ask a team owner for an invitation");
  const session = await createSession({ userId: user.id, teamId });
  return { ...session, userId: user.id, teamId };
}
