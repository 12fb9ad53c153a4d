"use client";
// Adds a note to the incident's timeline, at a chosen UTC time (now when left empty).
import { useActionState } from "react";
import { IDLE, type FormAction } from "./incident-action-result";
import { buttonClass, IncidentFormStatus, inputClass } from "./incident-form-status";

export function TimelineNoteForm({ action, disabled }: { action: FormAction; disabled?: boolean }) {
  const [result, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} aria-label="Add a note" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <label htmlFor="note-text" className="block text-sm font-medium">Note</label>
        <textarea id="note-text" name="text" rows={2} required maxLength={4000} disabled={disabled} placeholder="What happened, what was tried, what was decided" className={inputClass} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="note-at" className="block text-sm font-medium">Time (UTC, optional)</label>
          <input id="note-at" name="at" type="datetime-local" step={1} disabled={disabled} aria-describedby="note-at-hint" className={inputClass} />
        </div>
        <button type="submit" disabled={pending || disabled} className={buttonClass}>
          {pending ? "Adding…" : "Add note"}
        </button>
        <span id="note-at-hint" className="text-xs text-slate-600 dark:text-slate-400">Empty: now.</span>
      </div>
      <IncidentFormStatus result={result} testId="note-form-status" />
    </form>
  );
}
