// A new team with a unique slug derived from its name.
import { randomBytes } from "node:crypto";
import { slugify } from "../auth/credentials";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export async function createTeam(input: { name: string; slug?: string }, tx: Tx = db()): Promise<{ id: string; slug: string; name: string }> {
  const base = input.slug ? slugify(input.slug) : slugify(input.name);
  let slug = base;
  for (let i = 0; await tx.team.findUnique({ where: { slug }, select: { id: true } }); i++) {
    slug = `${base}-${i < 3 ? i + 2 : randomBytes(3).toString("hex")}`;
  }
  return tx.team.create({ data: { slug, name: input.name }, select: { id: true, slug: true, name: true } });
}
