// What the strace report says about an incident's trace: the process tree with the failing process,
// where its failed paths broke, and the syscall summary.
import type { StoredTraceReport } from "@/lib/services/stored-trace-report";
import { PathResolutionList } from "./path-resolution-list";
import { failingProcess } from "./process-tree-data";
import { ProcessTree } from "./process-tree";
import { SyscallSummaryTable } from "./syscall-summary-table";

export interface TraceRootCause {
  pid?: number;
  line?: number;
  file?: string | null;
}

const h3 = "text-base font-semibold";

export function TraceReportSection(props: { uploadId: string; report: StoredTraceReport; rootCause: TraceRootCause | null; threadOf: Map<number, number>; traceCount: number }) {
  const { report } = props;
  const failingPid = failingProcess(report.processes, props.rootCause?.pid, props.threadOf);
  return (
    <section aria-labelledby="trace-heading" className="space-y-4">
      <h2 id="trace-heading" className="text-lg font-semibold">
        Trace <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({report.processCount} process{report.processCount === 1 ? "" : "es"}, {report.filesFailedCount} failed file lookups, {report.filesOpenedCount} files opened)</span>
      </h2>
      {props.traceCount > 1 ? <p className="text-sm text-slate-600 dark:text-slate-400">The trace of the root cause&apos;s build; {props.traceCount - 1} more traced build{props.traceCount === 2 ? "" : "s"} in this incident (see Builds).</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <h3 className={h3}>Process tree</h3>
          <ProcessTree processes={report.processes} processCount={report.processCount} failingPid={failingPid} />
        </div>
        <div className="min-w-0 space-y-2">
          <h3 className={h3}>Where the paths broke</h3>
          <PathResolutionList uploadId={props.uploadId} resolutions={report.pathResolutions} rootCause={props.rootCause} />
        </div>
      </div>
      <div className="space-y-2">
        <h3 className={h3}>Syscalls</h3>
        <SyscallSummaryTable syscalls={report.syscalls} />
      </div>
    </section>
  );
}
