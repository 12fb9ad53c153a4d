// API tokens through their routes: owners create (secret shown once, stored hashed) and revoke them.
import { describe, expect, it } from "vitest";
import { GET as meRoute } from "../app/api/v1/auth/me/route";
import { DELETE as revokeRoute } from "../app/api/v1/tokens/[id]/route";
import { GET as listRoute, POST as createRoute } from "../app/api/v1/tokens/route";
import { hashSecret } from "../lib/auth/secret-token";
import { db } from "../lib/db/client";
import { apiRequest, createTestAccount, ORIGIN, params, sessionCookieOf, tokenFor } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";

connectTestDatabase();

const create = (creds: { cookie?: string; token?: string; origin?: string | null; fetchSite?: string }, body: unknown = { name: "ci", scopes: ["upload"] }) =>
  createRoute(apiRequest("/api/v1/tokens", { method: "POST", body: JSON.stringify(body), origin: ORIGIN, ...creds }), params({}));

describe("API tokens", () => {
  it("an owner creates one: 256-bit secret shown once, only its sha256 stored, scoped to the team", async () => {
    const owner = await createTestAccount();
    const cookie = await sessionCookieOf(owner);
    const res = await create({ cookie, fetchSite: "same-origin", origin: null });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.token).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["upload"]);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.teamId).toBe(owner.teamId);

    const me = await (await meRoute(apiRequest("/api/v1/auth/me", { token: created.token }), params({}))).json();
    expect(me).toMatchObject({ via: "token", teamId: owner.teamId, role: null, scopes: ["upload"] });

    const list = await (await listRoute(apiRequest("/api/v1/tokens", { cookie }), params({}))).json();
    expect(list.items.map((t: { id: string }) => t.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain(created.token);
  });

  it("revoking takes effect at once", async () => {
    const owner = await createTestAccount();
    const cookie = await sessionCookieOf(owner);
    const created = await (await create({ cookie })).json();
    expect((await meRoute(apiRequest("/api/v1/auth/me", { token: created.token }), params({}))).status).toBe(200);
    const res = await revokeRoute(apiRequest(`/api/v1/tokens/${created.id}`, { method: "DELETE", cookie, origin: ORIGIN }), params({ id: created.id }));
    expect(res.status).toBe(204);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { token: created.token }), params({}))).status).toBe(401);
  });

  it("another team's token id is 404 and stays valid", async () => {
    const [a, b] = [await createTestAccount(), await createTestAccount()];
    const created = await (await create({ cookie: await sessionCookieOf(a) })).json();
    const res = await revokeRoute(apiRequest(`/api/v1/tokens/${created.id}`, { method: "DELETE", cookie: await sessionCookieOf(b), origin: ORIGIN }), params({ id: created.id }));
    expect(res.status).toBe(404);
    expect((await meRoute(apiRequest("/api/v1/auth/me", { token: created.token }), params({}))).status).toBe(200);
  });

  it("only owners manage tokens, and a token cannot mint tokens", async () => {
    const owner = await createTestAccount();
    const member = await createTestAccount({ teamId: owner.teamId, role: "member" });
    expect((await create({ cookie: await sessionCookieOf(member) })).status).toBe(403);
    expect((await create({ token: await tokenFor(owner.teamId) })).status).toBe(403);
    expect((await listRoute(apiRequest("/api/v1/tokens", { cookie: await sessionCookieOf(member) }), params({}))).status).toBe(403);
  });

  it("a cookie-authenticated create from another site is refused", async () => {
    const owner = await createTestAccount();
    const cookie = await sessionCookieOf(owner);
    expect((await create({ cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await create({ cookie, origin: null })).status).toBe(403);
    expect((await create({ cookie, fetchSite: "same-site" })).status).toBe(403);
    expect(await db().apiToken.count({ where: { teamId: owner.teamId } })).toBe(0);
  });

  it("validates name and scopes", async () => {
    const cookie = await sessionCookieOf(await createTestAccount());
    expect((await create({ cookie }, { name: "", scopes: ["upload"] })).status).toBe(400);
    expect((await create({ cookie }, { name: "x", scopes: ["admin"] })).status).toBe(400);
    expect((await create({ cookie }, { name: "x", scopes: [] })).status).toBe(400);
  });
});
