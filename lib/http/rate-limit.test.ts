// Token buckets: bursts up to capacity, refill over time, per key, bounded memory, 429 errors.
import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../services/account-errors";
import { enforceRateLimit, TokenBucketLimiter } from "./rate-limit";

describe("TokenBucketLimiter", () => {
  it("allows a burst of `capacity`, then one request per refill interval", () => {
    let now = 0;
    const l = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5 }, { now: () => now });
    expect([l.take("a"), l.take("a"), l.take("a")].map((r) => r.ok)).toEqual([true, true, true]);
    expect(l.take("a")).toEqual({ ok: false, retryAfterSeconds: 2 });
    now += 1000;
    expect(l.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(l.take("a").ok).toBe(true);
    // Other keys have their own buckets; a long pause refills only up to capacity.
    expect(l.take("b").ok).toBe(true);
    now += 3_600_000;
    expect([1, 2, 3, 4].map(() => l.take("a").ok)).toEqual([true, true, true, false]);
  });

  it("keeps at most maxKeys buckets, dropping the least recently used", () => {
    const l = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001 }, { maxKeys: 2, now: () => 0 });
    l.take("a");
    l.take("b");
    l.take("a");
    l.take("c");
    expect(l.size).toBe(2);
    expect(l.take("a").ok).toBe(false); // still tracked
    expect(l.take("b").ok).toBe(true); // dropped, so it came back full
  });

  it("enforceRateLimit throws a 429 with Retry-After seconds", () => {
    const l = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.1 }, { now: () => 0 });
    enforceRateLimit(l, "k", "uploads");
    const err = (() => {
      try {
        enforceRateLimit(l, "k", "uploads");
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 10, message: "too many uploads; try again in 10 second(s)" });
  });
});
