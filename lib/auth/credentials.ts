// Input rules for accounts, shared by the setup page, invitations, the API and the CLI.
import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("enter a valid email address"));

export const ZPassword = z
  .string()
  .min(10, "use at least 10 characters")
  .max(200, "use at most 200 characters");

export const ZDisplayName = z.string().trim().max(100).optional();

export const ZTeamName = z.string().trim().min(1, "name the team").max(100);

/** A team name as a URL-safe slug; callers add a suffix when it is taken. */
export function slugify(name: string): string {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return slug || "team";
}
