// Accounts and access in the browser: signing in (and back to the page asked for), API tokens shown
// once and revoked, invitations, viewers, and signing out everywhere.
import { randomBytes } from "node:crypto";
import { createAccount, expect, SIGNED_OUT, signInThroughPage, test, type E2eAccount } from "./fixtures";
import { screenshotBoth } from "./support";
import type { Browser } from "@playwright/test";

async function signedInPage(browser: Browser, account: E2eAccount) {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/login");
  await signInThroughPage(page, account);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("a private page sends you to sign in, then back to it; the cookie is httpOnly", async ({ page }) => {
    const account = createAccount();
    await page.goto("/runbooks");
    await expect(page).toHaveURL(/\/login\?next=%2Frunbooks$/);
    await expect(page.getByRole("heading", { name: "Sign in to Faultline" })).toBeVisible();
    await screenshotBoth(page, "login");

    await signInThroughPage(page, { ...account, password: "not the password" });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(account.email);
    await screenshotBoth(page, "login-error");

    await signInThroughPage(page, account);
    await expect(page).toHaveURL(/\/runbooks$/);
    await expect(page.getByRole("heading", { level: 1, name: "Runbooks" })).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === "faultline_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("faultline_session");
  });

  test("the upload page needs a session too, and /setup is gone once a user exists", async ({ page }) => {
    await page.goto("/upload");
    await expect(page).toHaveURL(/\/login\?next=%2Fupload$/);
    const setup = await page.goto("/setup");
    expect(setup?.status()).toBe(404);
  });

  test("the API answers 401 problem+json without credentials", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const res = await anonymous.get("/api/v1/incidents");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
    await anonymous.dispose();
  });
});

test("an owner creates an API token, sees it once, uses it, and revokes it", async ({ page, playwright, baseURL }) => {
  const name = `e2e token ${randomBytes(3).toString("hex")}`;
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill(name);
  // Editing incidents is opt-in: a CI token sends logs and reads.
  await expect(page.getByRole("checkbox", { name: /^upload/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^write/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("secret-value").inputValue();
  expect(secret).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("it is not shown again")).toBeVisible();
  await screenshotBoth(page, "settings-tokens");

  const ci = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await ci.get("/api/v1/incidents")).status()).toBe(200);
  expect((await ci.patch("/api/v1/incidents/any", { data: { owner: "ci" } })).status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("secret-value")).toHaveCount(0);
  const row = page.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 10));
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
  expect((await ci.get("/api/v1/incidents")).status()).toBe(401);
  await ci.dispose();
});

test("an owner invites a viewer by link; the viewer reads but cannot upload; the link works once", async ({ browser, baseURL }) => {
  const owner = createAccount();
  const ownerPage = await signedInPage(browser, owner);
  await ownerPage.goto("/settings/members");
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("viewer");
  await ownerPage.getByRole("button", { name: "Create invitation link" }).click();
  const link = await ownerPage.getByTestId("secret-value").inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{43}$`));
  await screenshotBoth(ownerPage, "settings-members");

  const guestContext = await browser.newContext({ storageState: SIGNED_OUT });
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: `Join ${owner.team}` })).toBeVisible();
  await expect(guest.getByText("as a viewer")).toBeVisible();
  await screenshotBoth(guest, "invite");
  const viewerEmail = `viewer-${randomBytes(4).toString("hex")}@faultline.test`;
  await guest.getByLabel("Your name (optional)").fill("Val Viewer");
  await guest.getByLabel("Email", { exact: true }).fill(viewerEmail);
  await guest.getByLabel("Password", { exact: true }).fill("a viewer's long password");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByRole("heading", { name: "Overview" })).toBeVisible();

  await guest.goto("/settings/members");
  await expect(guest.getByTestId("member-row")).toHaveCount(2);
  await expect(guest.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  const upload = await guest.request.post("/api/v1/uploads?name=x.log", { data: "hello\n", headers: { "content-type": "text/plain", origin: baseURL! } });
  expect(upload.status()).toBe(403);

  const late = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  const again = await late.goto(link);
  expect(again?.status()).toBe(404);
  await expect(late.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();

  await ownerPage.reload();
  await expect(ownerPage.getByTestId("member-row").filter({ hasText: viewerEmail })).toContainText("viewer");
});

test("sign out everywhere ends the sessions in other browsers too", async ({ browser }) => {
  const account = createAccount();
  const here = await signedInPage(browser, account);
  const elsewhere = await signedInPage(browser, account);
  await here.goto("/settings");
  await expect(here.getByTestId("account-email")).toHaveText(account.email);
  await screenshotBoth(here, "settings-account");
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/login$/);
  await elsewhere.goto("/runbooks");
  await expect(elsewhere).toHaveURL(/\/login\?next=%2Frunbooks$/);
  await expect(elsewhere.getByRole("heading", { name: "Sign in to Faultline" })).toBeVisible();
});
