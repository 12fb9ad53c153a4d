// The root cause is the first causal event: exit-status summaries are consequences and are chosen only
// when nothing else was found. The causal chain runs from it to the first exit status after it in the
// same file (the step that failed because of it).
import type { AnalysisEvent, RootCause } from "../types";

export function rootCauseOf(events: readonly AnalysisEvent[]): { rootCause: RootCause | null; causalChain: number[] } {
  let index = events.findIndex((e) => e.class !== "process_exit");
  if (index < 0) index = events.length > 0 ? 0 : -1;
  if (index < 0) return { rootCause: null, causalChain: [] };
  const root = events[index];
  const rootCause: RootCause = { class: root.class, line: root.line, endLine: root.endLine, eventIndex: index };
  if (root.file !== undefined) rootCause.file = root.file;
  const causalChain = [index];
  for (let i = index + 1; i < events.length; i++) {
    if (events[i].file !== root.file) break;
    causalChain.push(i);
    if (events[i].class === "process_exit") break;
  }
  if (events[causalChain[causalChain.length - 1]].class !== "process_exit") causalChain.splice(1);
  return { rootCause, causalChain };
}
