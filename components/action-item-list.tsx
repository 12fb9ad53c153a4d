import type { IncidentView } from "@/lib/services/get-incident";

export function ActionItemList({ items }: { items: IncidentView["actionItems"] }) {
  if (items.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No action items yet. Runbook fix and prevent steps can be added with one click.</p>;
  }
  return (
    <ul className="space-y-2" data-testid="action-items">
      {items.map((a) => (
        <li key={a.id} className="rounded border border-slate-200 bg-white p-2 text-sm dark:border-slate-800 dark:bg-slate-900">
          <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium capitalize dark:bg-slate-800">{a.type ?? "untyped"}</span>
          <span className="break-words">{a.title}</span>
          <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
            {a.status.replace("_", " ")} · {a.owner ? `owner ${a.owner}` : "no owner yet"}
          </span>
        </li>
      ))}
    </ul>
  );
}
