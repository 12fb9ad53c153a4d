// The traced processes as a tree (fork/clone/execve): command line, how each ended, when it started and
// how long it lived. The process whose failed call is the root cause is highlighted, and its ancestors
// marked: their exit statuses are how the failure reached the build.
import type { StoredProcess } from "@/lib/services/stored-trace-report";
import { commandLine, exitStatus, prepareProcessTree } from "./process-tree-data";
import { formatOffset } from "./swimlane-chart-data";

const dim = "text-slate-600 dark:text-slate-400";

function lifetime(p: StoredProcess, startOffsetMs: number | undefined): string {
  const parts: string[] = [];
  if (startOffsetMs !== undefined) parts.push(`started ${formatOffset(startOffsetMs, "time")}`);
  if (p.durationMs !== undefined) parts.push(`lived ${p.durationMs < 1 ? "<1 ms" : p.durationMs < 10_000 ? `${p.durationMs.toFixed(p.durationMs < 100 ? 1 : 0)} ms` : `${(p.durationMs / 1000).toFixed(1)} s`}`);
  return parts.join(", ");
}

export function ProcessTree({ processes, processCount, failingPid }: { processes: StoredProcess[]; processCount: number; failingPid: number | undefined }) {
  const tree = prepareProcessTree(processes, failingPid);
  const left = tree.hidden + (processCount - processes.length);
  return (
    <div className="space-y-2">
      <ul aria-label="Process tree" className="space-y-1 text-sm">
        {tree.rows.map(({ process: p, depth, failing, onFailingPath, startOffsetMs }) => {
          const status = exitStatus(p);
          return (
            <li
              key={p.pid}
              data-pid={p.pid}
              data-failing={failing || undefined}
              aria-current={failing ? "true" : undefined}
              style={{ marginLeft: `${Math.min(depth, 12) * 1.25}rem` }}
              className={`rounded border px-3 py-1.5 ${failing ? "border-rose-400 bg-rose-50 dark:border-rose-700 dark:bg-rose-950/40" : onFailingPath ? "border-amber-300 dark:border-amber-800" : "border-slate-200 dark:border-slate-800"}`}
            >
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className={`font-mono text-xs ${dim}`}>
                  {depth > 0 ? <span aria-hidden="true">└ </span> : null}pid {p.pid}
                </span>
                <span className={`rounded px-1.5 text-xs font-medium ${status.failed ? "bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100" : "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200"}`}>{status.text}</span>
                {failing ? <span className="text-xs font-semibold text-rose-800 dark:text-rose-300">root cause here</span> : null}
                <span className={`ml-auto text-xs ${dim}`}>{lifetime(p, startOffsetMs)}</span>
              </div>
              <code className="block font-mono text-xs break-all">{commandLine(p) || "(command line not in trace)"}</code>
            </li>
          );
        })}
      </ul>
      <p className={`text-xs ${dim}`}>
        Red: the process whose failed call is the root cause; amber: its parents, whose exit statuses carried the failure up.
        {left > 0 ? ` ${left} more process${left === 1 ? "" : "es"} not shown.` : ""}
      </p>
    </div>
  );
}
