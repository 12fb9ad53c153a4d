// Regression check against the labelled development corpus (skipped when it is not checked out next to
// the repository): every labelled event found with its fields, nothing extra, the right root cause.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../analyze";
import type { AnalysisEvent } from "../types";

const CORPUS = join(__dirname, "../../../../shared/corpus");
const MAX_SPAN = 12;

interface Label {
  kind: string;
  events: { class: string; line: number; file?: string; fields?: Record<string, unknown>; repeat_of?: unknown }[];
  root_cause_line?: number;
  root_cause_file?: string;
  benign?: number[];
}

const files = existsSync(CORPUS)
  ? readdirSync(CORPUS).filter((f) => f.endsWith(".expected.json")).map((f) => f.slice(0, -".expected.json".length))
  : [];
const labelled = files
  .map((f) => ({ file: f, label: JSON.parse(readFileSync(join(CORPUS, `${f}.expected.json`), "utf8")) as Label }))
  .filter(({ label }) => label.kind === "build-log" || label.kind === "archive");

const covers = (e: AnalysisEvent, line: number) => line >= e.line && line <= Math.min(e.endLine, e.line + MAX_SPAN);
const sameFile = (a?: string, b?: string) => !a || !b || a === b;
const norm = (v: unknown) => String(v ?? "").trim().replace(/\/+$/, "").toLowerCase();

describe.skipIf(labelled.length === 0)("development corpus", () => {
  it.each(labelled)("$file", async ({ file, label }) => {
    const r = await analyzeFile(join(CORPUS, file));
    const used = new Set<number>();
    for (const want of label.events.filter((e) => e.repeat_of === undefined)) {
      const i = r.events.findIndex((e, k) => !used.has(k) && e.class === want.class && sameFile(e.file, want.file) && covers(e, want.line));
      expect(i, `${want.class}@${want.file ?? ""}:${want.line}`).toBeGreaterThanOrEqual(0);
      used.add(i);
      for (const [k, v] of Object.entries(want.fields ?? {})) if (k !== "file") expect(norm(r.events[i].fields[k]), `${want.line} ${k}`).toBe(norm(v));
    }
    const repeats = label.events.filter((e) => e.repeat_of !== undefined);
    const extra = r.events.filter((e, k) => !used.has(k) && !repeats.some((rep) => rep.class === e.class && covers(e, rep.line) && sameFile(e.file, rep.file)));
    expect(extra.map((e) => `${e.class}@${e.line} ${e.ruleId}`)).toEqual([]);
    if (label.root_cause_line !== undefined) {
      expect(r.rootCause && covers(r.events[r.rootCause.eventIndex], label.root_cause_line) && sameFile(r.rootCause.file, label.root_cause_file)).toBe(true);
    }
    for (const b of label.benign ?? []) expect(r.events.some((e) => e.line === b)).toBe(false);
  });
});
