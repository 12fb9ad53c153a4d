// Creates an account in a team, for headless administration (`faultline user create`) and tests.
// The team is found by slug or name, or created (its first member then owns it); without a team the
// oldest one is used, so a single-team install needs no flag.
import { z } from "zod";
import { ZDisplayName, ZEmail, ZPassword, ZTeamName } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import { ROLES, type Role } from "../auth/roles";
import { db } from "../db/client";
import { ConflictError } from "./errors";
import { createTeam } from "./create-team";

export const ZCreateUserRequest = z.object({
  email: ZEmail,
  password: ZPassword,
  name: ZDisplayName,
  isAdmin: z.boolean().default(false),
  team: ZTeamName.optional(),
  role: z.enum(ROLES).optional(),
});
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

export interface CreatedUser {
  userId: string;
  email: string;
  teamId: string;
  teamSlug: string;
  role: Role;
  createdTeam: boolean;
}

export async function createUser(input: TCreateUserRequest): Promise<CreatedUser> {
  const req = ZCreateUserRequest.parse(input);
  const passwordHash = await hashPassword(req.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: req.email }, select: { id: true } })) {
      throw new ConflictError(`a user with email ${req.email} already exists`);
    }
    let team = req.team
      ? await tx.team.findFirst({ where: { OR: [{ slug: req.team }, { name: req.team }] }, orderBy: { createdAt: "asc" }, select: { id: true, slug: true } })
      : await tx.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, slug: true } });
    const createdTeam = !team;
    team ??= await createTeam({ name: req.team ?? "Default team", slug: req.team ?? "default" }, tx);
    const hasOwner = !createdTeam && (await tx.membership.findFirst({ where: { teamId: team.id, role: "owner" }, select: { userId: true } })) !== null;
    const role: Role = req.role ?? (req.isAdmin || !hasOwner ? "owner" : "member");
    const user = await tx.user.create({
      data: { email: req.email, name: req.name || null, passwordHash, isAdmin: req.isAdmin, memberships: { create: { teamId: team.id, role } } },
      select: { id: true },
    });
    return { userId: user.id, email: req.email, teamId: team.id, teamSlug: team.slug, role, createdTeam };
  });
}
