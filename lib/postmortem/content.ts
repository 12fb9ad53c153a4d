// The postmortem document as stored in Postmortem.content: the sections of Google's SRE postmortem
// template as plain text (Markdown-style `[label](href)` links allowed), plus a UTC timeline. Action
// items are not part of it: they are ActionItem rows, shared with the incident page.
import { z } from "zod";

const text = z.string().max(20_000, "a section may hold at most 20,000 characters");

export const ZTimelineRow = z.object({
  /** A UTC time as written by the author ("2026-11-20 14:03 UTC" or ISO with Z); checked, not coerced. */
  at: z.string().max(40),
  text: z.string().max(2000),
});
export type TTimelineRow = z.infer<typeof ZTimelineRow>;

export const ZPostmortemContent = z.object({
  version: z.literal(1),
  summary: text,
  impact: text,
  rootCause: text,
  trigger: text,
  detection: text,
  resolution: text,
  lessons: z.object({ wentWell: text, wentWrong: text, gotLucky: text }),
  timeline: z.array(ZTimelineRow).max(500, "a timeline may hold at most 500 entries"),
});
export type TPostmortemContent = z.infer<typeof ZPostmortemContent>;

/** The prose sections in document order, with their headings. */
export const PROSE_SECTIONS = [
  { key: "summary", label: "Summary", hint: "What happened, in two or three sentences." },
  { key: "impact", label: "Impact", hint: "Who and what was affected: builds, repositories, branches, time lost." },
  { key: "rootCause", label: "Root cause", hint: "Why it happened. Link the evidence lines." },
  { key: "trigger", label: "Trigger", hint: "What set it off: a change, a release, an outage upstream." },
  { key: "detection", label: "Detection", hint: "How and when it was noticed." },
  { key: "resolution", label: "Resolution", hint: "What was done to get builds green again." },
] as const satisfies readonly { key: keyof TPostmortemContent; label: string; hint: string }[];

export type ProseKey = (typeof PROSE_SECTIONS)[number]["key"];

export const LESSON_SECTIONS = [
  { key: "wentWell", label: "What went well" },
  { key: "wentWrong", label: "What went wrong" },
  { key: "gotLucky", label: "Where we got lucky" },
] as const satisfies readonly { key: keyof TPostmortemContent["lessons"]; label: string }[];

/** An action item as the postmortem shows it (an ActionItem row). */
export interface PostmortemActionItem {
  id: string;
  title: string;
  owner: string | null;
  type: "mitigate" | "prevent" | null;
  status: "open" | "in_progress" | "done";
  trackerUrl: string | null;
}

/** What the document header shows about the incident (read from the database, not editable here). */
export interface PostmortemHeader {
  incidentId: string;
  title: string;
  status: string;
  severity: string;
  owner: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  occurrenceCount: number;
  rootCauseClass: string;
  repos: string[];
}

/** The document as pages, exports and share links render it. */
export interface PostmortemDocument {
  header: PostmortemHeader;
  content: TPostmortemContent;
  actionItems: PostmortemActionItem[];
  /** null while the document is the generated draft and nobody has saved it. */
  updatedAt: string | null;
}

export function mapContentStrings(content: TPostmortemContent, fn: (s: string) => string): TPostmortemContent {
  return {
    version: 1,
    summary: fn(content.summary),
    impact: fn(content.impact),
    rootCause: fn(content.rootCause),
    trigger: fn(content.trigger),
    detection: fn(content.detection),
    resolution: fn(content.resolution),
    lessons: { wentWell: fn(content.lessons.wentWell), wentWrong: fn(content.lessons.wentWrong), gotLucky: fn(content.lessons.gotLucky) },
    timeline: content.timeline.map((t) => ({ at: fn(t.at), text: fn(t.text) })),
  };
}
