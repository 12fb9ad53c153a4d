"use client";
// Picks log files, sends them with transfer progress (XHR: fetch has no upload progress), then follows
// the analysis until the incident exists.
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { ProgressBar } from "./progress-bar";
import { useUploadStatus } from "./use-upload-status";

type Sent = { uploadId: string };

function send(files: File[], onProgress: (loaded: number, total: number) => void): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append("file", f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/uploads");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onerror = () => reject(new Error("the upload could not reach the server"));
    xhr.onload = () => {
      let body: { uploadId?: string; detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* non-JSON error page */
      }
      if (xhr.status === 202 && body.uploadId) resolve({ uploadId: body.uploadId });
      else reject(new Error(body.detail ?? `upload failed (HTTP ${xhr.status})`));
    };
    xhr.send(form);
  });
}

export function UploadForm() {
  const [files, setFiles] = useState<File[]>([]);
  const [transfer, setTransfer] = useState({ loaded: 0, total: 0 });
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useUploadStatus(uploadId);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (files.length === 0) return;
    setError(null);
    setUploadId(null);
    setBusy(true);
    try {
      const sent = await send(files, (loaded, total) => setTransfer({ loaded, total }));
      setUploadId(sent.uploadId);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const s = status.data;
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <label htmlFor="log-files" className="block text-sm font-medium">Log files (CI logs, .gz, .zip archives, strace output)</label>
        <input
          id="log-files"
          name="file"
          type="file"
          multiple
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          className="mt-2 block w-full text-sm file:mr-4 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1.5 dark:file:bg-slate-700 dark:file:text-slate-100"
        />
      </div>
      <button
        type="submit"
        disabled={files.length === 0 || busy}
        className="rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {busy ? "Uploading…" : "Upload and analyse"}
      </button>
      {transfer.total > 0 ? <ProgressBar label="Transfer" value={transfer.loaded} max={transfer.total} /> : null}
      {s ? <ProgressBar label="Analysis" value={s.status === "done" ? 1 : s.analysedBytes} max={s.status === "done" ? 1 : s.totalBytes} /> : null}
      {s?.status === "failed" ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">Analysis failed: {s.error}</p> : null}
      {s?.status === "done" ? (
        <p role="status" className="text-sm">
          {s.eventCount} event{s.eventCount === 1 ? "" : "s"} found.{" "}
          {s.incidentId ? (
            <Link href={`/incidents/${s.incidentId}`} className="font-medium text-rose-700 underline dark:text-rose-400">
              Open the incident
            </Link>
          ) : (
            "No failure was found, so no incident was opened."
          )}
        </p>
      ) : null}
      {error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{error}</p> : null}
    </form>
  );
}
