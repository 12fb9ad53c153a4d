import { describe, expect, it } from "vitest";
import { collectLineWindow } from "./line-window";

async function* pieces(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

describe("collectLineWindow", () => {
  it("returns the asked window across piece boundaries", async () => {
    const r = await collectLineWindow(pieces("a\nb", "b\nc\n", "d\ne"), { firstLineNo: 1, from: 2, count: 3 });
    expect(r.lines).toEqual([{ no: 2, text: "bb" }, { no: 3, text: "c" }, { no: 4, text: "d" }]);
    expect(r.hasMore).toBe(true);
  });

  it("includes a last line without a newline and reports the end", async () => {
    const r = await collectLineWindow(pieces("a\nlast"), { firstLineNo: 1, from: 2, count: 10 });
    expect(r.lines).toEqual([{ no: 2, text: "last" }]);
    expect(r.hasMore).toBe(false);
  });

  it("numbers from the given first line (reading from the middle of a file)", async () => {
    const r = await collectLineWindow(pieces("x\ny\n"), { firstLineNo: 41, from: 42, count: 1 });
    expect(r.lines).toEqual([{ no: 42, text: "y" }]);
  });

  it("shows progress redraws as a terminal would and strips CRLF", async () => {
    const r = await collectLineWindow(pieces("10%\r50%\r100%\r\nok\r\n"), { firstLineNo: 1, from: 1, count: 2 });
    expect(r.lines.map((l) => l.text)).toEqual(["100%", "ok"]);
  });

  it("truncates huge lines and keeps counting after them", async () => {
    const huge = "z".repeat(50_000);
    const r = await collectLineWindow(pieces(huge.slice(0, 20_000), huge.slice(20_000) + "\nnext\n"), { firstLineNo: 1, from: 1, count: 2 });
    expect(r.lines[0].truncated).toBe(true);
    expect(r.lines[0].text.length).toBe(8_000);
    expect(r.lines[1]).toEqual({ no: 2, text: "next" });
  });

  it("decodes invalid UTF-8 with replacement characters instead of failing", async () => {
    async function* bad() {
      yield Uint8Array.from([0x61, 0xff, 0x62, 0x0a]);
    }
    const r = await collectLineWindow(bad(), { firstLineNo: 1, from: 1, count: 1 });
    expect(r.lines[0].text).toBe("a\uFFFDb");
  });
});
