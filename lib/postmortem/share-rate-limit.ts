// Rate limit of the public share-link endpoints (/share/[token] and GET /api/v1/share/[token]), per
// client address: 30 requests at once, then 1 a second. In process memory (lib/http/rate-limit.ts):
// each server process counts on its own and a restart forgets, which is enough to keep one client
// from hammering share links. Tokens are 256-bit random, so this is about load, not guessing.
import { clientAddress } from "../auth/client-address";
import { TokenBucketLimiter, type RateLimit, type TakeResult } from "../http/rate-limit";

export const SHARE_RATE_LIMIT: RateLimit = { capacity: 30, refillPerSecond: 1 };

const globalForLimiter = globalThis as unknown as { faultlineShareLimiter?: TokenBucketLimiter };

export function takeShareRequest(headers: { get(name: string): string | null }): TakeResult {
  globalForLimiter.faultlineShareLimiter ??= new TokenBucketLimiter(SHARE_RATE_LIMIT);
  return globalForLimiter.faultlineShareLimiter.take(`share:${clientAddress(headers)}`);
}
