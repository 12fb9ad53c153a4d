import Link from "next/link";
import type { IncidentSummary } from "@/lib/services/list-incidents";
import { ClassBadge } from "./class-badge";

export function IncidentList({ incidents }: { incidents: IncidentSummary[] }) {
  if (incidents.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No incidents yet. <Link className="text-rose-700 underline dark:text-rose-400" href="/upload">Upload a failed build log</Link> to open one.
      </p>
    );
  }
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <th className="py-2 pr-4 font-medium">Incident</th>
          <th className="py-2 pr-4 font-medium">Class</th>
          <th className="py-2 pr-4 font-medium">Status</th>
          <th className="py-2 pr-4 text-right font-medium">Builds hit</th>
          <th className="py-2 font-medium">Last seen (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <tr key={i.id} className="border-b border-slate-100 dark:border-slate-800/60">
            <td className="py-2 pr-4">
              <Link href={`/incidents/${i.id}`} className="font-medium text-slate-900 hover:underline dark:text-slate-100">
                {i.title}
              </Link>
            </td>
            <td className="py-2 pr-4"><ClassBadge cls={i.rootCauseClass} /></td>
            <td className="py-2 pr-4 capitalize">{i.status}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{i.occurrenceCount}</td>
            <td className="py-2 tabular-nums">{i.lastSeenAt.replace("T", " ").slice(0, 19)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
