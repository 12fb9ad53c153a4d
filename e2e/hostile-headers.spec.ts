// Security headers: every page has a nonce-based Content-Security-Policy (no inline script without
// the nonce) and the usual hardening headers, and the app still works under it: pages hydrate, the
// log viewer loads its lines, and the browser reports no CSP violation on any of the main pages.
import type { Page, Response } from "@playwright/test";
import { SIGNED_OUT, expect, test } from "./fixtures";

const CSP_SCRIPT = /(?:^|;)\s*script-src 'self' 'nonce-([A-Za-z0-9+/=]{22,})' 'strict-dynamic'(?: 'unsafe-eval')?\s*(?:;|$)/;

function expectPageHeaders(res: Response | null): string {
  expect(res, "a response").not.toBeNull();
  const h = res!.headers();
  const csp = h["content-security-policy"];
  expect(csp, `CSP on ${res!.url()}`).toBeTruthy();
  const nonce = CSP_SCRIPT.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp).toContain(d);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  return nonce!;
}

/** Collects CSP reports from the console and uncaught page errors. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

/** The client runtime ran: Next.js sets window.next once its scripts execute. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version), undefined, { timeout: 15_000 });
}

async function uploadAndWait(request: import("@playwright/test").APIRequestContext) {
  const log = "go: downloading github.com/acme/greet v1.0.0\nverifying github.com/acme/greet@v1.0.0: checksum mismatch\n\tdownloaded: h1:2Hk0jEqZr6dKbTN9xwqYFjsM6lXDzFIi8rX/9mL+0A4=\n\tgo.sum:     h1:3Hk0jEqZr6dKbTN9xwqYFjsM6lXDzFIi8rX/9mL+0A4=\n";
  const created = await request.post("/api/v1/uploads?name=csp.log", { data: log, headers: { "content-type": "text/plain" } });
  expect(created.status()).toBe(202);
  const { uploadId } = await created.json();
  await expect.poll(async () => (await (await request.get(`/api/v1/uploads/${uploadId}`)).json()).status, { timeout: 60_000 }).toBe("done");
  const { incidentId } = await (await request.get(`/api/v1/uploads/${uploadId}`)).json();
  return { uploadId: uploadId as string, incidentId: incidentId as string };
}

test("every main page has a nonce CSP and hardening headers, and works under them", async ({ page, request }) => {
  const { uploadId, incidentId } = await uploadAndWait(request);
  const problems = watch(page);
  const nonces = new Set<string>();
  const paths = ["/", "/incidents", "/runbooks", `/incidents/${incidentId}`, `/uploads/${uploadId}/log`, "/settings"];
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    nonces.add(expectPageHeaders(res));
    await hydrated(page);
  }
  expect(nonces.size).toBe(paths.length); // a fresh nonce per response
  // The viewer's lines come from a client-side fetch: its scripts ran.
  await page.goto(`/uploads/${uploadId}/log`);
  await expect(page.locator("#L2")).toContainText("checksum mismatch");
  // A client-side navigation (the header link) works too.
  await page.getByRole("link", { name: /runbooks/i }).first().click();
  await expect(page).toHaveURL(/\/runbooks/);
  await hydrated(page);
  expect(problems).toEqual([]);
});

// A page prerendered at build time has no per-request nonce, so under this policy its scripts cannot
// run: every page must render per request (the root layout or the page opting in).
test("the upload page renders per request and works under the policy", async ({ page }) => {
  const problems = watch(page);
  const res = await page.goto("/upload");
  expectPageHeaders(res);
  await hydrated(page);
  expect(problems).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("the sign-in page has the same policy and works", async ({ page }) => {
    const problems = watch(page);
    const res = await page.goto("/login");
    expectPageHeaders(res);
    await hydrated(page);
    await expect(page.getByLabel("Email")).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test("injected markup cannot run: inline handlers and javascript: links are blocked", async ({ page }) => {
  const problems = watch(page);
  await page.goto("/runbooks");
  await hydrated(page);
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML("beforeend", '<img src="data:," onload="window.__injected = 1"><a id="js-link" href="javascript:window.__injected = 2">x</a>');
    document.getElementById("js-link")!.click();
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __injected?: number }).__injected ?? null;
  });
  expect(ran).toBeNull();
  expect(problems.filter((p) => /Content Security Policy/.test(p)).length).toBeGreaterThanOrEqual(2);
});

test("API responses are data: a policy that allows nothing", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});
