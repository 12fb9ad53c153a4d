// Bearer secrets (session cookies, API tokens, invitation links): 256 random bits, base64url, with a
// readable prefix. Only their sha256 is stored, so a database dump grants no access; sha256 (not a
// slow hash) is right here because the secret itself has full entropy.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "flt_";

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
