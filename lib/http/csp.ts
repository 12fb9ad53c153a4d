// Content-Security-Policy for pages: a fresh nonce per request, no inline script without it.
//
// Next.js puts inline scripts into every page (hydration data). It reads the nonce from the
// request's Content-Security-Policy header while rendering and adds it to its own scripts, so the
// proxy sets the policy on the forwarded request and on the response. 'strict-dynamic' lets those
// scripts load the app's chunks; an injected <script> (no nonce) or an inline event handler never
// runs. Pages must render per request for this (they all do: they read the session).
//
// Styles: 'unsafe-inline' stays for style attributes (Recharts, widths of progress bars); styles
// cannot run code. API responses get a static `default-src 'none'` policy in next.config.js.
import { NextResponse } from "next/server";

export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Continues to the page with a nonce-based policy: on the forwarded request (for Next.js to read
 * while rendering, plus `x-nonce` for our own code) and on the response (for the browser).
 */
export function nextWithContentSecurityPolicy(requestHeaders: Headers): NextResponse {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}
