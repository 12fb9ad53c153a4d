"use client";
// The postmortem's UTC timeline as editable rows: a time ("2026-11-20 14:03 UTC") and what happened.
import type { TTimelineRow } from "@/lib/postmortem/content";
import { formatUtc, parseUtc } from "@/lib/postmortem/utc";

const input =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-rose-600 aria-[invalid=true]:border-amber-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:aria-[invalid=true]:border-amber-400";
const small =
  "rounded px-2 py-1 text-sm font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-rose-400";

export function PostmortemTimelineEditor({ rows, onChange }: { rows: TTimelineRow[]; onChange: (rows: TTimelineRow[]) => void }) {
  const set = (i: number, row: Partial<TTimelineRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const sortable = rows.every((r) => parseUtc(r.at));
  return (
    <div className="space-y-2">
      {rows.length ? (
        <ol className="space-y-2" aria-label="Timeline entries">
          {rows.map((r, i) => {
            const bad = r.at.trim() !== "" && !parseUtc(r.at);
            return (
              <li key={i} className="grid items-start gap-2 sm:grid-cols-[13rem_1fr_auto]" data-testid="pm-timeline-row">
                <div>
                  <label htmlFor={`tl-at-${i}`} className="sr-only">
                    Time of entry {i + 1} (UTC)
                  </label>
                  <input
                    id={`tl-at-${i}`}
                    className={`${input} font-mono tabular-nums`}
                    value={r.at}
                    maxLength={40}
                    placeholder="2026-11-20 14:03 UTC"
                    aria-invalid={bad || r.at.trim() === ""}
                    aria-describedby={bad ? `tl-at-${i}-hint` : undefined}
                    onChange={(e) => set(i, { at: e.target.value })}
                  />
                  {bad ? (
                    <p id={`tl-at-${i}-hint`} className="mt-0.5 text-xs text-amber-800 dark:text-amber-300">
                      Write a UTC time, e.g. 2026-11-20 14:03 UTC
                    </p>
                  ) : null}
                </div>
                <div>
                  <label htmlFor={`tl-text-${i}`} className="sr-only">
                    What happened, entry {i + 1}
                  </label>
                  <input id={`tl-text-${i}`} className={input} value={r.text} maxLength={2000} onChange={(e) => set(i, { text: e.target.value })} />
                </div>
                <button type="button" className={small} onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove timeline entry ${i + 1}`}>
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No entries yet.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} onClick={() => onChange([...rows, { at: formatUtc(new Date()).replace(/:\d\d UTC$/, " UTC"), text: "" }])}>
          Add entry
        </button>
        <button
          type="button"
          className={`${small} disabled:text-slate-500 disabled:no-underline dark:disabled:text-slate-500`}
          disabled={!sortable || rows.length < 2}
          title={sortable ? undefined : "Every entry needs a UTC time to sort"}
          onClick={() => onChange([...rows].sort((a, b) => parseUtc(a.at)!.getTime() - parseUtc(b.at)!.getTime()))}
        >
          Sort by time
        </button>
      </div>
    </div>
  );
}
