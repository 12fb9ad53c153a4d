// Where each failed path broke: the path as the program gave it, the cwd a relative one was resolved
// against, and the resolved path with the part that exists, the first missing component, and what
// lies beyond it.
import Link from "next/link";
import type { StoredTraceReport } from "@/lib/services/stored-trace-report";
import { evidenceHref } from "./evidence-link";
import { orderResolutions, pathSegments } from "./path-resolution-data";

const dim = "text-slate-600 dark:text-slate-400";
const SHOWN = 8;

export function PathResolutionList(props: { uploadId: string; resolutions: StoredTraceReport["pathResolutions"]; rootCause: { pid?: number; line?: number; file?: string | null } | null }) {
  const ordered = orderResolutions(props.resolutions, props.rootCause);
  if (ordered.length === 0) return <p className={`text-sm ${dim}`}>No failed path lookups in this trace.</p>;
  const item = (r: (typeof ordered)[number], i: number) => {
    const seg = pathSegments(r);
    const isRoot = i === 0 && ordered.length > 0 && props.rootCause?.line === r.line && props.rootCause?.pid === r.pid;
    return (
      <li key={`${r.file ?? ""}:${r.line}:${r.path}`} data-testid="path-resolution" data-root-cause={isRoot || undefined} className="rounded border border-slate-200 p-3 dark:border-slate-800">
        <p className="font-mono text-sm break-all">
          <span>{seg.existing}</span>
          {seg.missing ? <mark className="rounded bg-rose-100 px-0.5 font-semibold text-rose-900 dark:bg-rose-900/60 dark:text-rose-100">{seg.missing}</mark> : null}
          <span className={dim}>{seg.rest}</span>
        </p>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-xs">
          {seg.missing ? (
            <>
              <dt className={dim}>missing</dt>
              <dd className="font-mono break-all" data-testid="missing-component">{seg.missing}</dd>
            </>
          ) : null}
          {r.path !== r.resolved ? (
            <>
              <dt className={dim}>as given</dt>
              <dd className="font-mono break-all">{r.path}</dd>
            </>
          ) : null}
          {r.cwd ? (
            <>
              <dt className={dim}>cwd</dt>
              <dd className="font-mono break-all">{r.cwd}</dd>
            </>
          ) : null}
          <dt className={dim}>where</dt>
          <dd>
            {r.pid !== undefined ? `pid ${r.pid}, ` : ""}
            <Link href={evidenceHref({ uploadId: props.uploadId, file: r.file ?? null, line: r.line, endLine: r.line })} className="text-rose-700 underline dark:text-rose-400">
              {r.file ? `${r.file}: ` : ""}line {r.line}
            </Link>
            {isRoot ? <span className="ml-2 font-semibold text-rose-800 dark:text-rose-300">root cause</span> : null}
          </dd>
        </dl>
      </li>
    );
  };
  return (
    <div className="space-y-2">
      <ul aria-label="Failed paths" className="space-y-2">{ordered.slice(0, SHOWN).map(item)}</ul>
      {ordered.length > SHOWN ? (
        <details>
          <summary className="cursor-pointer text-sm">{ordered.length - SHOWN} more failed paths</summary>
          <ul className="mt-2 space-y-2">{ordered.slice(SHOWN).map((r, i) => item(r, i + SHOWN))}</ul>
        </details>
      ) : null}
    </div>
  );
}
