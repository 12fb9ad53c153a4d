// An incident's impact: what the builds say (computed when read) and the rows people added.
import type { ReactNode } from "react";
import type { IncidentImpact } from "@/lib/services/get-incident";
import type { ImpactCount } from "@/lib/services/compute-impact";
import type { ActionResult, FormAction } from "./incident-action-result";
import { ImpactRowForm, RemoveImpactRowButton } from "./impact-row-form";
import { formatDuration, formatUtc } from "./timeline-format";

const MAX_LISTED = 8;

const minutes = (m: number) => (m >= 0.1 || m === 0 ? m.toFixed(1) : "< 0.1");

function Counts({ items, none = "unknown" }: { items: ImpactCount[]; none?: string }) {
  if (items.length === 0) return <span className="text-slate-500 dark:text-slate-400">{none}</span>;
  const shown = items.slice(0, MAX_LISTED);
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {shown.map((c) => (
        <li key={c.value} className="break-all">
          <span className="font-mono text-xs">{c.value}</span>{" "}
          <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
            ({c.builds} build{c.builds === 1 ? "" : "s"}
            {c.occurrences !== undefined && c.occurrences !== c.builds ? `, ${c.occurrences}×` : ""})
          </span>
        </li>
      ))}
      {items.length > shown.length ? <li className="text-xs text-slate-500 dark:text-slate-400">and {items.length - shown.length} more</li> : null}
    </ul>
  );
}

export function ImpactTable({
  impact,
  status,
  addAction,
  removeAction,
  disabled,
}: {
  impact: IncidentImpact;
  status: string;
  addAction: FormAction;
  removeAction: (rowId: string) => Promise<ActionResult>;
  disabled?: boolean;
}) {
  const rows: [string, ReactNode][] = [
    ["Failed runs", <span key="runs" className="tabular-nums">{impact.failedRuns}</span>],
    [
      "Failed jobs",
      <span key="jobs">
        <span className="tabular-nums">{impact.failedJobs}</span>
        {impact.jobs.length ? <span className="ml-2 inline-block align-top"><Counts items={impact.jobs} /></span> : null}
      </span>,
    ],
    ["Builds", <span key="builds" className="tabular-nums">{impact.builds}</span>],
    ["Repositories", <Counts key="repos" items={impact.repos} />],
    ["Branches", <Counts key="branches" items={impact.branches} />],
    ["Modules", <Counts key="modules" items={impact.modules} none="none named" />],
    ["Hosts", <Counts key="hosts" items={impact.hosts} none="none named" />],
    ["Paths", <Counts key="paths" items={impact.paths} none="none named" />],
    ["Occurrences", <span key="occ" className="tabular-nums">{impact.occurrences}</span>],
    ["First seen", <time key="first" dateTime={impact.firstSeenAt}>{formatUtc(impact.firstSeenAt)} UTC</time>],
    ["Last seen", <time key="last" dateTime={impact.lastSeenAt}>{formatUtc(impact.lastSeenAt)} UTC</time>],
    ["Duration", <span key="dur">{formatDuration(impact.durationMs)}{status === "resolved" ? " (until resolved)" : " (so far)"}</span>],
    [
      "Runner-minutes lost",
      impact.runnerMinutesLost === null ? (
        <span key="min" className="text-slate-500 dark:text-slate-400">unknown (no build has start and end times)</span>
      ) : (
        <span key="min">
          <span className="tabular-nums">{minutes(impact.runnerMinutesLost)}</span>
          <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
            from {impact.runnerMinutesKnownFor} of {impact.builds} build{impact.builds === 1 ? "" : "s"}
          </span>
        </span>
      ),
    ],
  ];
  return (
    <div className="space-y-3">
      <table className="w-full border-collapse text-sm" aria-label="Impact" data-testid="impact-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label} className="border-b border-slate-100 align-top dark:border-slate-800/60">
              <th scope="row" className="w-48 py-1.5 pr-3 text-left font-medium text-slate-600 dark:text-slate-400">{label}</th>
              <td className="py-1.5" data-testid={`impact-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</td>
            </tr>
          ))}
          {impact.manual.map((r) => (
            <tr key={r.id} data-testid="impact-manual-row" className="border-b border-slate-100 align-top dark:border-slate-800/60">
              <th scope="row" className="py-1.5 pr-3 text-left font-medium break-words text-slate-600 dark:text-slate-400">{r.label}</th>
              <td className="py-1.5">
                <div className="flex items-start justify-between gap-3">
                  <span className="break-words">{r.value}</span>
                  <RemoveImpactRowButton label={r.label} action={removeAction.bind(null, r.id)} disabled={disabled} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImpactRowForm action={addAction} disabled={disabled} />
    </div>
  );
}
