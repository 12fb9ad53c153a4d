// Postmortem prose as React text: blank lines separate paragraphs, single newlines are kept, and
// `[label](href)` links to same-site paths or http(s) URLs become links (nothing is parsed as HTML).
// On share pages same-site links are shown as their label only: they lead to pages that need a session.
import { splitLinks } from "@/lib/postmortem/evidence";

export function PostmortemText({ text, sameSiteLinks = true, empty = "Not written yet." }: { text: string; sameSiteLinks?: boolean; empty?: string }) {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim());
  if (paragraphs.length === 0) return <p className="text-slate-600 italic dark:text-slate-400">{empty}</p>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="break-words whitespace-pre-line">
          {splitLinks(p).map((part, j) =>
            part.kind === "text" ? (
              <span key={j}>{part.text}</span>
            ) : part.href.startsWith("/") && !sameSiteLinks ? (
              <span key={j} className="font-medium">{part.label}</span>
            ) : (
              <a
                key={j}
                href={part.href}
                {...(part.href.startsWith("/") ? {} : { rel: "noopener noreferrer", target: "_blank" })}
                className="text-rose-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-rose-400"
              >
                {part.label}
              </a>
            ),
          )}
        </p>
      ))}
    </>
  );
}
