"use client";
// "Make this an action item" for one runbook step; the page decides what that does (a client callback or
// a server action).
import { useState, useTransition } from "react";

export interface RunbookActionItemDraft {
  runbookId: string;
  section: "fix" | "prevent";
  /** SRE postmortem action-item type: fix steps mitigate, prevent steps prevent. */
  type: "mitigate" | "prevent";
  title: string;
  command?: string;
}

export function RunbookActionItemButton({
  draft,
  onMakeActionItem,
  describedBy,
}: {
  draft: RunbookActionItemDraft;
  onMakeActionItem: (draft: RunbookActionItemDraft) => void | Promise<void>;
  describedBy?: string;
}) {
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      aria-describedby={describedBy}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await onMakeActionItem(draft);
          setDone(true);
        })
      }
      className="rounded px-2 py-1 text-xs font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:text-rose-400"
    >
      {pending ? "Adding…" : done ? "Added as action item" : "Make this an action item"}
    </button>
  );
}
