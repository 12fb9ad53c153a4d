"use client";
// Deleting an upload for good, behind a confirmation that says what goes with it.
import { useState, useTransition } from "react";

export function DeleteUploadButton({ action, eventCount, onlyBuild }: { action: () => Promise<{ error: string }>; eventCount: number; onlyBuild: boolean }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="rounded border border-rose-300 px-3 py-1 text-sm text-rose-800 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950">
        Delete upload…
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="delete-upload-title" aria-describedby="delete-upload-detail" className="space-y-2 rounded border border-rose-300 bg-rose-50 p-3 text-sm dark:border-rose-800 dark:bg-rose-950">
      <p id="delete-upload-title" className="font-medium text-rose-900 dark:text-rose-200">
        Delete this upload for good?
      </p>
      <p id="delete-upload-detail" className="text-rose-900 dark:text-rose-200">
        Its files, stored bytes and {eventCount} event{eventCount === 1 ? "" : "s"} are removed; this cannot be undone.{" "}
        {onlyBuild ? "It is its incident's only build: the incident, its notes, impact and postmortem are deleted too." : "Its incident keeps its other builds and notes the deletion on its timeline."}
      </p>
      {error ? (
        <p role="alert" className="text-rose-800 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => start(async () => setError((await action()).error))}
          className="rounded bg-rose-700 px-3 py-1 font-medium text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-60"
        >
          {pending ? "Deleting…" : "Delete for good"}
        </button>
        <button type="button" disabled={pending} onClick={() => setAsking(false)} autoFocus className="rounded border border-slate-300 px-3 py-1 hover:bg-white focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-600 dark:hover:bg-slate-900">
          Keep it
        </button>
      </div>
    </div>
  );
}
