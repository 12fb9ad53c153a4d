"use client";
// The choice shown once more than one file is to be sent: all of them as one upload (analysed together,
// so strace -ff files become one trace and a job's split logs one analysis and one incident), or one
// upload each. The page suggests one upload when the names look like one set.
import type { GroupingGuess } from "./upload-grouping";

export type SendMode = "one" | "separate";

const OPTION = "flex cursor-pointer items-start gap-2 rounded border px-3 py-2 has-[:checked]:border-rose-600 has-[:checked]:bg-rose-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 dark:has-[:checked]:border-rose-400 dark:has-[:checked]:bg-rose-950/40";

export function UploadSendChoice({
  count,
  mode,
  guess,
  sharedName,
  onChange,
}: {
  count: number;
  mode: SendMode;
  guess: GroupingGuess;
  /** A name two of the files share: one upload cannot hold both. */
  sharedName: string | null;
  onChange: (mode: SendMode) => void;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby="send-mode-hint">
      <legend className="text-sm font-medium">Send these {count} files as</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className={`${OPTION} border-slate-300 dark:border-slate-600`}>
          <input type="radio" name="send-mode" value="one" checked={mode === "one"} disabled={sharedName !== null} onChange={() => onChange("one")} className="mt-1 accent-rose-700" />
          <span className="text-sm">
            <span className="block font-medium">One upload</span>
            <span className="block text-slate-600 dark:text-slate-300">analysed together, into one incident</span>
          </span>
        </label>
        <label className={`${OPTION} border-slate-300 dark:border-slate-600`}>
          <input type="radio" name="send-mode" value="separate" checked={mode === "separate"} onChange={() => onChange("separate")} className="mt-1 accent-rose-700" />
          <span className="text-sm">
            <span className="block font-medium">Separate uploads</span>
            <span className="block text-slate-600 dark:text-slate-300">each file analysed on its own</span>
          </span>
        </label>
      </div>
      <p id="send-mode-hint" className="text-sm text-slate-600 dark:text-slate-300">
        {sharedName !== null
          ? `Two files are named ${sharedName}; one upload cannot hold both, so they go separately.`
          : guess.together
            ? `These look like ${guess.reason}, so they go as one upload unless you choose otherwise.`
            : "Choose one upload for the split files of one trace or one job (strace -ff output, numbered log parts)."}
      </p>
    </fieldset>
  );
}
