// The postmortem's quality checks (lib/postmortem/quality), shown beside the editor as it changes.
import type { QualityCheck } from "@/lib/postmortem/quality";

export function PostmortemQuality({ checks }: { checks: QualityCheck[] }) {
  const failing = checks.filter((c) => !c.ok).length;
  return (
    <section aria-labelledby="quality-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="quality-checks">
      <h2 id="quality-heading" className="font-semibold">
        Quality checks
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {failing === 0 ? "All checks pass." : `${failing} of ${checks.length} need attention.`}
      </p>
      <ul className="space-y-2 text-sm">
        {checks.map((c) => (
          <li key={c.id} data-check={c.id} data-ok={c.ok} className="space-y-1">
            <p className="flex items-start gap-2">
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold ${c.ok ? "bg-emerald-700 text-white dark:bg-emerald-500 dark:text-slate-950" : "bg-amber-500 text-slate-950"}`}
              >
                {c.ok ? "✓" : "!"}
              </span>
              <span>
                <span className="sr-only">{c.ok ? "Passes: " : "Needs attention: "}</span>
                {c.label}
              </span>
            </p>
            {c.problems.length ? (
              <ul className="ml-6 list-disc space-y-0.5 pl-4 text-xs text-slate-700 dark:text-slate-300">
                {c.problems.map((p, i) => (
                  <li key={i} className="break-words">{p}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
