import { describe, expect, it } from "vitest";
import { generateShareToken, hashShareToken, looksLikeShareToken } from "./share-token";

describe("share tokens", () => {
  it("are 256 random bits in base64url, stored as a sha256", () => {
    const a = generateShareToken();
    const b = generateShareToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(looksLikeShareToken(a)).toBe(true);
    expect(looksLikeShareToken("abc")).toBe(false);
    expect(hashShareToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShareToken(a)).not.toContain(a);
  });
});
