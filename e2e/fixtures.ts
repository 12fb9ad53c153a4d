// The one place e2e specs get `test` and `expect` from, so that cross-cutting setup applies to every
// spec. Specs import from "./fixtures", never from "@playwright/test".
//
// Every test runs signed in, without asking for it:
// - `page` / `context`: the browser carries the session cookie of the e2e owner account (made once per
//   worker with `faultline user create` against DATABASE_URL, signed in through POST /api/v1/auth/login);
// - `request`: API calls carry `Authorization: Bearer <token>`, a token created for this worker (
//   upload, read and write scopes) and revoked when the worker ends.
// A spec that wants to be signed out uses `test.use({ storageState: SIGNED_OUT })`, or a fresh context.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface E2eAccount {
  email: string;
  password: string;
  /** Team slug. */
  team: string;
}

/** The account every spec runs as: owner of the `e2e` team, the same on every run of the test database. */
export const E2E_OWNER: E2eAccount = { email: "e2e-owner@faultline.test", password: "e2e owner password, not secret", team: "e2e" };

export const SIGNED_OUT = { cookies: [], origins: [] };

/**
 * Creates an account with `faultline user create` (the headless path self-hosters use), in `team`
 * (slug; created when missing, its first member owning it). Returns the credentials.
 */
export function createAccount(opts: Partial<E2eAccount> & { role?: "owner" | "member" | "viewer"; existsOk?: boolean } = {}): E2eAccount {
  const suffix = randomBytes(5).toString("hex");
  const account = {
    email: opts.email ?? `e2e-${suffix}@faultline.test`,
    password: opts.password ?? `pw ${suffix} ${randomBytes(6).toString("hex")}`,
    team: opts.team ?? `e2e-${suffix}`,
  };
  const args = ["bin/faultline.mjs", "user", "create", "--email", account.email, "--password", account.password, "--team", account.team];
  if (opts.role) args.push("--role", opts.role);
  if (opts.existsOk) args.push("--exists-ok");
  execFileSync(process.execPath, args, { cwd: REPO_ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  return account;
}

/** An API client signed in as `account` with a session cookie (what a browser has after signing in). */
export async function sessionRequest(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, account: E2eAccount) {
  // Browsers send Origin on POSTs; the sign-in route refuses cross-site ones.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  const res = await api.post("/api/v1/auth/login", { data: { email: account.email, password: account.password } });
  if (!res.ok()) throw new Error(`signing in ${account.email} failed: HTTP ${res.status()} ${await res.text()}`);
  return api;
}

/** Signs in through the login page. */
export async function signInThroughPage(page: Page, account: E2eAccount): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

type WorkerFixtures = {
  /** The signed-in owner account of this worker, its browser state and its API token. */
  account: E2eAccount & { token: string; storageState: Awaited<ReturnType<APIRequestContext["storageState"]>> };
};

export const test = base.extend<object, WorkerFixtures>({
  account: [
    async ({ playwright }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      createAccount({ ...E2E_OWNER, role: "owner", existsOk: true });
      const api = await sessionRequest(playwright, baseURL, E2E_OWNER);
      const created = await api.post("/api/v1/tokens", { data: { name: `e2e worker ${workerInfo.workerIndex}`, scopes: ["upload", "read", "write"] } });
      if (created.status() !== 201) throw new Error(`creating the e2e API token failed: HTTP ${created.status()} ${await created.text()}`);
      const { id, token } = (await created.json()) as { id: string; token: string };
      await provide({ ...E2E_OWNER, token, storageState: await api.storageState() });
      await api.delete(`/api/v1/tokens/${id}`);
      await api.dispose();
    },
    { scope: "worker" },
  ],
  storageState: async ({ account }, provide) => {
    await provide(account.storageState);
  },
  request: async ({ playwright, account, baseURL, extraHTTPHeaders }, provide) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { ...extraHTTPHeaders, authorization: `Bearer ${account.token}` } });
    await provide(api);
    await api.dispose();
  },
});

export { expect };
