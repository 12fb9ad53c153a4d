import type { IncidentView } from "@/lib/services/get-incident";
import { ClassBadge } from "./class-badge";
import Link from "next/link";
import { evidenceHref } from "./evidence-link";
import { lineRange } from "./event-table";

export function RootCauseCard({ rootCause }: { rootCause: NonNullable<IncidentView["rootCause"]> }) {
  const fields = Object.entries(rootCause.fields);
  return (
    <section aria-labelledby="root-cause-heading" className="rounded-lg border border-rose-200 bg-white p-4 dark:border-rose-900 dark:bg-slate-900">
      <div className="flex items-center gap-3">
        <h2 id="root-cause-heading" className="text-lg font-semibold">Root cause</h2>
        <ClassBadge cls={rootCause.class} />
        <Link href={evidenceHref(rootCause)} className="font-mono text-xs text-rose-700 hover:underline dark:text-rose-400" data-testid="root-cause-line">
          {rootCause.file ? `${rootCause.file}: ` : ""}line {lineRange(rootCause.line, rootCause.endLine)}
        </Link>
      </div>
      <p className="mt-2 font-mono text-sm break-all whitespace-pre-wrap">{rootCause.message}</p>
      {fields.length > 0 ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {fields.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
              <dd className="font-mono break-all">{String(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
