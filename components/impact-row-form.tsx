"use client";
// Adding and removing the impact rows people write by hand.
import { useActionState, useState, useTransition } from "react";
import { IDLE, type ActionResult, type FormAction } from "./incident-action-result";
import { buttonClass, IncidentFormStatus, inputClass } from "./incident-form-status";

export function ImpactRowForm({ action, disabled }: { action: FormAction; disabled?: boolean }) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} aria-label="Add an impact row" className="space-y-1">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-40">
          <label htmlFor="impact-label" className="block text-sm font-medium">What was impacted</label>
          <input id="impact-label" name="label" required maxLength={200} disabled={disabled} placeholder="e.g. Deploys blocked" className={inputClass} />
        </div>
        <div className="min-w-56 flex-1">
          <label htmlFor="impact-value" className="block text-sm font-medium">Value</label>
          <input id="impact-value" name="value" required maxLength={1000} disabled={disabled} placeholder="e.g. 3 (payments, search, web)" className={inputClass} />
        </div>
        <button type="submit" disabled={pending || disabled} className={buttonClass}>
          {pending ? "Adding…" : "Add impact row"}
        </button>
      </div>
      <IncidentFormStatus result={result} testId="impact-form-status" />
    </form>
  );
}

export function RemoveImpactRowButton({ label, action, disabled }: { label: string; action: () => Promise<ActionResult>; disabled?: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="shrink-0 text-right">
      <button
        type="button"
        disabled={pending || disabled}
        aria-label={`Remove impact row ${label}`}
        onClick={() =>
          start(async () => {
            const r = await action();
            setError(r.status === "error" ? r.message : null);
          })
        }
        className="rounded px-2 py-0.5 text-xs font-medium text-rose-700 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:text-rose-400"
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      {error ? <span role="alert" className="block text-xs text-rose-700 dark:text-rose-400">{error}</span> : null}
    </span>
  );
}
