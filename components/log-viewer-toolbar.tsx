// Controls above the log: fold or unfold every group, and show the raw text (secrets unmasked) instead
// of the redacted one.
const button =
  "rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-700 dark:hover:bg-slate-800";

export function LogViewerToolbar(props: {
  groupCount: number;
  groupsKnown: boolean;
  raw: boolean;
  onRaw: (raw: boolean) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {props.groupCount > 0 ? (
        <div className="flex items-center gap-2">
          <span className="text-slate-600 dark:text-slate-400">{props.groupCount} group{props.groupCount === 1 ? "" : "s"}:</span>
          <button type="button" className={button} onClick={props.onExpandAll}>
            Expand all
          </button>
          <button type="button" className={button} onClick={props.onCollapseAll}>
            Collapse all
          </button>
        </div>
      ) : !props.groupsKnown ? (
        <span className="text-slate-600 dark:text-slate-400">Re-analyse this upload to fold its CI groups.</span>
      ) : null}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={props.raw} onChange={(e) => props.onRaw(e.target.checked)} className="h-4 w-4 accent-rose-600" />
        Show raw text <span className="text-slate-600 dark:text-slate-400">(secrets unmasked)</span>
      </label>
    </div>
  );
}
