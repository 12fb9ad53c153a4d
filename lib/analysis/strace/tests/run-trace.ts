// Test support: run the strace analyzer over lines given inline.
import { isAscii } from "node:buffer";
import { expect } from "vitest";
import type { AnalyzeOptions, PartialResult } from "../../types";
import { SCANNER_CONFIG } from "../classify";
import { createStraceAnalyzer, detectStrace } from "../index";
import { createLineScanner } from "../line-scanner";

/**
 * Analyze `text` (one trace; leading indentation of template literals removed) as the engine would. Every
 * trace is also read by the byte path, in-process and from batches of another scanner (as from a
 * worker), which must give the same result.
 */
export function analyzeTrace(text: string, opts: AnalyzeOptions = {}): PartialResult {
  const lines = dedent(text);
  const kind = detectStrace(lines.slice(0, 50)) ?? "strace";
  const analyzer = createStraceAnalyzer(kind, opts);
  lines.forEach((line, i) => analyzer.push({ no: i + 1, text: line, bytes: line.length + 1 }));
  const result = analyzer.finish();
  if (kind === "strace" && lines.every((l) => !l.includes("\n") && !l.includes("\r"))) {
    const bytes = Buffer.from(lines.join("\n") + "\n");
    const inProcess = createStraceAnalyzer(kind, opts);
    inProcess.pushLines!(bytes, 0, bytes.length, 1);
    expect(inProcess.finish()).toEqual(result);
    const scanned = createStraceAnalyzer(kind, opts);
    const batch = createLineScanner(SCANNER_CONFIG, isAscii).scan(bytes, 0, bytes.length, 0);
    scanned.pushScanned!({ head: new Uint8Array(0), tail: new Uint8Array(0), bytes: bytes.length, buf: bytes, batch, origin: {}, release: () => {} }, 1);
    expect(scanned.finish()).toEqual(result);
  }
  return result;
}

export function dedent(text: string): string[] {
  const lines = text.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent));
}

/** `class@line` of every event, for compact assertions. */
export const eventsAt = (r: PartialResult) => r.events.map((e) => `${e.class}@${e.line}`);
