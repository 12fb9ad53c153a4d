// The first draft of a postmortem, written from what Faultline knows about the incident: the root
// cause with a link to its evidence lines, the builds it hit, and the incident's timeline. Sections
// nothing is known about stay empty for the author (the editor shows what belongs there).
import { artifactOf, classLabel } from "../services/incident-title";
import type { PostmortemHeader, TPostmortemContent } from "./content";
import { formatUtc } from "./utc";

type Evidence = { uploadId: string; file: string | null; line: number; endLine: number };

export interface DraftFacts {
  header: PostmortemHeader;
  rootCause: ({ class: string; message: string; fields: Record<string, string | number> } & Evidence) | null;
  uploads: { repo: string | null; branch: string | null; runUrl: string | null; createdAt: string }[];
  /** The incident's timeline (computed by the incident service), oldest first. */
  timeline: { at: string; title: string; detail?: string | null; evidence?: Evidence | null }[];
  /** What the incident service computed about the impact, when known. */
  impact?: { failedRuns: number; failedJobs: number; runnerMinutesLost: number | null; runnerMinutesKnownFor: number; manual: { label: string; value: string }[] } | null;
  resolvedAt: string | null;
}

/** Timeline entries a draft takes over at most; the rest stay on the incident page. */
export const DRAFT_TIMELINE_LIMIT = 60;

/** Same place the incident page's evidence links point to: the log viewer at those lines. */
export function evidencePath(e: { uploadId: string; file: string | null; line: number; endLine: number }): string {
  // Parentheses are encoded too, so the path survives inside a Markdown link.
  const enc = (s: string) => encodeURIComponent(s).replace(/\(/g, "%28").replace(/\)/g, "%29");
  const qs = e.file ? `?file=${enc(e.file)}` : "";
  const end = Math.max(e.line, e.endLine);
  return `/uploads/${e.uploadId}/log${qs}#L${e.line}${end > e.line ? `-L${end}` : ""}`;
}

const linesLabel = (e: { line: number; endLine: number }) => (e.endLine > e.line ? `lines ${e.line}–${e.endLine}` : `line ${e.line}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (xs: string[]) => (xs.length <= 2 ? xs.join(" and ") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function buildPostmortemDraft(facts: DraftFacts): TPostmortemContent {
  const { header, rootCause: rc } = facts;
  const label = classLabel(rc?.class ?? header.rootCauseClass);
  const artifact = rc ? artifactOf(rc.fields) : null;
  const repos = distinct(facts.uploads.map((u) => u.repo));
  const branches = distinct(facts.uploads.map((u) => u.branch));
  const builds = plural(header.occurrenceCount, "build");
  const span = `between ${formatUtc(header.firstSeenAt)} and ${formatUtc(header.lastSeenAt)}`;

  const summary = `${capitalise(builds)}${repos.length ? ` of ${list(repos)}` : ""} failed with ${label}${artifact ? ` on ${artifact}` : ""} ${span}.`;

  const im = facts.impact;
  const runs = im && im.failedRuns !== header.occurrenceCount ? ` in ${plural(im.failedRuns, "CI run")}${im.failedJobs > im.failedRuns ? ` (${plural(im.failedJobs, "job")})` : ""}` : "";
  const impact = [
    `${capitalise(builds)} failed${runs}${repos.length ? ` in ${plural(repos.length, "repository", "repositories")} (${list(repos)})` : ""}${branches.length ? ` on ${plural(branches.length, "branch", "branches")} (${list(branches)})` : ""}.`,
    `The failure was first seen at ${formatUtc(header.firstSeenAt)} and last seen at ${formatUtc(header.lastSeenAt)}.`,
    im?.runnerMinutesLost != null
      ? `Runner time lost: ${Math.round(im.runnerMinutesLost)} min${im.runnerMinutesKnownFor < header.occurrenceCount ? ` (known for ${im.runnerMinutesKnownFor} of ${builds})` : ""}.`
      : "",
    ...(im?.manual ?? []).map((r) => `${r.label}: ${r.value}.`),
  ]
    .filter(Boolean)
    .join(" ");

  let rootCause = "";
  if (rc) {
    const lines = linesLabel(rc);
    const detail = Object.entries(rc.fields)
      .filter(([, v]) => v !== "")
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    rootCause = [
      `${capitalise(label)}: ${rc.message.trim()}`,
      detail ? `Details from the log: ${detail}.` : "",
      `Evidence: [${rc.file ?? "build log"} ${lines}](${evidencePath(rc)})`,
    ]
      .filter(Boolean)
      .join("\n\n");
  }

  const first = facts.uploads[0];
  const detection = first
    ? `Faultline found the failure in an uploaded build log at ${formatUtc(first.createdAt)}${first.runUrl ? ` ([CI run](${first.runUrl}))` : ""}.`
    : "";

  const resolution = facts.resolvedAt ? `Resolved at ${formatUtc(facts.resolvedAt)}.` : header.status === "mitigated" ? "Mitigated; the root cause is not fixed yet." : "";

  return {
    version: 1,
    summary,
    impact,
    rootCause,
    trigger: "",
    detection,
    resolution,
    lessons: { wentWell: "", wentWrong: "", gotLucky: "" },
    timeline: facts.timeline.slice(0, DRAFT_TIMELINE_LIMIT).map((t) => ({
      at: formatUtc(t.at),
      text: `${t.title}${t.detail ? ` (${t.detail})` : ""}${t.evidence ? ` ([${t.evidence.file ?? "log"} ${linesLabel(t.evidence)}](${evidencePath(t.evidence)}))` : ""}`,
    })),
  };
}
