// `faultline token create --email E [--name N] [--scopes upload,read,write] [--team T]` prints a new API
// token once (stdout, alone on its line, for `TOKEN=$(…)`); `faultline token revoke <id>` revokes one.
import { parseArgs } from "node:util";
import type { Scope } from "../../lib/auth/roles";
import { db } from "../../lib/db/client";
import { createApiToken } from "../../lib/services/create-api-token";
import { NotFoundError } from "../../lib/services/errors";
import { revokeApiToken } from "../../lib/services/revoke-api-token";
import { defaultIO, withDatabase, type CommandIO } from "./database";

const USAGE = `usage: faultline token create --email E [--name N] [--scopes upload,read,write] [--team T]
       faultline token revoke <token-id>
  The token acts for the user's team (--team: slug, when the user belongs to several).
`;

export async function tokenCommand(args: string[], io: CommandIO = defaultIO()): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { email: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, team: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.stderr(`faultline token: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (sub === "revoke" && positionals.length === 1) {
    return withDatabase("token revoke", io, async () => {
      const token = await db().apiToken.findUnique({ where: { id: positionals[0] }, select: { id: true, teamId: true } });
      if (!token) throw new NotFoundError(`API token ${positionals[0]}`);
      await revokeApiToken({ teamId: token.teamId, tokenId: token.id });
      io.stderr(`revoked API token ${token.id}\n`);
      return 0;
    });
  }
  if (sub !== "create" || !values.email || positionals.length) {
    io.stderr(USAGE);
    return 2;
  }
  return withDatabase("token create", io, async () => {
    const email = values.email!.trim().toLowerCase();
    const user = await db().user.findUnique({
      where: { email },
      select: { id: true, memberships: { orderBy: { createdAt: "asc" }, select: { teamId: true, team: { select: { slug: true } } } } },
    });
    if (!user) throw new NotFoundError(`user ${email}`);
    const membership = values.team ? user.memberships.find((m) => m.team.slug === values.team) : user.memberships[0];
    if (!membership) throw new NotFoundError(values.team ? `team ${values.team} of ${email}` : `a team of ${email}`);
    const scopes = (values.scopes ?? "upload,read").split(",").map((s) => s.trim()).filter(Boolean);
    const created = await createApiToken({
      teamId: membership.teamId,
      createdById: user.id,
      token: { name: values.name ?? `cli ${new Date().toISOString().slice(0, 10)}`, scopes: scopes as Scope[] },
    });
    io.stderr(`API token ${created.id} "${created.name}" for team ${membership.team.slug}, scopes ${created.scopes.join(",")}. It is shown only now:\n`);
    io.stdout(`${created.token}\n`);
    return 0;
  });
}
