// Starts a browser session: a random token for the cookie, its sha256 as the Session row's id.
import { db } from "../db/client";
import { SESSION_TTL_MS } from "../auth/session-cookie";
import { hashSecret, newSecret } from "../auth/secret-token";

export interface CreatedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(input: { userId: string; teamId?: string | null }): Promise<CreatedSession> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const session = await db().session.create({
    data: { id: hashSecret(token), userId: input.userId, teamId: input.teamId ?? null, expiresAt },
    select: { id: true },
  });
  // Housekeeping: this user's expired sessions are of no use to anyone.
  await db().session.deleteMany({ where: { userId: input.userId, expiresAt: { lte: new Date() } } });
  return { token, sessionId: session.id, expiresAt };
}
