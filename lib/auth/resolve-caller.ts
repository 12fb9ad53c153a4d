// Turns a presented secret (API token or session cookie) into a Caller, or null when it grants nothing.
import { db } from "../db/client";
import type { Caller } from "./caller";
import { isRole, scopesForRole, SCOPES, type Scope } from "./roles";
import { API_TOKEN_PREFIX, hashSecret } from "./secret-token";

const LAST_USED_EVERY_MS = 60_000;

export async function callerFromApiToken(secret: string): Promise<Caller | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, teamId: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) return null;
  // Coarse "last used" without a write per request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  const scopes = token.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  return { teamId: token.teamId, role: null, scopes, via: "token", tokenId: token.id };
}

export async function callerFromSession(token: string): Promise<Caller | null> {
  const session = await db().session.findUnique({
    where: { id: hashSecret(token) },
    select: {
      id: true,
      userId: true,
      teamId: true,
      expiresAt: true,
      user: { select: { memberships: { select: { teamId: true, role: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  // The session's team while the user still belongs to it, else the team they joined first.
  const memberships = session.user.memberships;
  const membership = memberships.find((m) => m.teamId === session.teamId) ?? memberships[0];
  if (!membership || !isRole(membership.role)) return null;
  return {
    teamId: membership.teamId,
    userId: session.userId,
    role: membership.role,
    scopes: scopesForRole(membership.role),
    via: "session",
    sessionId: session.id,
  };
}
