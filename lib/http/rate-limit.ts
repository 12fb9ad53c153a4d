// Per-key token buckets in process memory, for endpoints that cost real work per request (uploads,
// share links). A bucket holds `capacity` tokens (the burst) and refills at `refillPerSecond`; each
// request takes one (or `cost`). Memory is bounded: at most `maxKeys` buckets, the least recently
// used dropped first (a dropped bucket comes back full, which only ever errs towards allowing).
//
// In memory means per server process: with N processes behind a balancer a client gets up to N times
// the rate. That is the intent for these limits — they stop a runaway CI loop or a script hammering
// one instance — while limits that must hold across processes and restarts (failed sign-ins) live in
// Postgres (lib/auth/login-rate-limit.ts).
//
// Limits in use (per team, or per client address where no team is known yet):
//   uploads   FAULTLINE_UPLOAD_BURST (default 200), then FAULTLINE_UPLOAD_PER_SECOND (default 2) per team
import { RateLimitedError } from "../services/account-errors";
import { env } from "../env";

export interface RateLimit {
  /** Requests allowed at once (the bucket's size). */
  capacity: number;
  /** Tokens added back per second, up to `capacity`. */
  refillPerSecond: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: RateLimit,
    private readonly opts: { maxKeys?: number; now?: () => number } = {},
  ) {
    if (!(limit.capacity >= 1) || !(limit.refillPerSecond > 0)) throw new Error("a rate limit needs capacity >= 1 and refillPerSecond > 0");
  }

  /** Takes `cost` tokens from `key`'s bucket if it has them. */
  take(key: string, cost = 1): TakeResult {
    const now = this.opts.now?.() ?? Date.now();
    const { capacity, refillPerSecond } = this.limit;
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    // Map order is insertion order: re-inserting marks the bucket most recently used.
    if (found) this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evict();
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerSecond)) };
  }

  /** Buckets currently held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    const max = this.opts.maxKeys ?? 10_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

/** Takes a token or throws RateLimitedError (429 with Retry-After, mapped by lib/http/api-route). */
export function enforceRateLimit(limiter: TokenBucketLimiter, key: string, what: string, cost = 1): void {
  const r = limiter.take(key, cost);
  if (!r.ok) throw new RateLimitedError(`too many ${what}; try again in ${r.retryAfterSeconds} second(s)`, r.retryAfterSeconds);
}

let uploads: TokenBucketLimiter | undefined;

/** For POST /api/v1/uploads: per team, so one team's CI cannot crowd out the others. */
export function enforceUploadRateLimit(caller: { teamId: string }): void {
  uploads ??= new TokenBucketLimiter({ capacity: env().FAULTLINE_UPLOAD_BURST, refillPerSecond: env().FAULTLINE_UPLOAD_PER_SECOND });
  enforceRateLimit(uploads, `team:${caller.teamId}`, "uploads");
}
