// The trace's syscalls like `strace -c` prints them (count, errors, time), computed from the trace
// itself: the busiest first, the rest behind a disclosure.
import type { StraceSyscallSummary } from "@/lib/analysis/types";

const SHOWN = 12;
const cell = "py-1 pr-3 text-right tabular-nums";

function Rows({ rows, total }: { rows: StraceSyscallSummary[]; total: number }) {
  return (
    <>
      {rows.map((s) => (
        <tr key={s.syscall} className="border-b border-slate-100 dark:border-slate-800/60">
          <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{s.syscall}</th>
          <td className={cell}>{s.calls}</td>
          <td className={`${cell} ${s.errors ? "font-semibold text-rose-800 dark:text-rose-300" : ""}`}>{s.errors || ""}</td>
          <td className={cell}>{s.seconds.toFixed(6)}</td>
          <td className={cell}>{total > 0 ? ((100 * s.seconds) / total).toFixed(1) : "0.0"}</td>
        </tr>
      ))}
    </>
  );
}

function Table({ rows, total, label }: { rows: StraceSyscallSummary[]; total: number; label: string }) {
  return (
    <table className="w-full max-w-2xl border-collapse text-sm" aria-label={label}>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
          <th scope="col" className="py-1 pr-3 text-left font-medium">syscall</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">calls</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">errors</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">seconds</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">% time</th>
        </tr>
      </thead>
      <tbody>
        <Rows rows={rows} total={total} />
      </tbody>
    </table>
  );
}

export function SyscallSummaryTable({ syscalls }: { syscalls: StraceSyscallSummary[] }) {
  if (syscalls.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">The trace has no timed syscalls.</p>;
  const sorted = [...syscalls].sort((a, b) => b.seconds - a.seconds || b.calls - a.calls);
  const total = sorted.reduce((t, s) => t + s.seconds, 0);
  return (
    <div className="space-y-2 overflow-x-auto">
      <Table rows={sorted.slice(0, SHOWN)} total={total} label="Syscall summary" />
      {sorted.length > SHOWN ? (
        <details>
          <summary className="cursor-pointer text-sm">{sorted.length - SHOWN} more syscalls</summary>
          <Table rows={sorted.slice(SHOWN)} total={total} label="Syscall summary, continued" />
        </details>
      ) : null}
    </div>
  );
}
