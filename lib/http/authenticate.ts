// The one place that decides who is calling: an API token (`Authorization: Bearer flt_…`) or a
// signed-in browser (the session cookie). Every caller acts for exactly one team.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Caller } from "../auth/caller";
import { callerFromApiToken, callerFromSession } from "../auth/resolve-caller";
import { cookieGetter, readSessionToken } from "../auth/session-cookie";
import { UnauthorizedError } from "../services/errors";
import { needsSetup } from "../services/needs-setup";

export type { Caller } from "../auth/caller";
export { hasRole, requireRole, requireScope } from "../auth/roles";

/** For route handlers: the caller, or UnauthorizedError (401). A bad bearer token never falls back to the cookie. */
export async function authenticate(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer[ ]+([A-Za-z0-9_-]+)[ ]*$/i.exec(authorization)?.[1];
    const caller = bearer ? await callerFromApiToken(bearer) : null;
    if (!caller) throw new UnauthorizedError("the bearer token is invalid or revoked");
    return caller;
  }
  const token = readSessionToken(cookieGetter(request.headers.get("cookie")));
  const caller = token ? await callerFromSession(token) : null;
  if (!caller) throw new UnauthorizedError();
  return caller;
}

/** For server components and actions: the signed-in user, or null. Once per request. */
export const optionalCaller = cache(async (): Promise<Caller | null> => {
  const jar = await cookies();
  const token = readSessionToken((name) => jar.get(name)?.value);
  return token ? callerFromSession(token) : null;
});

/**
 * For server components and actions: the signed-in user. Anyone else is sent to sign in (back to the
 * page they asked for afterwards), or to /setup while the install has no user at all.
 */
export async function currentCaller(): Promise<Caller> {
  const caller = await optionalCaller();
  if (caller) return caller;
  if (await needsSetup()) redirect("/setup");
  const path = (await headers()).get("x-faultline-path");
  redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
}
