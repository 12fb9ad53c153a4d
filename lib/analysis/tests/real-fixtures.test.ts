// Real output captured from real tool runs on a machine without internet access (git, curl/wget, psql,
// docker CLI, npm 11 against a local stub registry, pip 23 / Python 3.11, cargo, maven, gcc/make, node),
// with the events a careful reader finds in them (fixtures/real/*.expected.json, reviewed by hand).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../analyze";

const DIR = join(__dirname, "fixtures/real");
const cases = readdirSync(DIR).filter((f) => f.endsWith(".log"));

describe("real tool output", () => {
  it.each(cases)("%s", async (name) => {
    const want = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as { events: string[]; root: string | null };
    const r = await analyzeFile(join(DIR, name));
    expect(r.events.map((e) => `${e.class}@${e.line}`)).toEqual(want.events);
    expect(r.rootCause ? `${r.rootCause.class}@${r.rootCause.line}` : null).toBe(want.root);
  });
});
