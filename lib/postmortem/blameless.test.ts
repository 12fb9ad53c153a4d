import { describe, expect, it } from "vitest";
import { findBlamingPhrases } from "./blameless";

const phrases = (t: string) => findBlamingPhrases(t).map((h) => h.phrase);

describe("findBlamingPhrases", () => {
  it("flags a person named as the subject of a failure", () => {
    expect(phrases("Alice broke the build by retagging v1.0.0.")).toEqual(["Alice broke"]);
    expect(phrases("On Friday Bob Smith accidentally deleted the tag.")).toEqual(["Bob Smith accidentally deleted"]);
    expect(phrases("Then Carol forgot to update go.sum.")).toEqual(["Carol forgot"]);
    expect(phrases("the release went out after Dave pushed a new tag")).toEqual(["Dave pushed"]);
  });

  it("flags @handles as subjects and possessive blame", () => {
    expect(phrases("@bob force-pushed main.")).toEqual(["@bob force-pushed"]);
    expect(phrases("@ci-admin rotated the token without telling anyone")).toEqual(["@ci-admin rotated"]);
    expect(phrases("@erin deployed at 14:00")).toEqual(["@erin deployed"]);
    expect(phrases("It was Dave's mistake.")).toEqual(["Dave's mistake"]);
    expect(phrases("then he forgot the checksum")).toEqual(["he forgot"]);
  });

  it("leaves system-focused wording alone", () => {
    const fine = [
      "The proxy returned 403 for github.com/acme/greet.",
      "A force push to main replaced the v1.0.0 tag; go.sum no longer matched.",
      "We forgot nothing: the runbook covered it.",
      "Go failed to verify the module. GitHub deleted the cache. CI broke on Friday.",
      "Renovate pushed an update; the build failed.",
      "Owner: @alice (action item)",
      "Tuesday broke records for build minutes.",
      "Mail alice@example.com pushed to the list",
    ];
    for (const t of fine) expect(phrases(t), t).toEqual([]);
  });

  it("reports positions in text order", () => {
    const hints = findBlamingPhrases("Bob pushed. Later Alice deleted it.");
    expect(hints.map((h) => [h.phrase, h.index])).toEqual([
      ["Bob pushed", 0],
      ["Alice deleted", 18],
    ]);
  });
});
