// The incidents page's result rows. Presentational: rows come from GET /api/v1/incidents/search.
import Link from "next/link";
import type { IncidentSearchRow } from "@/lib/services/search-incidents";
import { ClassBadge } from "./class-badge";
import { SeverityBadge, StatusBadge } from "./incidents-badges";

const utc = (iso: string) => iso.replace("T", " ").slice(0, 16);

export function IncidentsTable({ rows, busy }: { rows: IncidentSearchRow[]; busy: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table aria-busy={busy} aria-label="Incidents" className={`w-full border-collapse text-sm transition-opacity ${busy ? "opacity-60" : ""}`}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <th scope="col" className="py-2 pr-4 font-medium">Incident</th>
            <th scope="col" className="py-2 pr-4 font-medium">Class</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 pr-4 font-medium">Severity</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium whitespace-nowrap">Builds hit</th>
            <th scope="col" className="py-2 pr-4 font-medium whitespace-nowrap">First seen (UTC)</th>
            <th scope="col" className="py-2 font-medium whitespace-nowrap">Last seen (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="incident-row" className="border-b border-slate-100 align-top dark:border-slate-800/60">
              <td className="max-w-xl py-2 pr-4">
                <Link href={`/incidents/${r.id}`} className="font-medium break-words text-slate-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-slate-100">
                  {r.title}
                </Link>
                {r.repos.length ? <span className="block text-xs text-slate-600 dark:text-slate-400">{r.repos.join(", ")}</span> : null}
                {r.match ? (
                  <span className="mt-0.5 block font-mono text-xs break-all text-slate-700 dark:text-slate-300" data-testid="incident-match">
                    <span className="font-sans text-slate-600 dark:text-slate-400">matched in events: </span>
                    {r.match.text}
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-4"><ClassBadge cls={r.rootCauseClass} /></td>
              <td className="py-2 pr-4"><StatusBadge status={r.status} /></td>
              <td className="py-2 pr-4"><SeverityBadge severity={r.severity} /></td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.occurrenceCount}</td>
              <td className="py-2 pr-4 tabular-nums whitespace-nowrap">{utc(r.firstSeenAt)}</td>
              <td className="py-2 tabular-nums whitespace-nowrap">{utc(r.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
