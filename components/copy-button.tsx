"use client";
// Copies text to the clipboard and says so to screen readers. Plain-HTTP self-hosted installs are not
// a secure context (no Clipboard API): the fallback selects the text in a hidden textarea and uses
// execCommand("copy").
import { useEffect, useState } from "react";

async function copyText(text: string): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({ text, label, what, ariaLabel, describedBy }: { text: string; label: string; what: string; ariaLabel?: string; describedBy?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <>
      <button
        type="button"
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        onClick={() => copyText(text).then(() => setState("copied"), () => setState("failed"))}
        className="shrink-0 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
      >
        {state === "copied" ? "Copied" : label}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === "copied" ? `${what} copied to the clipboard` : state === "failed" ? `Could not copy; select the ${what.toLowerCase()} and copy it manually` : ""}
      </span>
    </>
  );
}
