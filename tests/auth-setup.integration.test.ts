// A fresh install: no user yet, so the first visitor creates the admin (owner of the first team);
// afterwards setup is gone. Runs on a scratch database (the shared test database already has users),
// as does the headless path: `faultline user create` / `token create` against DATABASE_URL.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFromApiToken } from "../lib/auth/resolve-caller";
import { disconnectDb, db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { setDatabaseUrl } from "../lib/env";
import { needsSetup } from "../lib/services/needs-setup";
import { setUpFirstAdmin } from "../lib/services/set-up-first-admin";
import { signIn } from "../lib/services/sign-in";
import { scratchDatabase } from "./support/catalog";
import { connectTestDatabase } from "./support/db";

const baseUrl = connectTestDatabase();
let scratch: { url: string; drop: () => Promise<void> };

async function useDatabase(url: string) {
  await disconnectDb();
  setDatabaseUrl(url);
}

beforeAll(async () => {
  scratch = await scratchDatabase(baseUrl, "fl_setup");
  await migrate(scratch.url);
  await useDatabase(scratch.url);
});

afterAll(async () => {
  await useDatabase(baseUrl);
  await scratch.drop();
});

const admin = { email: "admin@example.test", password: "a long admin password", teamName: "Platform" };

describe("first-run setup", () => {
  it("creates the admin once, adopting data from before accounts existed; then setup is gone", async () => {
    expect(await needsSetup()).toBe(true);
    // Uploads stored before accounts existed live in the old default team.
    const legacy = await db().team.create({ data: { slug: "default", name: "Default team" } });
    // Two visitors submitting at once: exactly one becomes the admin.
    const results = await Promise.allSettled([setUpFirstAdmin(admin), setUpFirstAdmin({ ...admin, email: "other@example.test" })]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.message).toMatch(/not found/);
    const { teamId } = (won[0] as PromiseFulfilledResult<{ teamId: string }>).value;
    expect(teamId).toBe(legacy.id);
    expect((await db().team.findUniqueOrThrow({ where: { id: teamId } })).name).toBe("Platform");
    expect(await needsSetup()).toBe(false);
    const user = await db().user.findFirstOrThrow({ include: { memberships: true } });
    expect(user.isAdmin).toBe(true);
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.memberships).toMatchObject([{ teamId, role: "owner" }]);
    await expect(setUpFirstAdmin({ ...admin, email: "late@example.test" })).rejects.toThrow(/not found/);
  });

  it("validates what the admin typed", async () => {
    await expect(setUpFirstAdmin({ ...admin, email: "not an email" })).rejects.toThrow(/valid email/);
    await expect(setUpFirstAdmin({ ...admin, password: "short" })).rejects.toThrow(/at least 10/);
  });
});

describe("headless administration (CLI)", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["bin/faultline.mjs", ...args], { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", timeout: 60_000 });

  it("user create and token create work against DATABASE_URL; the token authenticates", async () => {
    const made = cli("user", "create", "--email", "ci-bot@example.test", "--password", "another long password", "--team", "Release Eng");
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/created user ci-bot@example\.test: owner of team release-eng \(new team\)/);
    await expect(signIn({ credentials: { email: "ci-bot@example.test", password: "another long password" }, clientAddress: "t" })).resolves.toBeTruthy();

    const token = cli("token", "create", "--email", "ci-bot@example.test", "--name", "github", "--scopes", "upload");
    expect(token.status).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toMatch(/shown only now/);
    const caller = await callerFromApiToken(secret);
    const team = await db().team.findUniqueOrThrow({ where: { slug: "release-eng" } });
    expect(caller).toMatchObject({ teamId: team.id, scopes: ["upload"], via: "token" });

    expect(cli("user", "create", "--email", "ci-bot@example.test", "--password", "another long password").status).toBe(1);
    expect(cli("user", "create", "--email", "ci-bot@example.test", "--exists-ok").status).toBe(0);
    expect(cli("token", "create", "--email", "nobody@example.test").status).toBe(1);
    expect(cli("user", "create", "--password", "x").status).toBe(2);
  });

  it("without a password option, a random one is generated and printed once", async () => {
    const made = cli("user", "create", "--email", "robot@example.test", "--team", "release-eng");
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/member of team release-eng/);
    const password = /password \(shown only now\): (\S+)/.exec(made.stdout)![1];
    await expect(signIn({ credentials: { email: "robot@example.test", password }, clientAddress: "t" })).resolves.toBeTruthy();
  });

  it("refuses to run without DATABASE_URL", () => {
    const r = spawnSync(process.execPath, ["bin/faultline.mjs", "token", "create", "--email", "x@example.test"], { env: { ...process.env, DATABASE_URL: "" }, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL is not set/);
  });
});
