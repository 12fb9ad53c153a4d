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

describe("the same output wrapped GitHub-Actions style", () => {
  it.each(cases)("%s", async (name) => {
    const raw = readFileSync(join(DIR, name), "utf8");
    const lines = raw.endsWith("\n") ? raw.slice(0, -1).split("\n") : raw.split("\n");
    const stamp = (i: number) => `2026-11-20T22:02:${String(i % 60).padStart(2, "0")}.${String(i).padStart(7, "0")}Z `;
    const wrapped = [`##[group]Run ${name}`, "##[endgroup]", ...lines, "##[error]Process completed with exit code 1."].map((l, i) => stamp(i) + l).join("\n") + "\n";
    const { analyzeText } = await import("../analyze");
    const plain = await analyzeFile(join(DIR, name));
    const r = await analyzeText(wrapped);
    const shifted = plain.events.map((e) => `${e.class}@${e.line + 2}`);
    expect(r.events.map((e) => `${e.class}@${e.line}`)).toEqual([...shifted, `process_exit@${lines.length + 3}`]);
    expect(r.events.every((e) => e.step === `Run ${name}` && e.timestamp)).toBe(true);
  });
});
