// The line under an incident-page form saying what its last submit did (announced to screen readers).
import Link from "next/link";
import type { ActionResult } from "./incident-action-result";

export function IncidentFormStatus({ result, testId }: { result: ActionResult; testId?: string }) {
  return (
    <p role="status" aria-live="polite" data-testid={testId} className="min-h-5 text-sm">
      {result.status === "ok" ? (
        <span className="text-emerald-700 dark:text-emerald-400">
          {result.message}{" "}
          {result.href ? (
            <Link href={result.href} className="font-medium underline">
              Open it
            </Link>
          ) : null}
        </span>
      ) : result.status === "error" ? (
        <span className="text-rose-700 dark:text-rose-400">{result.message}</span>
      ) : null}
    </p>
  );
}

export const inputClass =
  "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100";

export const buttonClass =
  "rounded bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:cursor-not-allowed disabled:opacity-50";

export const secondaryButtonClass =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
