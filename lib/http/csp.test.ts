// The page Content-Security-Policy: nonce-based scripts, nothing inline without the nonce.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, nextWithContentSecurityPolicy } from "./csp";

describe("Content-Security-Policy", () => {
  it("allows scripts by nonce only, and no plugins, base or framing", () => {
    const policy = contentSecurityPolicy("abc", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) expect(policy).toContain(d);
    expect(contentSecurityPolicy("abc", true)).toContain("'unsafe-eval'");
  });

  it("a fresh 128-bit nonce per request, on the forwarded request and the response", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
    const headers = new Headers();
    const res = nextWithContentSecurityPolicy(headers);
    const nonce = headers.get("x-nonce")!;
    expect(headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get("content-security-policy")).toBe(headers.get("content-security-policy"));
  });
});
