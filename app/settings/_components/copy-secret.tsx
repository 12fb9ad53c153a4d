"use client";
// A secret shown once (API token, invitation link): selectable, with a copy button.
import { useState } from "react";
import { secondaryButton } from "../../login/_components/styles";

async function copyText(text: string): Promise<void> {
  // Plain-HTTP self-hosted installs are not a secure context: fall back to execCommand.
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopySecret({ label, value, note }: { label: string; value: string; note: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950/40">
      <label htmlFor="copy-secret" className="block text-sm font-medium text-emerald-900 dark:text-emerald-200">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id="copy-secret"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="secret-value"
          className="block w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
        />
        <button type="button" className={secondaryButton} onClick={() => copyText(value).then(() => setState("copied"), () => setState("failed"))}>
          {state === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="text-xs text-emerald-900 dark:text-emerald-200">{note}</p>
      <span role="status" aria-live="polite" className="sr-only">
        {state === "copied" ? "Copied to the clipboard" : state === "failed" ? "Could not copy; select the text and copy it manually" : ""}
      </span>
    </div>
  );
}
