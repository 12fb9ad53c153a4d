"use client";
// The builds an incident holds, with the two ways to take some of them out: split them into a new
// incident, or move them to another one.
import Link from "next/link";
import { useActionState, useState } from "react";
import type { IncidentUploadView } from "@/lib/services/get-incident";
import { ClassBadge } from "./class-badge";
import { IDLE, type FormAction } from "./incident-action-result";
import { IncidentFormStatus, inputClass, secondaryButtonClass } from "./incident-form-status";
import { formatDuration, formatUtc } from "./timeline-format";

export interface OtherIncident {
  id: string;
  title: string;
}

function buildName(u: IncidentUploadView): string {
  return [u.repo, u.branch, u.failedJobs.join(", ") || null].filter(Boolean).join(" · ") || u.files.join(", ");
}

export function IncidentBuilds({
  uploads,
  others,
  splitAction,
  moveAction,
  disabled,
}: {
  uploads: IncidentUploadView[];
  others: OtherIncident[];
  splitAction: FormAction;
  moveAction: FormAction;
  disabled?: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [splitResult, split, splitting] = useActionState(splitAction, IDLE);
  const [moveResult, move, moving] = useActionState(moveAction, IDLE);
  if (uploads.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No builds: they were merged or moved to other incidents.</p>;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // Builds split or moved away since they were ticked are not selected any more.
  const live = new Set([...selected].filter((id) => uploads.some((u) => u.id === id)));
  const none = live.size === 0;
  return (
    <form aria-label="Builds" className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" aria-label="Builds in this incident">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <th scope="col" className="w-8 py-2 pr-2 font-medium"><span className="sr-only">Select</span></th>
              <th scope="col" className="py-2 pr-3 font-medium">Build</th>
              <th scope="col" className="py-2 pr-3 font-medium">Root cause</th>
              <th scope="col" className="py-2 pr-3 font-medium">Started (UTC)</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Ran for</th>
              <th scope="col" className="py-2 font-medium">Log</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => {
              const name = buildName(u);
              const ran = u.startedAt && u.finishedAt ? Date.parse(u.finishedAt) - Date.parse(u.startedAt) : null;
              return (
                <tr key={u.id} data-testid="build-row" className="border-b border-slate-100 align-top dark:border-slate-800/60">
                  <td className="py-2 pr-2">
                    <input
                      type="checkbox"
                      name="uploadId"
                      value={u.id}
                      id={`build-${u.id}`}
                      checked={live.has(u.id)}
                      onChange={(e) => toggle(u.id, e.target.checked)}
                      disabled={disabled}
                      className="size-4 accent-rose-700"
                    />
                  </td>
                  <td className="py-2 pr-3">
                    <label htmlFor={`build-${u.id}`} className="break-all">
                      <span className="sr-only">Select build </span>
                      {name}
                    </label>
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {u.commitSha ? <span className="font-mono">{u.commitSha.slice(0, 7)} </span> : null}
                      {u.runUrl ? (
                        <a href={u.runUrl} className="text-rose-700 hover:underline dark:text-rose-400" rel="noreferrer">
                          CI run{u.runId ? ` ${u.runId}` : ""}
                        </a>
                      ) : u.runId ? `run ${u.runId}` : null}
                      {u.pinned ? <span className="ml-1" title="A person put this build here; re-analysis keeps it here">· placed by hand</span> : null}
                    </span>
                  </td>
                  <td className="py-2 pr-3">{u.rootCauseClass ? <ClassBadge cls={u.rootCauseClass} /> : <span className="text-slate-500">none</span>}</td>
                  <td className="py-2 pr-3 text-xs whitespace-nowrap tabular-nums">{u.startedAt ? formatUtc(u.startedAt) : <span className="text-slate-500 dark:text-slate-400">uploaded {formatUtc(u.createdAt)}</span>}</td>
                  <td className="py-2 pr-3 text-right text-xs whitespace-nowrap tabular-nums">{ran !== null && ran >= 0 ? formatDuration(ran) : "–"}</td>
                  <td className="py-2 text-xs">
                    <Link href={`/uploads/${u.id}/log`} className="text-rose-700 hover:underline dark:text-rose-400" aria-label={`Log of build ${name}`}>
                      {u.files.length === 1 ? u.files[0] : `${u.files.length} files`}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <button type="submit" formAction={split} disabled={disabled || none || splitting || live.size === uploads.length} className={secondaryButtonClass}>
          {splitting ? "Splitting…" : live.size ? `Split ${live.size} selected into a new incident` : "Split selected into a new incident"}
        </button>
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor="move-target" className="block text-sm font-medium">Move selected to</label>
            <select id="move-target" name="target" defaultValue="" disabled={disabled || others.length === 0} className={`${inputClass} max-w-72`}>
              <option value="" disabled>
                {others.length ? "choose an incident" : "no other incidents"}
              </option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>{o.title}</option>
              ))}
            </select>
          </div>
          <button type="submit" formAction={move} disabled={disabled || none || moving || others.length === 0} className={secondaryButtonClass}>
            {moving ? "Moving…" : "Move"}
          </button>
        </div>
      </div>
      <IncidentFormStatus result={splitResult.status !== "idle" ? splitResult : moveResult} testId="builds-status" />
    </form>
  );
}
