import { describe, expect, it } from "vitest";
import type { TPostmortemContent } from "./content";
import { checkPostmortemQuality } from "./quality";

const good: TPostmortemContent = {
  version: 1,
  summary: "Builds failed with a checksum mismatch.",
  impact: "8 builds failed.",
  rootCause: "The tag moved. Evidence: [build.log line 2](/uploads/u1/log#L2-L3)",
  trigger: "",
  detection: "",
  resolution: "",
  lessons: { wentWell: "", wentWrong: "", gotLucky: "" },
  timeline: [{ at: "2026-11-20 22:44:41 UTC", text: "First failing build" }],
};
const item = { title: "Protect tags", owner: "platform team", type: "prevent" as const };
const byId = (checks: ReturnType<typeof checkPostmortemQuality>) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe("checkPostmortemQuality", () => {
  it("passes a complete, blameless postmortem", () => {
    const checks = checkPostmortemQuality({ content: good, actionItems: [item] });
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks.map((c) => c.id)).toEqual(["action-items", "timeline-utc", "root-cause-evidence", "blameless"]);
  });

  it("wants an owner and a type on every action item, and at least one item", () => {
    expect(byId(checkPostmortemQuality({ content: good, actionItems: [] }))["action-items"].ok).toBe(false);
    const c = byId(checkPostmortemQuality({ content: good, actionItems: [item, { title: "Clear the cache", owner: " ", type: null }] }))["action-items"];
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual(["“Clear the cache” needs an owner and a type."]);
  });

  it("wants a UTC time on every timeline entry", () => {
    const content = { ...good, timeline: [...good.timeline, { at: "2026-11-20 14:03", text: "Rolled back" }, { at: "", text: "Fixed" }, { at: "2026-11-20T14:05:00Z", text: "ok" }] };
    const c = byId(checkPostmortemQuality({ content, actionItems: [item] }))["timeline-utc"];
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual(["Entry 2 (“Rolled back”) has “2026-11-20 14:03”, not a UTC time.", "Entry 3 (“Fixed”) has no time."]);
    expect(byId(checkPostmortemQuality({ content: { ...good, timeline: [] }, actionItems: [item] }))["timeline-utc"].ok).toBe(false);
  });

  it("wants the root cause to link its evidence lines", () => {
    const c = byId(checkPostmortemQuality({ content: { ...good, rootCause: "The tag moved (see line 2 of the log)." }, actionItems: [item] }))["root-cause-evidence"];
    expect(c.ok).toBe(false);
    const abs = { ...good, rootCause: "See https://faultline.example.com/uploads/abc123/log?file=build.log#L12" };
    expect(byId(checkPostmortemQuality({ content: abs, actionItems: [item] }))["root-cause-evidence"].ok).toBe(true);
  });

  it("names the section of a blaming phrase", () => {
    const content = { ...good, lessons: { ...good.lessons, wentWrong: "Alice forgot to pin the version." }, timeline: [{ at: "2026-11-20 10:00 UTC", text: "@bob pushed the tag" }] };
    const c = byId(checkPostmortemQuality({ content, actionItems: [item] })).blameless;
    expect(c.ok).toBe(false);
    expect(c.problems).toHaveLength(2);
    expect(c.problems[0]).toMatch(/^What went wrong: “Alice forgot”/);
    expect(c.problems[1]).toMatch(/^Timeline entry 1: “@bob pushed”/);
  });
});
