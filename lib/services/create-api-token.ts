// Creates an API token for a team (CI uploads, scripts). The secret is returned once, here; only its
// sha256 is stored.
import { z } from "zod";
import { SCOPES, type Scope } from "../auth/roles";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "../auth/secret-token";
import { db } from "../db/client";

export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1, "name the token (what uses it?)").max(100),
  scopes: z.array(z.enum(SCOPES)).min(1, "choose at least one scope").default(["upload", "read"]),
});
export type TCreateApiTokenRequest = z.input<typeof ZCreateApiTokenRequest>;

export interface CreatedApiToken {
  id: string;
  name: string;
  scopes: Scope[];
  prefix: string;
  createdAt: string;
  /** The secret: shown once, never stored. */
  token: string;
}

/** How many characters of a token lists show: enough to tell tokens apart, far too few to guess. */
export const TOKEN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

export async function createApiToken(input: { teamId: string; createdById?: string; token: TCreateApiTokenRequest }): Promise<CreatedApiToken> {
  const req = ZCreateApiTokenRequest.parse(input.token);
  const scopes = [...new Set(req.scopes)];
  const secret = newSecret(API_TOKEN_PREFIX);
  const row = await db().apiToken.create({
    data: { teamId: input.teamId, name: req.name, scopes, tokenHash: hashSecret(secret), prefix: secret.slice(0, TOKEN_PREFIX_LENGTH), createdById: input.createdById ?? null },
    select: { id: true, createdAt: true },
  });
  return { id: row.id, name: req.name, scopes, prefix: secret.slice(0, TOKEN_PREFIX_LENGTH), createdAt: row.createdAt.toISOString(), token: secret };
}
