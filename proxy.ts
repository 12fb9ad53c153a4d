// Runs before every page. On the app's private pages a browser without a session cookie is sent to
// sign in (and back afterwards) before any page renders, and pages learn their own path for that
// "back"; every page gets its Content-Security-Policy with a per-request script nonce. This is
// only the fast path: every page and route still checks the session itself (lib/http/authenticate).
// API routes are left out on purpose: they answer 401 themselves, and a proxy would buffer bodies.
import { NextResponse, type NextRequest } from "next/server";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./lib/auth/session-cookie";
import { nextWithContentSecurityPolicy } from "./lib/http/csp";

// Private pages: sign-in, setup, invitation and share pages stay reachable without a session.
const PRIVATE_PAGE = /^\/(?:$|upload\/?$|(?:incidents|uploads|runbooks|settings)(?:\/|$))/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const path = `${pathname}${search}`;
  if (PRIVATE_PAGE.test(pathname) && !request.cookies.has(SESSION_COOKIE) && !request.cookies.has(SECURE_SESSION_COOKIE)) {
    // Back to the host the browser used (cookies are per host), which request.url may not name.
    const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || request.nextUrl.host;
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
    const login = new URL(path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`, `${proto}://${host}`);
    return NextResponse.redirect(login, 307);
  }
  const headers = new Headers(request.headers);
  headers.set("x-faultline-path", path);
  // Every page gets a Content-Security-Policy with a fresh script nonce (lib/http/csp.ts).
  return nextWithContentSecurityPolicy(headers);
}

export const config = {
  // Every page (for its Content-Security-Policy); the session check above applies to PRIVATE_PAGE only.
  // Not API routes, not static files.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico).*)"],
};
