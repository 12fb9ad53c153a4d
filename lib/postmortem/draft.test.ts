import { describe, expect, it } from "vitest";
import { buildPostmortemDraft, evidencePath } from "./draft";
import { checkPostmortemQuality } from "./quality";

const facts = {
  header: {
    incidentId: "inc1",
    title: "checksum mismatch: github.com/acme/greet@v1.0.0 in ledger-cli",
    status: "open",
    severity: "sev3",
    owner: null,
    firstSeenAt: "2026-11-20T22:44:41.000Z",
    lastSeenAt: "2026-11-20T23:05:25.000Z",
    occurrenceCount: 2,
    rootCauseClass: "checksum_mismatch",
    repos: ["acme/ledger-cli"],
  },
  rootCause: {
    class: "checksum_mismatch",
    message: "verifying github.com/acme/greet@v1.0.0: checksum mismatch",
    uploadId: "up1",
    file: "build (1).log",
    line: 2,
    endLine: 11,
    fields: { module: "github.com/acme/greet", version: "v1.0.0" },
  },
  uploads: [
    { repo: "acme/ledger-cli", branch: "main", runUrl: "https://ci.example.com/run/1", createdAt: "2026-11-20T22:50:00.000Z" },
    { repo: "acme/ledger-cli", branch: "release", runUrl: null, createdAt: "2026-11-20T23:06:00.000Z" },
  ],
  timeline: [{ at: "2026-11-20T22:44:41.000Z", title: "checksum mismatch: verifying github.com/acme/greet@v1.0.0: checksum mismatch" }],
  resolvedAt: null,
};

describe("buildPostmortemDraft", () => {
  const draft = buildPostmortemDraft(facts);

  it("writes summary, impact, root cause with an evidence link, detection and a UTC timeline", () => {
    expect(draft.summary).toBe(
      "2 builds of acme/ledger-cli failed with checksum mismatch on github.com/acme/greet@v1.0.0 between 2026-11-20 22:44:41 UTC and 2026-11-20 23:05:25 UTC.",
    );
    expect(draft.impact).toContain("on 2 branches (main and release)");
    expect(draft.rootCause).toContain("Checksum mismatch: verifying github.com/acme/greet@v1.0.0: checksum mismatch");
    expect(draft.rootCause).toContain("Evidence: [build (1).log lines 2–11](/uploads/up1/log?file=build%20%281%29.log#L2-L11)");
    expect(draft.detection).toBe("Faultline found the failure in an uploaded build log at 2026-11-20 22:50:00 UTC ([CI run](https://ci.example.com/run/1)).");
    expect(draft.timeline).toEqual([{ at: "2026-11-20 22:44:41 UTC", text: facts.timeline[0].title }]);
    expect(draft.trigger).toBe("");
  });

  it("passes the evidence, timeline and wording checks as drafted", () => {
    const checks = checkPostmortemQuality({ content: draft, actionItems: [] });
    expect(checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(["action-items"]);
  });

  it("links single lines without a range", () => {
    expect(evidencePath({ uploadId: "u", file: null, line: 7, endLine: 7 })).toBe("/uploads/u/log#L7");
  });
});
