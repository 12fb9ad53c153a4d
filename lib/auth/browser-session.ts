// Session cookies from server actions (Next's cookie store), the counterpart of the API routes'
// Set-Cookie headers.
import { cookies, headers } from "next/headers";
import type { CreatedSession } from "../services/create-session";
import { clearedSessionCookies, isSecureRequest, readSessionToken, sessionCookie } from "./session-cookie";

export async function startBrowserSession(session: CreatedSession): Promise<void> {
  const secure = isSecureRequest(await headers());
  const jar = await cookies();
  for (const c of clearedSessionCookies(secure)) jar.delete(c.name);
  const c = sessionCookie(session.token, session.expiresAt, secure);
  jar.set(c.name, c.value, c.options);
}

/** Clears the cookie and returns the token it held, if any (to delete its session). */
export async function endBrowserSession(): Promise<string | undefined> {
  const jar = await cookies();
  const token = readSessionToken((name) => jar.get(name)?.value);
  for (const c of clearedSessionCookies(isSecureRequest(await headers()))) jar.set(c.name, c.value, c.options);
  return token;
}
