"use client";
// The incident header's controls: status, severity and owner, saved together.
import { useActionState } from "react";
import { IDLE, type FormAction } from "./incident-action-result";
import { buttonClass, IncidentFormStatus, inputClass } from "./incident-form-status";

const STATUSES = [
  ["open", "Open"],
  ["mitigated", "Mitigated"],
  ["resolved", "Resolved"],
] as const;
const SEVERITIES = [
  ["sev1", "SEV1 (critical)"],
  ["sev2", "SEV2 (major)"],
  ["sev3", "SEV3 (minor)"],
  ["sev4", "SEV4 (low)"],
] as const;

export function IncidentControls({ status, severity, owner, action, disabled }: { status: string; severity: string; owner: string | null; action: FormAction; disabled?: boolean }) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} aria-label="Edit incident" className="space-y-1">
      {/* Keyed by the saved values: after a save the fields start again from what was saved. */}
      <div key={`${status}|${severity}|${owner ?? ""}`} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="incident-status" className="block text-xs font-medium text-slate-700 dark:text-slate-300">Status</label>
          <select id="incident-status" name="status" defaultValue={status} disabled={disabled} className={inputClass}>
            {STATUSES.map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="incident-severity" className="block text-xs font-medium text-slate-700 dark:text-slate-300">Severity</label>
          <select id="incident-severity" name="severity" defaultValue={severity} disabled={disabled} className={inputClass}>
            {SEVERITIES.map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1 sm:flex-none">
          <label htmlFor="incident-owner" className="block text-xs font-medium text-slate-700 dark:text-slate-300">Owner</label>
          <input id="incident-owner" name="owner" defaultValue={owner ?? ""} placeholder="nobody yet" maxLength={200} disabled={disabled} className={inputClass} />
        </div>
        <button type="submit" disabled={pending || disabled} className={buttonClass}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      <IncidentFormStatus result={result} testId="incident-controls-status" />
    </form>
  );
}
