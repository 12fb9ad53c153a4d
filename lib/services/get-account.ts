// The signed-in user's account: who they are and which teams they belong to.
import type { Role } from "../auth/roles";
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export interface AccountView {
  userId: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  teams: { teamId: string; name: string; slug: string; role: Role }[];
}

export async function getAccount(input: { userId: string }): Promise<AccountView> {
  const user = await db().user.findUnique({
    where: { id: input.userId },
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      memberships: { orderBy: { createdAt: "asc" }, select: { role: true, team: { select: { id: true, name: true, slug: true } } } },
    },
  });
  if (!user) throw new NotFoundError("account");
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    teams: user.memberships.map((m) => ({ teamId: m.team.id, name: m.team.name, slug: m.team.slug, role: m.role })),
  };
}
