// An analysis result with its secrets masked, ready to be stored or shown: event messages, fields,
// step names and kept lines, CI step and group names, and the argv of traced processes. Fingerprints are
// computed by the analyzer before this and stay as they are, so grouping is unaffected.
import type { AnalysisEvent, AnalysisResult, LogGroup, StepInfo } from "../analysis/types";
import { createRedactor, redactFields, redactLine } from "./redact";

function redactEvent(e: AnalysisEvent): AnalysisEvent {
  const out: AnalysisEvent = { ...e, message: redactLine(e.message), fields: redactFields(e.fields) };
  if (e.step !== undefined) out.step = redactLine(e.step);
  if (e.lines) {
    const r = createRedactor();
    out.lines = e.lines.map((l) => r.line(l));
  }
  return out;
}

const redactStep = <T extends StepInfo | LogGroup>(s: T): T => ({ ...s, name: redactLine(s.name) });

export function redactAnalysisResult(result: AnalysisResult): AnalysisResult {
  const out: AnalysisResult = { ...result, events: result.events.map(redactEvent) };
  if (result.steps) out.steps = result.steps.map(redactStep);
  if (result.groups) out.groups = result.groups.map(redactStep);
  if (result.strace) {
    out.strace = {
      ...result.strace,
      processes: result.strace.processes.map((p) => (p.argv ? { ...p, argv: p.argv.map(redactLine) } : p)),
    };
  }
  return out;
}
