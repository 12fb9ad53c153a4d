// Accounts, sessions and tokens for auth integration tests: every call makes its own team and user,
// so tests never share rows. Also builds requests the way a browser or a CI client would send them.
import { randomBytes } from "node:crypto";
import type { Role, Scope } from "../../lib/auth/roles";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie";
import { db } from "../../lib/db/client";
import { createApiToken } from "../../lib/services/create-api-token";
import { createSession } from "../../lib/services/create-session";
import { createUser } from "../../lib/services/create-user";

export const TEST_PASSWORD = "correct horse battery staple";
export const ORIGIN = "http://faultline.test";

export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  teamId: string;
  role: Role;
}

export const uniqueEmail = (tag = "u") => `${tag}-${randomBytes(6).toString("hex")}@example.test`;

/** A user in a new team of their own (owner), or with `role` in an existing team. */
export async function createTestAccount(opts: { teamId?: string; role?: Role } = {}): Promise<TestAccount> {
  let team: string | undefined;
  if (opts.teamId) team = (await db().team.findUniqueOrThrow({ where: { id: opts.teamId }, select: { slug: true } })).slug;
  const user = await createUser({
    email: uniqueEmail(),
    password: TEST_PASSWORD,
    team: team ?? `auth-${randomBytes(6).toString("hex")}`,
    role: opts.role ?? (opts.teamId ? "member" : "owner"),
  });
  return { userId: user.userId, email: user.email, password: TEST_PASSWORD, teamId: user.teamId, role: user.role };
}

export async function sessionCookieOf(account: { userId: string; teamId: string }): Promise<string> {
  const session = await createSession({ userId: account.userId, teamId: account.teamId });
  return `${SESSION_COOKIE}=${session.token}`;
}

export async function tokenFor(teamId: string, scopes: Scope[] = ["upload", "read"]): Promise<string> {
  return (await createApiToken({ teamId, token: { name: "test", scopes } })).token;
}

type Credentials = { token?: string; cookie?: string; origin?: string | null; fetchSite?: string };

/** A request to an API path with a bearer token or a session cookie (plus the browser's Origin). */
export function apiRequest(path: string, init: RequestInit & Credentials = {}): Request {
  const { token, cookie, origin, fetchSite, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set("host", new URL(ORIGIN).host);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (cookie) headers.set("cookie", cookie);
  if (origin !== undefined && origin !== null) headers.set("origin", origin);
  if (fetchSite) headers.set("sec-fetch-site", fetchSite);
  if (typeof rest.body === "string" && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`${ORIGIN}${path}`, { ...rest, headers });
}

/** Next passes route params as a promise. */
export const params = <P>(p: P) => ({ params: Promise.resolve(p) });
