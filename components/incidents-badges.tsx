// Status and severity of an incident as small labelled pills (colour is never the only signal).

const STATUS_TONE: Record<string, string> = {
  open: "bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100",
  mitigated: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  resolved: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
};

const SEVERITY_TONE: Record<string, string> = {
  sev1: "bg-rose-700 text-white dark:bg-rose-500 dark:text-slate-950",
  sev2: "bg-orange-200 text-orange-950 dark:bg-orange-400 dark:text-slate-950",
  sev3: "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100",
  sev4: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

const pill = "inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`${pill} capitalize ${STATUS_TONE[status] ?? STATUS_TONE.open}`}>{status.replace("_", " ")}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`${pill} ${SEVERITY_TONE[severity] ?? SEVERITY_TONE.sev3}`}>{severity.toUpperCase()}</span>;
}
