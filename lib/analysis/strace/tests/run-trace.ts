// Test support: run the strace analyzer over lines given inline.
import type { AnalyzeOptions, PartialResult } from "../../types";
import { createStraceAnalyzer, detectStrace } from "../index";

/** Analyze `text` (one trace; leading indentation of template literals removed) as the engine would. */
export function analyzeTrace(text: string, opts: AnalyzeOptions = {}): PartialResult {
  const lines = dedent(text);
  const kind = detectStrace(lines.slice(0, 50)) ?? "strace";
  const analyzer = createStraceAnalyzer(kind, opts);
  lines.forEach((line, i) => analyzer.push({ no: i + 1, text: line, bytes: line.length + 1 }));
  return analyzer.finish();
}

export function dedent(text: string): string[] {
  const lines = text.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent));
}

/** `class@line` of every event, for compact assertions. */
export const eventsAt = (r: PartialResult) => r.events.map((e) => `${e.class}@${e.line}`);
