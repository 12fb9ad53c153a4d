import { describe, expect, it } from "vitest";
import { citesLogLines, isSafeHref, splitLinks } from "./evidence";

describe("links in postmortem text", () => {
  it("splits [label](href) links out of text", () => {
    expect(splitLinks("Evidence: [build.log line 2](/uploads/u1/log#L2) and more")).toEqual([
      { kind: "text", text: "Evidence: " },
      { kind: "link", label: "build.log line 2", href: "/uploads/u1/log#L2" },
      { kind: "text", text: " and more" },
    ]);
  });

  it("keeps unsafe links as text", () => {
    expect(splitLinks("[x](javascript:alert(1))")).toEqual([{ kind: "text", text: "[x](javascript:alert(1))" }]);
    expect(isSafeHref("//evil.example.com")).toBe(false);
    expect(isSafeHref("data:text/html,hi")).toBe(false);
    expect(isSafeHref("https://tracker.example.com/T-1")).toBe(true);
  });

  it("recognises links to log lines", () => {
    expect(citesLogLines("[l](/uploads/cmabc/log?file=build%2Fa.txt#L12-L14)")).toBe(true);
    expect(citesLogLines("see /uploads/cmabc/log")).toBe(false);
    expect(citesLogLines("line 12")).toBe(false);
  });
});
