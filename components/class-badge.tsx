import { classLabel } from "@/lib/services/incident-title";

// Colour groups by what the engineer has to do next: fix access, fix network, fix code, fix integrity.
const TONE: Record<string, string> = {
  checksum_mismatch: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  missing_checksum_entry: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  http_401: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200",
  http_403: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200",
  auth_required: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200",
  permission_denied: "bg-violet-100 text-violet-900 dark:bg-violet-900/40 dark:text-violet-200",
  dns_failure: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  timeout: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  connection_refused: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  tls_error: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  process_exit: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-200",
};
const DEFAULT_TONE = "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200";

export function ClassBadge({ cls }: { cls: string }) {
  return (
    <span data-class={cls} className={`inline-flex items-center whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONE[cls] ?? DEFAULT_TONE}`}>
      {classLabel(cls)}
    </span>
  );
}
