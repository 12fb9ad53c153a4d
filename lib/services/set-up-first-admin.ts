// The first visitor of a fresh install creates the admin account, owner of the first team. Once any
// user exists this refuses (setup is gone). Data from before accounts existed (the old default
// team) is adopted by the new admin's team instead of being orphaned.
import { z } from "zod";
import { ZDisplayName, ZEmail, ZPassword, ZTeamName } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { createTeam } from "./create-team";
import { NotFoundError } from "./errors";

export const ZSetUpRequest = z.object({
  name: ZDisplayName,
  email: ZEmail,
  password: ZPassword,
  teamName: ZTeamName,
});
export type TSetUpRequest = z.input<typeof ZSetUpRequest>;

const SETUP_LOCK = "faultline:first-admin";

export async function setUpFirstAdmin(input: TSetUpRequest): Promise<{ userId: string; teamId: string }> {
  const req = ZSetUpRequest.parse(input);
  const passwordHash = await hashPassword(req.password);
  return db().$transaction(async (tx) => {
    // Two visitors submitting at once: one wins, the other finds a user and gets "not found".
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${SETUP_LOCK}))`;
    if (await tx.user.findFirst({ select: { id: true } })) throw new NotFoundError("setup");
    const legacy = await tx.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    const team = legacy ? await tx.team.update({ where: { id: legacy.id }, data: { name: req.teamName }, select: { id: true } }) : await createTeam({ name: req.teamName }, tx);
    const user = await tx.user.create({
      data: { email: req.email, name: req.name || null, passwordHash, isAdmin: true, memberships: { create: { teamId: team.id, role: "owner" } } },
      select: { id: true },
    });
    return { userId: user.id, teamId: team.id };
  });
}
