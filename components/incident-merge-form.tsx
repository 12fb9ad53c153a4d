"use client";
// Merges another incident into this one (same failure under two names): its builds move here and its
// future builds follow.
import { useActionState } from "react";
import { IDLE, type FormAction } from "./incident-action-result";
import { IncidentFormStatus, inputClass, secondaryButtonClass } from "./incident-form-status";
import type { OtherIncident } from "./incident-builds";

export function IncidentMergeForm({ others, action, disabled }: { others: OtherIncident[]; action: FormAction; disabled?: boolean }) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} aria-label="Merge incidents" className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="merge-from" className="block text-sm font-medium">Merge another incident into this one</label>
          <select id="merge-from" name="from" required defaultValue="" disabled={disabled || others.length === 0} className={inputClass}>
            <option value="" disabled>
              {others.length ? "choose the incident to merge in" : "no other incidents"}
            </option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>{o.title}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending || disabled || others.length === 0} className={secondaryButtonClass}>
          {pending ? "Merging…" : "Merge into this incident"}
        </button>
      </div>
      <IncidentFormStatus result={result} testId="merge-status" />
    </form>
  );
}
