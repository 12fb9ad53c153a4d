// Terminal report: root cause first with the lines that state it, then every event grouped by class
// with counts, each with its runbook hint.
import type { AnalysisEvent, AnalysisResult } from "../types";

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

function where(e: { file?: string; line: number; endLine?: number }): string {
  const range = e.endLine && e.endLine > e.line ? `${e.line}-${e.endLine}` : `${e.line}`;
  return e.file ? `${e.file}:${range}` : `line ${range}`;
}

function fieldList(e: AnalysisEvent): string {
  return Object.entries(e.fields)
    .map(([k, v]) => `${k}=${String(v).length > 80 ? String(v).slice(0, 77) + "..." : v}`)
    .join("  ");
}

export function renderReport(r: AnalysisResult, name: string, color = false): string {
  const out: string[] = [];
  const kb = (r.stats.bytes / 1024).toFixed(1);
  out.push(paint(color, "1", `faultline analyze ${name}`) + `  (${r.format}, ${r.stats.lines} lines, ${kb} KiB, ${r.stats.ms} ms)`);
  out.push("");
  const root = r.rootCause ? r.events[r.rootCause.eventIndex] : undefined;
  if (!root) {
    out.push(paint(color, "32", "No failure found."));
    return out.join("\n") + "\n";
  }
  out.push(paint(color, "1;31", `Root cause: ${root.class}`) + ` at ${where(root)}${root.step ? `  [step: ${root.step}]` : ""}`);
  for (const l of root.lines ?? [root.message]) out.push(`  │ ${l}`);
  if (Object.keys(root.fields).length) out.push(`  ${fieldList(root)}`);
  if (root.runbookId) out.push(`  runbook: ${root.runbookId}`);
  if (r.causalChain.length > 1) {
    out.push(`  chain: ${r.causalChain.map((i) => `${r.events[i].class}@${where(r.events[i])}`).join(" → ")}`);
  }
  out.push("");
  const byClass = new Map<string, AnalysisEvent[]>();
  for (const e of r.events) byClass.set(e.class, [...(byClass.get(e.class) ?? []), e]);
  out.push(paint(color, "1", `Events (${r.events.length}):`));
  for (const [cls, events] of byClass) {
    const total = events.reduce((n, e) => n + e.count, 0);
    out.push(`  ${paint(color, "33", cls)}  ×${total}`);
    for (const e of events) {
      const times = e.count > 1 ? `  (×${e.count})` : "";
      const hint = e.runbookId ? `  → ${e.runbookId}` : "";
      out.push(`    ${where(e)}${times}  ${e.message.slice(0, 160)}${hint}`);
    }
  }
  if (r.stats.droppedEvents) out.push(`  (${r.stats.droppedEvents} further distinct events not kept)`);
  return out.join("\n") + "\n";
}
