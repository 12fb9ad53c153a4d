import { describe, expect, it } from "vitest";
import { safeNextPath } from "./form-state";
import { clearedSessionCookies, cookieGetter, readSessionToken, serializeCookie, sessionCookie } from "./session-cookie";

const TOKEN = "A".repeat(43);

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, whole-site, and Secure with the __Host- prefix over https", () => {
    const expires = new Date(Date.now() + 3600_000);
    expect(serializeCookie(sessionCookie(TOKEN, expires, false))).toMatch(new RegExp(`^faultline_session=${TOKEN}; Path=/; Expires=.*; Max-Age=(3599|3600); HttpOnly; SameSite=Lax$`));
    expect(serializeCookie(sessionCookie(TOKEN, expires, true))).toMatch(/^__Host-faultline_session=A+; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/);
  });

  it("clearing removes both names over https", () => {
    expect(clearedSessionCookies(true).map((c) => [c.name, c.options.maxAge, c.options.secure])).toEqual([
      ["__Host-faultline_session", 0, true],
      ["faultline_session", 0, true],
    ]);
  });

  it("reads the token from a Cookie header, ignoring malformed values", () => {
    expect(readSessionToken(cookieGetter(`a=1; faultline_session=${TOKEN}; b=2`))).toBe(TOKEN);
    expect(readSessionToken(cookieGetter(`__Host-faultline_session=${TOKEN}`))).toBe(TOKEN);
    expect(readSessionToken(cookieGetter(`faultline_session=short`))).toBeUndefined();
    expect(readSessionToken(cookieGetter(`faultline_session=${"x".repeat(30)};%00`))).toBe("x".repeat(30));
    expect(readSessionToken(cookieGetter(null))).toBeUndefined();
  });
});

describe("where to go after signing in", () => {
  it("only ever a path on this site", () => {
    expect(safeNextPath("/incidents/abc?x=1")).toBe("/incidents/abc?x=1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", undefined, ["/a"], "/a\r\nb"]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});
