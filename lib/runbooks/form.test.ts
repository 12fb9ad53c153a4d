import { describe, expect, it } from "vitest";
import { runbookFromForm } from "./form";
import { validateRunbookContent } from "./schema";

describe("decoding the edit form", () => {
  it("orders steps by index, drops empty ones and splits conditions", () => {
    const form = new FormData();
    form.set("title", "T");
    form.set("summary", "S");
    form.set("fix.10.text", "second");
    form.set("fix.10.command", "go mod tidy");
    form.set("fix.2.text", "first");
    form.set("fix.2.command", "  ");
    form.set("fix.2.when", "module, version");
    form.set("diagnose.0.text", "");
    form.set("diagnose.0.command", "");
    form.set("prevent.0.text", "p");
    form.set("evil.0.text", "ignored");
    const content = runbookFromForm(form);
    expect(content).toEqual({
      title: "T",
      summary: "S",
      diagnose: [],
      fix: [{ text: "first", when: ["module", "version"] }, { text: "second", command: "go mod tidy" }],
      prevent: [{ text: "p" }],
    });
    expect(validateRunbookContent(content).ok).toBe(true);
  });

  it("keeps a step with a command but no text so validation can report it", () => {
    const form = new FormData();
    form.set("fix.0.command", "echo hi");
    const r = validateRunbookContent(runbookFromForm(form));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(" ")).toMatch(/fix\.0\.text/);
  });
});
