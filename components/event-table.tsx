import type { IncidentEventView } from "@/lib/services/get-incident";
import Link from "next/link";
import { ClassBadge } from "./class-badge";
import { evidenceHref } from "./evidence-link";
import { groupEvents } from "./group-events";

export function lineRange(line: number, endLine: number): string {
  return endLine > line ? `${line}–${endLine}` : String(line);
}

export function EventTable({ events }: { events: IncidentEventView[] }) {
  if (events.length === 0) return <p className="text-slate-600 dark:text-slate-400">No error events were found in these logs.</p>;
  return (
    <table className="w-full border-collapse text-sm" aria-label="Error events">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <th className="py-2 pr-3 font-medium">Class</th>
          <th className="py-2 pr-3 font-medium">Where</th>
          <th className="py-2 pr-3 font-medium">Message</th>
          <th className="py-2 pr-3 text-right font-medium">Count</th>
          <th className="py-2 text-right font-medium">Builds</th>
        </tr>
      </thead>
      <tbody>
        {groupEvents(events).map(({ first: e, count, uploads, isRootCause }) => (
          <tr key={e.id} data-testid="event-row" className={`border-b border-slate-100 align-top dark:border-slate-800/60 ${isRootCause ? "bg-rose-50 dark:bg-rose-950/30" : ""}`}>
            <td className="py-2 pr-3 whitespace-nowrap"><ClassBadge cls={e.class} /></td>
            <td className="py-2 pr-3 whitespace-nowrap font-mono text-xs">
              {e.file ? <span className="block text-slate-500">{e.file}</span> : null}
              <Link href={evidenceHref(e)} data-testid="event-line" className="text-rose-700 hover:underline dark:text-rose-400">
                line {lineRange(e.line, e.endLine)}
              </Link>
              {e.step ? <span className="block text-slate-500">{e.step}</span> : null}
            </td>
            <td className="py-2 pr-3 font-mono text-xs break-all whitespace-pre-wrap">{e.message}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{count}</td>
            <td className="py-2 text-right tabular-nums">{uploads}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
