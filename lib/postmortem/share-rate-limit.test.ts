import { describe, expect, it } from "vitest";
import { SHARE_RATE_LIMIT, takeShareRequest } from "./share-rate-limit";

const from = (ip: string) => ({ get: (k: string) => (k === "x-forwarded-for" ? ip : null) });

describe("share link rate limit", () => {
  it("allows a burst per client address, then refuses with a retry time", () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < SHARE_RATE_LIMIT.capacity; i++) expect(takeShareRequest(from(ip)).ok).toBe(true);
    const refused = takeShareRequest(from(ip));
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(takeShareRequest(from("198.51.100.1")).ok).toBe(true);
  });
});
