// What a team may store as an edited runbook.
import { describe, expect, it } from "vitest";
import { builtinRunbook } from "./index";
import { parseStoredRunbook, validateRunbookContent } from "./schema";
import { teamRunbook } from "./team";

const valid = {
  title: "  Go checksum mismatch (our way)  ",
  summary: "Our proxy rewrites nothing; a mismatch means a moved tag.",
  diagnose: [{ text: "Ask #go-platform", command: "" }],
  fix: [{ text: "Re-download", command: "go clean -modcache\r\ngo mod download -x {module}@{version}\n" }],
  prevent: [],
};

describe("validating edited runbooks", () => {
  it("accepts and normalises valid content", () => {
    const r = validateRunbookContent(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe("Go checksum mismatch (our way)");
    expect(r.value.diagnose[0]).toEqual({ text: "Ask #go-platform" });
    expect(r.value.fix[0].command).toBe("go clean -modcache\ngo mod download -x {module}@{version}");
  });

  it.each([
    ["an empty title", { ...valid, title: "   " }, /title/],
    ["a multi-line title", { ...valid, title: "a\nb" }, /title/],
    ["no fix step", { ...valid, fix: [] }, /fix/],
    ["a step without text", { ...valid, diagnose: [{ text: "" }] }, /diagnose\.0\.text/],
    ["control characters in a command", { ...valid, fix: [{ text: "x", command: "echo \u001b[31m" }] }, /control/],
    ["unknown keys", { ...valid, html: "<script>" }, /html|Unrecognized/i],
    ["too many steps", { ...valid, prevent: Array.from({ length: 41 }, () => ({ text: "x" })) }, /prevent/],
    ["a bad condition name", { ...valid, fix: [{ text: "x", when: ["Module!"] }] }, /fix\.0\.when/],
    ["not an object", "just text", /expected object|invalid/i],
  ])("rejects %s", (_, input, message) => {
    const r = validateRunbookContent(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(message);
  });
});

describe("stored bodies", () => {
  const builtin = builtinRunbook("go-checksum-mismatch")!;

  it("shows the team's edit over the built-in runbook, keeping its identity", () => {
    const v = teamRunbook(builtin, { key: builtin.id, body: JSON.stringify(valid), updatedAt: new Date("2026-01-02T03:04:05Z") });
    expect(v).toMatchObject({ id: "go-checksum-mismatch", key: "go-checksum-mismatch", ecosystem: "go", edited: true, title: "Go checksum mismatch (our way)", updatedAt: "2026-01-02T03:04:05.000Z" });
    expect(v.classes).toEqual(builtin.classes);
  });

  it("falls back to the built-in runbook when the stored body is broken", () => {
    expect(parseStoredRunbook("{not json")).toBeNull();
    expect(parseStoredRunbook(JSON.stringify({ title: "" }))).toBeNull();
    const v = teamRunbook(builtin, { key: builtin.id, body: "{not json", updatedAt: new Date() });
    expect(v.edited).toBe(false);
    expect(v.title).toBe(builtin.title);
  });
});
