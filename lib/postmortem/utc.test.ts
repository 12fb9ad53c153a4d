import { describe, expect, it } from "vitest";
import { formatUtc, parseUtc } from "./utc";

describe("UTC times", () => {
  it("accepts UTC spellings and rejects local or ambiguous times", () => {
    expect(parseUtc("2026-11-20 14:03 UTC")?.toISOString()).toBe("2026-11-20T14:03:00.000Z");
    expect(parseUtc("2026-11-20 14:03:05 utc")?.toISOString()).toBe("2026-11-20T14:03:05.000Z");
    expect(parseUtc("2026-11-20T14:03:05.123Z")?.toISOString()).toBe("2026-11-20T14:03:05.000Z");
    expect(parseUtc("2026-11-20T14:03:05+00:00")).not.toBeNull();
    for (const bad of ["2026-11-20 14:03", "2026-11-20T14:03:05+02:00", "14:03 UTC", "yesterday", "", "2026-02-30 10:00 UTC"]) expect(parseUtc(bad), bad).toBeNull();
  });

  it("formats instants the way the timeline shows them", () => {
    expect(formatUtc("2026-11-20T22:44:41.512Z")).toBe("2026-11-20 22:44:41 UTC");
    expect(formatUtc(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02 03:04:05 UTC");
  });
});
