"use client";
// The upload's optional build details, folded away under "Details" until wanted. Opened (and the
// first wrong field focused by the form) when a value needs fixing.
import { DETAIL_MAX_LENGTH, type DetailErrors, type DetailField, type UploadDetails } from "./upload-details";

const FIELDS: { key: DetailField; label: string; placeholder: string; type: "text" | "url"; mono?: boolean }[] = [
  { key: "repo", label: "Repository", placeholder: "acme/edge-deploy", type: "text" },
  { key: "branch", label: "Branch", placeholder: "main", type: "text" },
  { key: "commitSha", label: "Commit", placeholder: "3f2c1a9…", type: "text", mono: true },
  { key: "runUrl", label: "CI run URL", placeholder: "https://github.com/acme/edge-deploy/actions/runs/…", type: "url" },
];

export const detailInputId = (key: DetailField) => `upload-detail-${key}`;

export function UploadDetailsFields({
  details,
  errors,
  open,
  onOpenChange,
  onChange,
}: {
  details: UploadDetails;
  errors: DetailErrors;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChange: (key: DetailField, value: string) => void;
}) {
  const filled = Object.values(details).filter((v) => v.trim() !== "").length;
  return (
    <details open={open} onToggle={(e) => onOpenChange(e.currentTarget.open)} className="group rounded border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer rounded px-3 py-2 text-sm font-medium select-none hover:bg-slate-50 dark:hover:bg-slate-800">
        Details <span className="font-normal text-slate-600 dark:text-slate-300">(optional: repository, branch, commit, CI run{filled ? `; ${filled} filled in` : ""})</span>
      </summary>
      <div className="grid gap-3 border-t border-slate-200 p-3 sm:grid-cols-2 dark:border-slate-700">
        {FIELDS.map((f) => {
          const id = detailInputId(f.key);
          const error = errors[f.key];
          return (
            <div key={f.key} className={`space-y-1 ${f.key === "runUrl" ? "sm:col-span-2" : ""}`}>
              <label htmlFor={id} className="block text-sm font-medium">
                {f.label}
              </label>
              <input
                id={id}
                type={f.type}
                name={f.key}
                value={details[f.key]}
                onChange={(e) => onChange(f.key, e.target.value)}
                maxLength={DETAIL_MAX_LENGTH[f.key]}
                placeholder={f.placeholder}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`block w-full rounded border bg-white px-2 py-1 text-sm placeholder:text-slate-500 dark:bg-slate-950 dark:placeholder:text-slate-400 ${f.mono ? "font-mono" : ""} ${
                  error ? "border-rose-600 dark:border-rose-400" : "border-slate-300 dark:border-slate-600"
                }`}
              />
              {error ? (
                <p id={`${id}-error`} className="text-sm text-rose-700 dark:text-rose-300">
                  {f.label}: {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-300">Sent with every upload of this batch and shown on its incident.</p>
      </div>
    </details>
  );
}
