// Quality checks shown beside the postmortem while it is edited (and usable anywhere: pure).
import { findBlamingPhrases } from "./blameless";
import { LESSON_SECTIONS, PROSE_SECTIONS, type PostmortemActionItem, type TPostmortemContent } from "./content";
import { citesLogLines } from "./evidence";
import { parseUtc } from "./utc";

export type QualityCheckId = "action-items" | "timeline-utc" | "root-cause-evidence" | "blameless";

export interface QualityCheck {
  id: QualityCheckId;
  label: string;
  ok: boolean;
  /** What to fix, one line each (empty when ok). */
  problems: string[];
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function checkPostmortemQuality(input: { content: TPostmortemContent; actionItems: Pick<PostmortemActionItem, "title" | "owner" | "type">[] }): QualityCheck[] {
  const { content, actionItems } = input;

  const itemProblems =
    actionItems.length === 0
      ? ["No action items yet: add what mitigates this and what prevents it."]
      : actionItems.flatMap((a) => {
          const missing = [!a.owner?.trim() ? "an owner" : null, !a.type ? "a type" : null].filter(Boolean);
          return missing.length ? [`“${short(a.title)}” needs ${missing.join(" and ")}.`] : [];
        });

  const timelineProblems =
    content.timeline.length === 0
      ? ["The timeline is empty."]
      : content.timeline.flatMap((t, i) =>
          parseUtc(t.at) ? [] : [`Entry ${i + 1}${t.text.trim() ? ` (“${short(t.text, 40)}”)` : ""} ${t.at.trim() ? `has “${short(t.at, 30)}”, not a UTC time` : "has no time"}.`],
        );

  const evidenceProblems = citesLogLines(content.rootCause)
    ? []
    : ["Link the log lines that show the root cause, e.g. [build.log line 12](/uploads/<id>/log#L12-L14)."];

  const texts: { where: string; text: string }[] = [
    ...PROSE_SECTIONS.map((s) => ({ where: s.label, text: content[s.key] })),
    ...LESSON_SECTIONS.map((s) => ({ where: s.label, text: content.lessons[s.key] })),
    ...content.timeline.map((t, i) => ({ where: `Timeline entry ${i + 1}`, text: t.text })),
  ];
  const blameProblems = texts.flatMap(({ where, text }) =>
    findBlamingPhrases(text).map((h) => `${where}: “${h.phrase}” names a person as the cause; describe what the system or process did instead.`),
  );

  return [
    { id: "action-items", label: "Every action item has an owner and a type", ok: itemProblems.length === 0, problems: itemProblems },
    { id: "timeline-utc", label: "Every timeline entry has a UTC time", ok: timelineProblems.length === 0, problems: timelineProblems },
    { id: "root-cause-evidence", label: "The root cause cites evidence lines", ok: evidenceProblems.length === 0, problems: evidenceProblems },
    { id: "blameless", label: "Blameless wording", ok: blameProblems.length === 0, problems: blameProblems },
  ];
}
