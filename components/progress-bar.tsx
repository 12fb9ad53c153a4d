// A labelled progress bar. `name` is what assistive technology announces (several bars share the
// visible label on the upload page: "Transfer of build.log"); `detail` is shown and announced as text.
// `stopped`: the work ended where the bar stands (cancelled, refused), so it is drawn grey, not live.
export function ProgressBar({ label, name, value, max, detail, stopped }: { label: string; name?: string; value: number; max: number; detail?: string; stopped?: boolean }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-300">
          {detail ? `${detail} · ` : ""}
          {pct}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={name ?? label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={detail ? `${pct}% (${detail})` : `${pct}%`}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded-full transition-[width] ${stopped ? "bg-slate-400 dark:bg-slate-500" : pct === 100 ? "bg-emerald-600 dark:bg-emerald-500" : "bg-rose-600 dark:bg-rose-500"}`}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
