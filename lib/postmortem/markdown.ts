// The postmortem as a Markdown file (GitHub-flavoured: tables). Section text is already Markdown-ish
// prose and is kept as written; same-site links become absolute so the file works outside Faultline.
import { classLabel } from "../services/incident-title";
import { LESSON_SECTIONS, PROSE_SECTIONS, type PostmortemDocument } from "./content";
import { formatUtc, parseUtc } from "./utc";

const TYPE_LABEL = { mitigate: "Mitigate", prevent: "Prevent" } as const;
const STATUS_LABEL = { open: "Open", in_progress: "In progress", done: "Done" } as const;

/** One table cell: no line breaks, pipes escaped. */
function cell(s: string | null | undefined): string {
  const v = (s ?? "").replace(/\r?\n+/g, " ").replace(/\|/g, "\\|").trim();
  return v || "—";
}

/** Rewrites `](/path)` links to `](<base>/path)`. */
function absolutise(text: string, baseUrl: string | undefined): string {
  if (!baseUrl) return text;
  const base = baseUrl.replace(/\/+$/, "");
  return text.replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_m, p: string) => `](${base}${p})`);
}

/** A URL as a Markdown link target: characters that would end it are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function block(text: string, baseUrl: string | undefined): string {
  const t = text.trim();
  return t ? absolutise(t, baseUrl) : "_Not written yet._";
}

export function renderPostmortemMarkdown(doc: PostmortemDocument, opts: { baseUrl?: string } = {}): string {
  const { header, content, actionItems } = doc;
  const out: string[] = [];
  out.push(`# Postmortem: ${header.title.replace(/\r?\n/g, " ")}`, "");
  out.push("| | |", "| --- | --- |");
  out.push(`| Status | ${cell(header.status.replace("_", " "))} |`);
  out.push(`| Severity | ${cell(header.severity.toUpperCase())} |`);
  out.push(`| Root cause class | ${cell(classLabel(header.rootCauseClass))} |`);
  if (header.owner) out.push(`| Owner | ${cell(header.owner)} |`);
  out.push(`| First seen | ${formatUtc(header.firstSeenAt)} |`);
  out.push(`| Last seen | ${formatUtc(header.lastSeenAt)} |`);
  out.push(`| Builds hit | ${header.occurrenceCount} |`);
  if (header.repos.length) out.push(`| Repositories | ${cell(header.repos.join(", "))} |`);
  out.push("");

  for (const s of PROSE_SECTIONS) out.push(`## ${s.label}`, "", block(content[s.key], opts.baseUrl), "");

  out.push("## Action items", "");
  if (actionItems.length === 0) out.push("_None yet._", "");
  else {
    out.push("| Action | Type | Owner | Status | Tracker |", "| --- | --- | --- | --- | --- |");
    for (const a of actionItems) {
      const tracker = a.trackerUrl ? `[${cell(a.trackerUrl)}](${linkTarget(a.trackerUrl)})` : "—";
      out.push(`| ${cell(a.title)} | ${a.type ? TYPE_LABEL[a.type] : "—"} | ${cell(a.owner)} | ${STATUS_LABEL[a.status]} | ${tracker} |`);
    }
    out.push("");
  }

  out.push("## Lessons learned", "");
  for (const s of LESSON_SECTIONS) out.push(`### ${s.label}`, "", block(content.lessons[s.key], opts.baseUrl), "");

  out.push("## Timeline (UTC)", "");
  if (content.timeline.length === 0) out.push("_No entries yet._", "");
  else {
    out.push("| Time (UTC) | Event |", "| --- | --- |");
    for (const t of content.timeline) {
      const at = parseUtc(t.at);
      out.push(`| ${at ? formatUtc(at) : cell(t.at)} | ${cell(absolutise(t.text, opts.baseUrl))} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** A file name for the download: "postmortem-checksum-mismatch-github-com-acme-greet.md". */
export function postmortemFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `postmortem-${slug || "incident"}.md`;
}
