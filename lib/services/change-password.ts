// Changes a user's password after checking the current one, and signs out every other session.
import { ZPassword } from "../auth/credentials";
import { hashPassword, verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { ForbiddenError } from "./account-errors";
import { NotFoundError } from "./errors";

export async function changePassword(input: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string }): Promise<void> {
  const newPassword = ZPassword.parse(input.newPassword);
  const user = await db().user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError("account");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new ForbiddenError("the current password is wrong");
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction([
    db().user.update({ where: { id: input.userId }, data: { passwordHash } }),
    db().session.deleteMany({ where: { userId: input.userId, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) } }),
  ]);
}
