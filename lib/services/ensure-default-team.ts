// Until accounts exist, everything belongs to one team created on first use.
import { db } from "../db/client";

export const DEFAULT_TEAM_SLUG = "default";

export async function ensureDefaultTeam(): Promise<{ id: string }> {
  return db().team.upsert({
    where: { slug: DEFAULT_TEAM_SLUG },
    update: {},
    create: { slug: DEFAULT_TEAM_SLUG, name: "Default team" },
    select: { id: true },
  });
}
