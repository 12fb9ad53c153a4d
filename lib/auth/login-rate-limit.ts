// Login rate limit: at most 10 failed sign-ins per email and client address in 15 minutes, and 50
// per email from all addresses together (client addresses can be spoofed when nothing in front of
// Faultline rewrites X-Forwarded-For). Failures are rows in Postgres rather than process memory, so
// the limit holds across restarts and across several server processes sharing the database.
import { db } from "../db/client";
import { RateLimitedError } from "../services/account-errors";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ADDRESS = 10;
export const MAX_FAILURES_PER_EMAIL = 50;

/** Throws RateLimitedError when this email (from this address) has failed too often lately. */
export async function checkLoginRate(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const recent = await db().loginAttempt.findMany({
    where: { email, createdAt: { gt: since } },
    select: { ip: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES_PER_EMAIL,
  });
  const fromHere = recent.filter((a) => a.ip === ip);
  // Blocked until the oldest failure that counts towards the limit leaves the window.
  const blockedBy =
    fromHere.length >= MAX_FAILURES_PER_ADDRESS ? fromHere[MAX_FAILURES_PER_ADDRESS - 1] : recent.length >= MAX_FAILURES_PER_EMAIL ? recent[MAX_FAILURES_PER_EMAIL - 1] : null;
  if (blockedBy) {
    const retryAfterSeconds = Math.max(1, Math.ceil((blockedBy.createdAt.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
    throw new RateLimitedError(`too many failed sign-ins for this account; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
  }
}

export async function recordFailedLogin(email: string, ip: string): Promise<void> {
  await db().loginAttempt.create({ data: { email, ip } });
  await db().loginAttempt.deleteMany({ where: { email, createdAt: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } } });
}

/** A successful sign-in forgives this address's failures (not other addresses'). */
export async function clearFailedLogins(email: string, ip: string): Promise<void> {
  await db().loginAttempt.deleteMany({ where: { email, ip } });
}
