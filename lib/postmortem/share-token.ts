// Share-link tokens: 32 random bytes (256 bits) as base64url, handed out once. Only their sha256 is
// stored (ShareLink.tokenHash), so a database dump does not reveal working links.
import { createHash, randomBytes } from "node:crypto";

export function generateShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Shape check before touching the database: 43 base64url characters. */
export function looksLikeShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
