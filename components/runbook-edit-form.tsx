"use client";
// The team's editor for one runbook: title, summary and the steps of each section (text, optional
// command template, optional condition). Submits to a server action; field names are decoded by
// lib/runbooks/form.ts.
import { useActionState, useRef, useState } from "react";
import type { RunbookContent, RunbookStep, SectionKey } from "@/lib/runbooks/types";
import { SECTION_LABELS, SECTIONS } from "@/lib/runbooks/types";

export type RunbookFormState = { status: "idle" } | { status: "saved"; at: string } | { status: "error"; errors: string[] };

type EditableStep = { uid: number; text: string; command: string; when: string };

// uids of the initial steps are their indexes (the same on the server and in the browser, so ids
// hydrate); steps added later count up from 10 000.
const toEditable = (s: RunbookStep, uid: number): EditableStep => ({ uid, text: s.text, command: s.command ?? "", when: (s.when ?? []).join(", ") });

const inputClass =
  "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100";
const smallButton =
  "rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800";

export function RunbookEditForm({
  initial,
  action,
}: {
  initial: RunbookContent;
  action: (state: RunbookFormState, form: FormData) => Promise<RunbookFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as RunbookFormState);
  // Controlled inputs: React resets uncontrolled form fields after an action, which would show stale text.
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [steps, setSteps] = useState<Record<SectionKey, EditableStep[]>>(() => ({
    diagnose: initial.diagnose.map(toEditable),
    fix: initial.fix.map(toEditable),
    prevent: initial.prevent.map(toEditable),
  }));
  const uidRef = useRef(10_000);

  const update = (key: SectionKey, fn: (list: EditableStep[]) => EditableStep[]) => setSteps((s) => ({ ...s, [key]: fn(s[key]) }));
  const edit = (key: SectionKey, uid: number, patch: Partial<EditableStep>) => update(key, (list) => list.map((s) => (s.uid === uid ? { ...s, ...patch } : s)));
  const addStep = (key: SectionKey) => {
    const uid = uidRef.current++;
    update(key, (list) => [...list, toEditable({ text: "" }, uid)]);
  };
  const move = (key: SectionKey, i: number, by: -1 | 1) =>
    update(key, (list) => {
      const next = [...list];
      const j = i + by;
      if (j < 0 || j >= next.length) return list;
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });

  return (
    <form action={formAction} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-describedby="runbook-form-help">
      <p id="runbook-form-help" className="text-sm text-slate-700 dark:text-slate-300">
        Placeholders such as <code className="font-mono">{"{module}"}</code> are filled from the failing event, shell-quoted, when an incident shows this runbook. Your
        edit replaces the built-in runbook for your team, including on open incidents.
      </p>
      <div>
        <label htmlFor="rb-title" className="block text-sm font-medium">Title</label>
        <input id="rb-title" name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
      </div>
      <div>
        <label htmlFor="rb-summary" className="block text-sm font-medium">Summary (one line explaining the failure)</label>
        <textarea id="rb-summary" name="summary" required maxLength={1000} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} className={inputClass} />
      </div>
      {SECTIONS.map((key) => (
        <fieldset key={key} className="space-y-3">
          <legend className="text-base font-semibold">{SECTION_LABELS[key]} steps</legend>
          {steps[key].length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No steps.</p> : null}
          <ol className="space-y-4">
            {steps[key].map((step, i) => {
              const base = `${key}-${step.uid}`;
              const label = `${SECTION_LABELS[key]} step ${i + 1}`;
              return (
                <li key={step.uid} className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-700">
                  <div>
                    <label htmlFor={`${base}-text`} className="block text-sm font-medium">{label}: what to do</label>
                    <textarea id={`${base}-text`} name={`${key}.${i}.text`} rows={2} value={step.text} onChange={(e) => edit(key, step.uid, { text: e.target.value })} className={inputClass} />
                  </div>
                  <div>
                    <label htmlFor={`${base}-command`} className="block text-sm font-medium">{label}: command (optional)</label>
                    <textarea id={`${base}-command`} name={`${key}.${i}.command`} rows={Math.min(8, Math.max(1, step.command.split("\n").length))} value={step.command} onChange={(e) => edit(key, step.uid, { command: e.target.value })} spellCheck={false} className={`${inputClass} font-mono text-xs`} />
                  </div>
                  <div>
                    <label htmlFor={`${base}-when`} className="block text-sm font-medium">{label}: only show when these fields are known (optional, comma-separated)</label>
                    <input id={`${base}-when`} name={`${key}.${i}.when`} value={step.when} onChange={(e) => edit(key, step.uid, { when: e.target.value })} className={inputClass} />
                  </div>
                  <div className="flex gap-2">
                    <button type="button" className={smallButton} onClick={() => move(key, i, -1)} disabled={i === 0} aria-label={`Move ${label} up`}>
                      Up
                    </button>
                    <button type="button" className={smallButton} onClick={() => move(key, i, 1)} disabled={i === steps[key].length - 1} aria-label={`Move ${label} down`}>
                      Down
                    </button>
                    <button type="button" className={smallButton} onClick={() => update(key, (list) => list.filter((s) => s.uid !== step.uid))} aria-label={`Remove ${label}`}>
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <button type="button" className={smallButton} onClick={() => addStep(key)}>
            Add a {SECTION_LABELS[key].toLowerCase()} step
          </button>
        </fieldset>
      ))}
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:cursor-not-allowed disabled:opacity-50">
          {pending ? "Saving…" : "Save for my team"}
        </button>
        <div aria-live="polite" role="status" className="text-sm">
          {state.status === "saved" ? <span className="text-emerald-700 dark:text-emerald-400">Saved.</span> : null}
        </div>
      </div>
      {state.status === "error" ? (
        <div role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
          <p className="font-medium">The runbook was not saved:</p>
          <ul className="mt-1 list-disc pl-5">
            {state.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
