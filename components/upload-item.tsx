"use client";
// One file on the upload page: its transfer, then its analysis as the worker reports it, then where
// it led (the incident, no failure found, the failure, or the server's reason for refusing it).
import Link from "next/link";
import type { ReactNode } from "react";
import type { UploadStatusView } from "@/lib/services/get-upload";
import { ClassBadge } from "./class-badge";
import { formatSize } from "./format-size";
import { ProgressBar } from "./progress-bar";
import { useEarlierUpload, useUploadStatus } from "./use-upload-status";

export interface UploadItemState {
  key: string;
  name: string;
  size: number;
  phase: "waiting" | "sending" | "sent" | "refused";
  sentBytes: number;
  uploadId: string | null;
  duplicateOf: string | null;
  /** Why the server (HTTP status and its problem+json detail) or the network refused the file. */
  refusal: string | null;
}

const LINK = "font-medium text-rose-700 underline underline-offset-2 hover:text-rose-900 dark:text-rose-300 dark:hover:text-rose-200";

export function UploadItem({ item }: { item: UploadItemState }) {
  const { data: status, transport } = useUploadStatus(item.uploadId);
  return (
    <li data-testid="upload-item" data-transport={item.uploadId ? transport : undefined} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-mono text-sm break-all">{item.name}</span>
        <span className="text-sm text-slate-600 tabular-nums dark:text-slate-300">{formatSize(item.size)}</span>
      </div>
      <ProgressBar label="Transfer" name={`Transfer of ${item.name}`} value={item.sentBytes} max={item.size} detail={`${formatSize(item.sentBytes)} of ${formatSize(item.size)}`} />
      {item.uploadId ? <AnalysisBar name={item.name} status={status} /> : null}
      {item.duplicateOf ? <DuplicateNotice earlierId={item.duplicateOf} /> : null}
      <Outcome item={item} status={status} />
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

function Outcome({ item, status }: { item: UploadItemState; status: UploadStatusView | undefined }) {
  if (item.phase === "refused") return <Message tone="error">Not accepted: {item.refusal}</Message>;
  if (item.phase === "waiting") return <Message>Waiting to send…</Message>;
  if (item.phase === "sending" || !status) return <Message>Sending…</Message>;
  if (status.status === "failed") return <Message tone="error">Analysis failed: {status.error ?? "no reason was recorded"}</Message>;
  if (status.status === "done" && status.incidentId) {
    return (
      <Message tone="done">
        {status.rootCause ? (
          <>
            Root cause <ClassBadge cls={status.rootCause.class} /> at line {status.rootCause.line}.{" "}
          </>
        ) : null}
        <Link href={`/incidents/${status.incidentId}`} className={LINK}>
          Open the incident<span className="sr-only"> for {item.name}</span>
        </Link>
      </Message>
    );
  }
  if (status.status === "done") return <Message tone="done">No failure was found in this log, so no incident was opened.</Message>;
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
