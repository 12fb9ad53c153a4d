import { describe, expect, it } from "vitest";
import type { PostmortemDocument } from "./content";
import { postmortemFileName, renderPostmortemMarkdown } from "./markdown";

const doc: PostmortemDocument = {
  header: {
    incidentId: "inc1",
    title: "checksum mismatch: github.com/acme/greet@v1.0.0",
    status: "open",
    severity: "sev2",
    owner: null,
    firstSeenAt: "2026-11-20T22:44:41.000Z",
    lastSeenAt: "2026-11-20T23:05:25.000Z",
    occurrenceCount: 8,
    rootCauseClass: "checksum_mismatch",
    repos: ["acme/ledger-cli"],
  },
  content: {
    version: 1,
    summary: "Builds failed.",
    impact: "",
    rootCause: "Moved tag.\n\nEvidence: [build.log line 2](/uploads/u1/log#L2-L3)",
    trigger: "",
    detection: "",
    resolution: "",
    lessons: { wentWell: "The runbook was right.", wentWrong: "", gotLucky: "" },
    timeline: [
      { at: "2026-11-20T22:44:41Z", text: "First | failing build" },
      { at: "around noon", text: "Noticed" },
    ],
  },
  actionItems: [
    { id: "a1", title: "Protect release tags", owner: "platform", type: "prevent", status: "in_progress", trackerUrl: "https://tracker.example.com/T-(1)" },
    { id: "a2", title: "Clear module cache", owner: null, type: null, status: "open", trackerUrl: null },
  ],
  updatedAt: null,
};

describe("renderPostmortemMarkdown", () => {
  const md = renderPostmortemMarkdown(doc, { baseUrl: "https://faultline.example.com/" });

  it("has every SRE section in order", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "# Postmortem: checksum mismatch: github.com/acme/greet@v1.0.0",
      "## Summary",
      "## Impact",
      "## Root cause",
      "## Trigger",
      "## Detection",
      "## Resolution",
      "## Action items",
      "## Lessons learned",
      "### What went well",
      "### What went wrong",
      "### Where we got lucky",
      "## Timeline (UTC)",
    ]);
  });

  it("makes evidence links absolute and marks empty sections", () => {
    expect(md).toContain("Evidence: [build.log line 2](https://faultline.example.com/uploads/u1/log#L2-L3)");
    expect(md).toContain("## Impact\n\n_Not written yet._");
    expect(md).toContain("| Severity | SEV2 |");
  });

  it("renders action items and the timeline as tables with safe cells", () => {
    expect(md).toContain("| Protect release tags | Prevent | platform | In progress | [https://tracker.example.com/T-(1)](https://tracker.example.com/T-%281%29) |");
    expect(md).toContain("| Clear module cache | — | — | Open | — |");
    expect(md).toContain("| 2026-11-20 22:44:41 UTC | First \\| failing build |");
    expect(md).toContain("| around noon | Noticed |");
  });

  it("names the file after the incident", () => {
    expect(postmortemFileName(doc.header.title)).toBe("postmortem-checksum-mismatch-github-com-acme-greet-v1-0-0.md");
    expect(postmortemFileName("!!!")).toBe("postmortem-incident.md");
  });
});
