import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt per hash", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", a)).toBe(false);
  });

  it("treats Unicode-equivalent spellings alike", async () => {
    const h = await hashPassword("caf\u00e9 au lait!");
    expect(await verifyPassword("cafe\u0301 au lait!", h)).toBe(true);
  });

  it("rejects malformed or hostile stored hashes without throwing", async () => {
    for (const stored of ["", "bcrypt$x", "scrypt$1$8$1$c2FsdA$aGFzaA", "scrypt$4294967296$8$1$c2FsdA$aGFzaA", "scrypt$16384$8$99$c2FsdA$aGFzaA"]) {
      expect(await verifyPassword("x", stored), stored).toBe(false);
    }
  });
});
