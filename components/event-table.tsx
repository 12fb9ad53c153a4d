import type { ClassGroup } from "@/lib/services/group-incident-events";
import { classLabel } from "@/lib/services/incident-title";
import Link from "next/link";
import { ClassBadge } from "./class-badge";
import { evidenceHref } from "./evidence-link";
import { formatUtc } from "./timeline-format";

export function lineRange(line: number, endLine: number): string {
  return endLine > line ? `${line}–${endLine}` : String(line);
}

function When({ first, last }: { first: string; last: string }) {
  return (
    <>
      <time dateTime={first} className="block whitespace-nowrap">{formatUtc(first)}</time>
      {last !== first ? (
        <time dateTime={last} className="block whitespace-nowrap">
          <span aria-hidden="true">– </span>
          <span className="sr-only">to </span>
          {formatUtc(last)}
        </time>
      ) : null}
    </>
  );
}

/** Events of an incident's builds by class (root cause's class first), the same failure across builds folded into one row. */
export function EventTable({ sections }: { sections: ClassGroup[] }) {
  if (sections.length === 0) return <p className="text-slate-600 dark:text-slate-400">No error events were found in these logs.</p>;
  return (
    <div className="overflow-x-auto">
    <table className="w-full border-collapse text-sm" aria-label="Error events">
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <th scope="col" className="py-2 pr-3 font-medium">Class</th>
          <th scope="col" className="py-2 pr-3 font-medium">Where</th>
          <th scope="col" className="py-2 pr-3 font-medium">Message</th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">Count</th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">Builds</th>
          <th scope="col" className="py-2 font-medium">First – last seen (UTC)</th>
        </tr>
      </thead>
      {sections.map((s) => (
        <tbody key={s.class} data-testid="event-class" data-class-group={s.class}>
          <tr className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
            <th scope="rowgroup" colSpan={3} className="py-1.5 pr-3 text-left font-semibold">
              {classLabel(s.class)}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-400">
                · {s.groups.length < s.distinct ? `showing ${s.groups.length} of ${s.distinct} distinct failures` : `${s.distinct} distinct`}
              </span>
            </th>
            <td className="py-1.5 pr-3 text-right font-semibold tabular-nums" data-testid="event-class-count">{s.count}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{s.uploads}</td>
            <td className="py-1.5 text-xs tabular-nums text-slate-600 dark:text-slate-400">
              <When first={s.firstSeenAt} last={s.lastSeenAt} />
            </td>
          </tr>
          {s.groups.map(({ first: e, count, uploads, isRootCause, firstSeenAt, lastSeenAt }) => (
            <tr key={e.id} data-testid="event-row" className={`border-b border-slate-100 align-top dark:border-slate-800/60 ${isRootCause ? "bg-rose-50 dark:bg-rose-950/30" : ""}`}>
              <td className="py-2 pr-3 whitespace-nowrap"><ClassBadge cls={e.class} /></td>
              <td className="py-2 pr-3 whitespace-nowrap font-mono text-xs">
                {e.file ? <span className="block text-slate-500 dark:text-slate-400">{e.file}</span> : null}
                <Link href={evidenceHref(e)} data-testid="event-line" className="text-rose-700 hover:underline dark:text-rose-400">
                  line {lineRange(e.line, e.endLine)}
                </Link>
                {e.step ? <span className="block text-slate-500 dark:text-slate-400">{e.step}</span> : null}
              </td>
              <td className="py-2 pr-3 font-mono text-xs whitespace-pre-wrap wrap-anywhere">{e.message}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{count}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{uploads}</td>
              <td className="py-2 text-xs tabular-nums text-slate-600 dark:text-slate-400">
                <When first={firstSeenAt} last={lastSeenAt} />
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
    </div>
  );
}
