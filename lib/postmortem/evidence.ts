// Links inside postmortem text. Authors write Markdown-style `[label](href)`; the draft cites the root
// cause's log lines that way. Only same-site paths and http(s) URLs become links anywhere they are shown.

export type TextPart = { kind: "text"; text: string } | { kind: "link"; label: string; href: string };

const LINK = /\[([^\]\n]{1,500})\]\(([^)\s]{1,2000})\)/g;

/** Whether an href may be rendered as a link (no javascript:, data: or protocol-relative URLs). */
export function isSafeHref(href: string): boolean {
  if (href.startsWith("/")) return !href.startsWith("//") && !href.startsWith("/\\");
  return /^https?:\/\//i.test(href);
}

/** Splits text into plain runs and `[label](href)` links; unsafe links stay plain text. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const [whole, label, href] = m;
    if (!isSafeHref(href)) continue;
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    parts.push({ kind: "link", label, href });
    last = m.index + whole.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** A link to log lines of an upload: `/uploads/<id>/log…#L12` or `#L12-L14`, relative or absolute. */
export const LOG_LINE_LINK = /\/uploads\/[A-Za-z0-9_-]+\/log[^\s)#]*#L\d+(?:-L\d+)?/;

/** Whether the text cites log evidence: a link to specific lines of an uploaded log. */
export function citesLogLines(text: string): boolean {
  return LOG_LINE_LINK.test(text);
}
