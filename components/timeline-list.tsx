"use client";
// An incident's timeline as an ordered list on one (UTC) clock, each entry linking to its evidence lines.
// Checkboxes choose which kinds of entries show; the list is long for builds with many steps.
import Link from "next/link";
import { useId, useState } from "react";
import type { TimelineItem } from "@/lib/services/get-incident";
import { ClassBadge } from "./class-badge";
import { evidenceHref } from "./evidence-link";
import { lineRange } from "./event-table";
import { formatUtc } from "./timeline-format";

const FILTERS = [
  { key: "changes", label: "Notes and changes", kinds: ["note", "status", "merge", "split", "move", "delete"] },
  { key: "jobs", label: "Job start and end", kinds: ["job-start", "job-end", "upload"] },
  { key: "steps", label: "Steps", kinds: ["step"] },
  { key: "events", label: "Events", kinds: ["event"] },
] as const;

type FilterKey = (typeof FILTERS)[number]["key"];

const KIND_LABEL: Record<string, string> = {
  "job-start": "job start",
  "job-end": "job end",
  upload: "upload",
  step: "step",
  event: "event",
  status: "change",
  merge: "merge",
  split: "split",
  move: "move",
  note: "note",
};

const KIND_TONE: Record<string, string> = {
  note: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  status: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  merge: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200",
  split: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200",
  move: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/40 dark:text-indigo-200",
};
const DEFAULT_TONE = "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300";

function filterOf(kind: string): FilterKey {
  return FILTERS.find((f) => (f.kinds as readonly string[]).includes(kind))?.key ?? "changes";
}

/** `omittedEvents`: failures left off the list (capTimelineEvents); a note says so. */
export function TimelineList({ items, omittedEvents = 0 }: { items: TimelineItem[]; omittedEvents?: number }) {
  const id = useId();
  const [shown, setShown] = useState<Record<FilterKey, boolean>>({ changes: true, jobs: true, steps: true, events: true });
  const counts = Object.fromEntries(FILTERS.map((f) => [f.key, 0])) as Record<FilterKey, number>;
  for (const t of items) counts[filterOf(t.kind)]++;
  const visible = items.filter((t) => shown[filterOf(t.kind)]);
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing on the timeline yet.</p>;
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Show on the timeline</legend>
        {FILTERS.map((f) => (
          <label key={f.key} htmlFor={`${id}-${f.key}`} className="inline-flex items-center gap-1.5">
            <input
              id={`${id}-${f.key}`}
              type="checkbox"
              checked={shown[f.key]}
              onChange={(e) => setShown((s) => ({ ...s, [f.key]: e.target.checked }))}
              className="size-4 accent-rose-700"
            />
            {f.label} <span className="text-slate-500 tabular-nums dark:text-slate-400">({counts[f.key]})</span>
          </label>
        ))}
      </fieldset>
      <ol className="relative space-y-1 border-l border-slate-200 pl-4 dark:border-slate-700" data-testid="timeline">
        {visible.map((t, i) => {
          const day = t.at.slice(0, 10);
          const newDay = i === 0 || visible[i - 1].at.slice(0, 10) !== day;
          return (
            <li key={t.id} data-kind={t.kind} data-testid="timeline-entry" className="text-sm">
              {newDay ? <p className="mt-2 -ml-4 pl-4 text-xs font-semibold text-slate-500 dark:text-slate-400">{day}</p> : null}
              <div className="flex flex-wrap items-baseline gap-x-2">
                <time dateTime={t.at} className="font-mono text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-400" title={t.approximate ? "The log has no time for this line: shown at its build's time" : undefined}>
                  {t.approximate ? "≈" : ""}
                  {formatUtc(t.at, { date: false, ms: true })}
                </time>
                <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${KIND_TONE[t.kind] ?? DEFAULT_TONE}`}>{KIND_LABEL[t.kind] ?? t.kind}</span>
                {t.class ? <ClassBadge cls={t.class} /> : null}
                <span className={`min-w-0 break-words ${t.kind === "event" ? "font-mono text-xs" : ""} ${t.failed && t.kind !== "event" ? "text-rose-800 dark:text-rose-300" : ""}`}>{t.title}</span>
                {t.count && t.count > 1 ? <span className="text-xs text-slate-500 dark:text-slate-400">×{t.count}</span> : null}
                {t.detail ? <span className="text-xs text-slate-600 dark:text-slate-400">{t.detail}</span> : null}
                {t.uploadId && t.line !== null ? (
                  <Link href={evidenceHref({ uploadId: t.uploadId, file: t.file, line: t.line, endLine: t.endLine ?? t.line })} className="font-mono text-xs text-rose-700 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-rose-400" data-testid="timeline-evidence">
                    {t.file ? `${t.file}: ` : ""}line {lineRange(t.line, t.endLine ?? t.line)}
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {omittedEvents > 0 && shown.events ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="timeline-omitted">
          {omittedEvents.toLocaleString("en-US")} later failure{omittedEvents === 1 ? " is" : "s are"} not listed here: the chart counts them, and Events below lists every failure by class.
        </p>
      ) : null}
    </div>
  );
}
