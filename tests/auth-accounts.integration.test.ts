// Sign-in, sessions and sign-out on a real Postgres, through the API routes a browser uses.
import { describe, expect, it } from "vitest";
import { POST as loginRoute } from "../app/api/v1/auth/login/route";
import { POST as logoutEverywhereRoute } from "../app/api/v1/auth/logout-everywhere/route";
import { POST as logoutRoute } from "../app/api/v1/auth/logout/route";
import { GET as meRoute } from "../app/api/v1/auth/me/route";
import { MAX_FAILURES_PER_ADDRESS } from "../lib/auth/login-rate-limit";
import { hashSecret } from "../lib/auth/secret-token";
import { db } from "../lib/db/client";
import { changePassword } from "../lib/services/change-password";
import { signIn } from "../lib/services/sign-in";
import { apiRequest, createTestAccount, ORIGIN, params, sessionCookieOf, TEST_PASSWORD, uniqueEmail } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";

connectTestDatabase();

const login = (body: unknown, extra: { origin?: string | null; ip?: string } = {}) =>
  loginRoute(
    apiRequest("/api/v1/auth/login", {
      method: "POST",
      body: JSON.stringify(body),
      origin: extra.origin === undefined ? ORIGIN : extra.origin,
      headers: { "x-forwarded-for": extra.ip ?? "203.0.113.7" },
    }),
    params({}),
  );

const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0];

describe("signing in", () => {
  it("sets an httpOnly SameSite=Lax session cookie; the database keeps only its hash", async () => {
    const account = await createTestAccount();
    const res = await login({ email: account.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^faultline_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http here
    const token = cookieOf(res).split("=")[1];
    const sessions = await db().session.findMany({ where: { userId: account.userId } });
    expect(sessions.map((s) => s.id)).toEqual([hashSecret(token)]);
    expect(sessions[0].expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

    const me = await meRoute(apiRequest("/api/v1/auth/me", { cookie: cookieOf(res) }), params({}));
    expect(await me.json()).toMatchObject({ via: "session", email: account.email, teamId: account.teamId, role: "owner", scopes: ["read", "upload", "write"] });
  });

  it("is Secure, with the __Host- prefix, behind https", async () => {
    const account = await createTestAccount();
    const req = apiRequest("/api/v1/auth/login", {
      method: "POST",
      body: JSON.stringify({ email: account.email, password: TEST_PASSWORD }),
      origin: ORIGIN,
      headers: { "x-forwarded-proto": "https" },
    });
    const setCookie = (await loginRoute(req, params({}))).headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-faultline_session=/);
    expect(setCookie).toMatch(/; Secure/);
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const account = await createTestAccount();
    const wrong = await login({ email: account.email, password: "not the password" });
    const unknown = await login({ email: uniqueEmail(), password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a sign-in form posted from another site (login CSRF)", async () => {
    const account = await createTestAccount();
    expect((await login({ email: account.email, password: TEST_PASSWORD }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await login({ email: account.email, password: TEST_PASSWORD }, { origin: null })).status).toBe(403);
  });

  it("rate-limits failures per email and address, with Retry-After; other addresses are not blocked", async () => {
    const account = await createTestAccount();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await login({ email: account.email, password: "wrong password!" })).status).toBe(401);
    const blocked = await login({ email: account.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await login({ email: account.email, password: TEST_PASSWORD }, { ip: "198.51.100.9" })).status).toBe(200);
  });

  it("rejects bodies that are not JSON", async () => {
    const req = apiRequest("/api/v1/auth/login", { method: "POST", body: "email=a", origin: ORIGIN, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect((await loginRoute(req, params({}))).status).toBe(400);
  });
});

describe("signing out", () => {
  it("logout ends this session only and clears the cookie", async () => {
    const account = await createTestAccount();
    const [here, elsewhere] = [await sessionCookieOf(account), await sessionCookieOf(account)];
    const res = await logoutRoute(apiRequest("/api/v1/auth/logout", { method: "POST", cookie: here, origin: ORIGIN }), params({}));
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/faultline_session=;.*Max-Age=0/);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie: here }), params({}))).status).toBe(401);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie: elsewhere }), params({}))).status).toBe(200);
  });

  it("logout everywhere ends every session of the user, and no one else's", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    const cookies = [await sessionCookieOf(account), await sessionCookieOf(account), await sessionCookieOf(account)];
    const othersCookie = await sessionCookieOf(other);
    const res = await logoutEverywhereRoute(apiRequest("/api/v1/auth/logout-everywhere", { method: "POST", cookie: cookies[0], origin: ORIGIN }), params({}));
    expect(res.status).toBe(204);
    for (const cookie of cookies) expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie }), params({}))).status).toBe(401);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie: othersCookie }), params({}))).status).toBe(200);
  });

  it("changing the password signs out the other sessions and the old password stops working", async () => {
    const account = await createTestAccount();
    const keep = await signIn({ credentials: { email: account.email, password: TEST_PASSWORD }, clientAddress: "test" });
    const other = await sessionCookieOf(account);
    await expect(changePassword({ userId: account.userId, currentPassword: "wrong password", newPassword: "a new long password" })).rejects.toThrow(/current password/);
    await changePassword({ userId: account.userId, currentPassword: TEST_PASSWORD, newPassword: "a new long password", keepSessionId: keep.sessionId });
    expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie: other }), params({}))).status).toBe(401);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { cookie: `faultline_session=${keep.token}` }), params({}))).status).toBe(200);
    await expect(signIn({ credentials: { email: account.email, password: TEST_PASSWORD }, clientAddress: "test" })).rejects.toThrow(/wrong email or password/);
    await expect(signIn({ credentials: { email: account.email, password: "a new long password" }, clientAddress: "test" })).resolves.toMatchObject({ userId: account.userId });
  });
});
