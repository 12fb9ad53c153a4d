import { describe, expect, it } from "vitest";
import { ansiToSegments } from "./ansi";

describe("ansiToSegments", () => {
  it("styles SGR colours and resets", () => {
    expect(ansiToSegments("\x1b[31merror\x1b[0m: \x1b[1;92mok\x1b[22m!")).toEqual([
      { text: "error", fg: 1 },
      { text: ": " },
      { text: "ok", bold: true, fg: 10 },
      { text: "!", bold: false, fg: 10 },
    ]);
  });

  it("drops OSC 8 hyperlinks and cursor movement, keeping the visible text only", () => {
    const line = "\x1b]8;;javascript:alert(1)\x07click\x1b]8;;\x07 \x1b[2K\x1b[1Gdone";
    expect(ansiToSegments(line).map((s) => s.text).join("")).toBe("click done");
  });

  it("leaves markup as plain text (rendered by React as text, never HTML)", () => {
    expect(ansiToSegments("<script>alert(1)</script>")).toEqual([{ text: "<script>alert(1)</script>" }]);
  });

  it("removes stray control characters", () => {
    expect(ansiToSegments("a\x07b\x00c")).toEqual([{ text: "abc" }]);
  });
});
