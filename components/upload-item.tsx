"use client";
// One upload on the upload page (a file, or several sent together): its transfer, which can be
// cancelled, then its analysis as the worker reports it, then where it led (the incident, no failure
// found, the failure, or the server's reason for refusing it).
import Link from "next/link";
import type { ReactNode } from "react";
import type { UploadStatusView } from "@/lib/services/get-upload";
import { ClassBadge } from "./class-badge";
import { formatSize } from "./format-size";
import { ProgressBar } from "./progress-bar";
import { summarizeDetails, type UploadDetails } from "./upload-details";
import { describeFiles } from "./upload-grouping";
import { useEarlierUpload, useUploadStatus } from "./use-upload-status";

export interface UploadItemState {
  key: string;
  files: { name: string; size: number }[];
  /** The files' bytes together. */
  size: number;
  /** `storing`: every byte has left, the server has not answered yet (too late to cancel). */
  phase: "waiting" | "sending" | "storing" | "sent" | "refused" | "cancelled";
  sentBytes: number;
  uploadId: string | null;
  duplicateOf: string | null;
  /** Why the server (HTTP status and its problem+json detail) or the network refused the upload. */
  refusal: string | null;
  /** The build details sent with it. */
  details: Partial<UploadDetails>;
}

const LINK = "font-medium text-rose-700 underline underline-offset-2 hover:text-rose-900 dark:text-rose-300 dark:hover:text-rose-200";

export function UploadItem({ item, onCancel }: { item: UploadItemState; onCancel: () => void }) {
  const { data: status, transport } = useUploadStatus(item.uploadId);
  const label = describeFiles(item.files.map((f) => f.name));
  const several = item.files.length > 1;
  const summary = summarizeDetails(item.details);
  const cancellable = item.phase === "waiting" || item.phase === "sending";
  return (
    <li
      data-testid="upload-item"
      data-phase={item.phase}
      data-transport={item.uploadId ? transport : undefined}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        {several ? <span className="text-sm font-medium">One upload of {item.files.length} files</span> : <span className="font-mono text-sm break-all">{item.files[0].name}</span>}
        <span className="ml-auto text-sm text-slate-600 tabular-nums dark:text-slate-300">{formatSize(item.size)}</span>
        {cancellable ? (
          <button
            type="button"
            onClick={onCancel}
            className="rounded border border-slate-300 bg-white px-2.5 py-0.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
          >
            Cancel<span className="sr-only"> the upload of {label}</span>
          </button>
        ) : null}
      </div>
      {several ? (
        <ul aria-label={`Files in the upload of ${label}`} className="flex flex-wrap gap-1.5 text-xs">
          {item.files.map((f) => (
            <li key={f.name} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono break-all dark:bg-slate-800">
              {f.name} <span className="text-slate-600 dark:text-slate-300">{formatSize(f.size)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {summary || item.details.runUrl ? (
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="upload-item-details">
          {summary}
          {summary && item.details.runUrl ? " · " : ""}
          {item.details.runUrl ? (
            <a href={item.details.runUrl} rel="noreferrer" className={LINK}>
              CI run<span className="sr-only"> of {label}</span>
            </a>
          ) : null}
        </p>
      ) : null}
      <ProgressBar
        label="Transfer"
        name={`Transfer of ${label}`}
        value={item.sentBytes}
        max={item.size}
        detail={`${formatSize(item.sentBytes)} of ${formatSize(item.size)}`}
        stopped={item.phase === "cancelled" || item.phase === "refused"}
      />
      {item.uploadId ? <AnalysisBar name={label} status={status} /> : null}
      {item.duplicateOf ? <DuplicateNotice earlierId={item.duplicateOf} /> : null}
      <Outcome item={item} label={label} status={status} />
    </li>
  );
}

function AnalysisBar({ name, status }: { name: string; status: UploadStatusView | undefined }) {
  const total = status?.totalBytes ?? 0;
  const done = status?.status === "done";
  // Archives report bytes as they expand, which can pass the stored size.
  const analysed = done ? total : Math.min(status?.analysedBytes ?? 0, total);
  const events = status ? `${status.eventCount} event${status.eventCount === 1 ? "" : "s"}` : "waiting";
  return <ProgressBar label="Analysis" name={`Analysis of ${name}`} value={done ? 1 : analysed} max={done ? 1 : total} detail={status ? `${formatSize(analysed)} of ${formatSize(total)} · ${events}` : events} />;
}

function DuplicateNotice({ earlierId }: { earlierId: string }) {
  const { data: earlier } = useEarlierUpload(earlierId);
  return (
    <p className="text-sm">
      Already uploaded: the same content (SHA-256) was sent before.{" "}
      {earlier?.incidentId ? (
        <Link href={`/incidents/${earlier.incidentId}`} className={LINK}>
          Open the earlier upload&apos;s incident
        </Link>
      ) : (
        <Link href={`/uploads/${earlierId}/log`} className={LINK}>
          View the earlier upload
        </Link>
      )}
    </p>
  );
}

function Outcome({ item, label, status }: { item: UploadItemState; label: string; status: UploadStatusView | undefined }) {
  if (item.phase === "refused") return <Message tone="error">Not accepted: {item.refusal}</Message>;
  if (item.phase === "cancelled") return <Message>Cancelled: nothing was stored.</Message>;
  if (item.phase === "waiting") return <Message>Waiting to send…</Message>;
  if (item.phase === "sending") return <Message>Sending…</Message>;
  if (item.phase === "storing" || !status) return <Message>All bytes sent; the server is storing them…</Message>;
  if (status.status === "failed") return <Message tone="error">Analysis failed: {status.error ?? "no reason was recorded"}</Message>;
  if (status.status === "done" && status.incidentId) {
    return (
      <Message tone="done">
        {status.rootCause ? (
          <>
            Root cause <ClassBadge cls={status.rootCause.class} /> {status.rootCause.file && item.files.length > 1 ? <>in <span className="font-mono">{status.rootCause.file}</span>, </> : null}at line {status.rootCause.line}.{" "}
          </>
        ) : null}
        <Link href={`/incidents/${status.incidentId}`} className={LINK}>
          Open the incident<span className="sr-only"> for {label}</span>
        </Link>
      </Message>
    );
  }
  if (status.status === "done") return <Message tone="done">No failure was found in {item.files.length > 1 ? "these logs" : "this log"}, so no incident was opened.</Message>;
  if (status.status === "queued" && status.error) return <Message>An attempt failed; retrying. ({status.error})</Message>;
  if (status.status === "analyzing") return <Message>Analysing…</Message>;
  return <Message>Stored; waiting for a worker to analyse it…</Message>;
}

function Message({ tone, children }: { tone?: "error" | "done"; children: ReactNode }) {
  if (tone === "error") return <p role="alert" className="text-sm font-medium text-rose-700 dark:text-rose-300">{children}</p>;
  return (
    <p role="status" className={`text-sm ${tone === "done" ? "" : "text-slate-600 dark:text-slate-300"}`}>
      {children}
    </p>
  );
}
