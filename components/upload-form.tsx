"use client";
// The upload page's form: files dropped or chosen, and log text pasted, are each sent as their own
// upload (two at a time, so every file's bars mean something), then followed to their incidents.
import { useState, type FormEvent } from "react";
import { formatSize } from "./format-size";
import { sendUpload, UploadRejectedError } from "./send-upload";
import { UploadDropZone } from "./upload-drop-zone";
import { UploadItem, type UploadItemState } from "./upload-item";

const PARALLEL_TRANSFERS = 2;
const DEFAULT_PASTE_NAME = "pasted.log";

let nextKey = 0;

export function UploadForm() {
  const [chosen, setChosen] = useState<File[]>([]);
  const [pasted, setPasted] = useState("");
  const [pasteName, setPasteName] = useState(DEFAULT_PASTE_NAME);
  const [items, setItems] = useState<UploadItemState[]>([]);

  const update = (key: string, patch: Partial<UploadItemState>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function transfer(item: UploadItemState, file: File) {
    update(item.key, { phase: "sending" });
    try {
      const sent = await sendUpload(file, (loaded) => update(item.key, { sentBytes: Math.min(loaded, file.size) }));
      update(item.key, { phase: "sent", sentBytes: file.size, uploadId: sent.uploadId, duplicateOf: sent.duplicateOf });
    } catch (err) {
      const refusal = err instanceof UploadRejectedError ? `${err.detail} (HTTP ${err.status})` : (err as Error).message;
      update(item.key, { phase: "refused", refusal });
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const files = [...chosen];
    if (pasted.trim() !== "") files.push(new File([pasted], pasteName.trim() || DEFAULT_PASTE_NAME, { type: "text/plain" }));
    if (files.length === 0) return;
    const queued = files.map((file) => ({
      file,
      item: { key: `u${nextKey++}`, name: file.name, size: file.size, phase: "waiting", sentBytes: 0, uploadId: null, duplicateOf: null, refusal: null } satisfies UploadItemState,
    }));
    setItems((all) => [...queued.map((q) => q.item), ...all]);
    setChosen([]);
    setPasted("");
    setPasteName(DEFAULT_PASTE_NAME);
    void inTurn(queued.map((q) => () => transfer(q.item, q.file)), PARALLEL_TRANSFERS);
  }

  const pastedBytes = new Blob([pasted]).size;
  const ready = chosen.length > 0 || pasted.trim() !== "";
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} aria-label="Upload logs" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <UploadDropZone onFiles={(files) => setChosen((prev) => [...prev, ...files])} />
        {chosen.length > 0 ? (
          <ul aria-label="Chosen files" className="divide-y divide-slate-100 rounded border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-700">
            {chosen.map((f, i) => (
              <li key={`${f.name}-${i}`} className="flex items-center gap-3 px-3 py-1.5">
                <span className="font-mono break-all">{f.name}</span>
                <span className="ml-auto text-slate-600 tabular-nums dark:text-slate-300">{formatSize(f.size)}</span>
                <button type="button" onClick={() => setChosen((prev) => prev.filter((_, j) => j !== i))} className="rounded px-2 py-0.5 text-rose-700 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950">
                  Remove<span className="sr-only"> {f.name}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="space-y-2">
          <label htmlFor="pasted-log" className="block text-sm font-medium">
            Or paste log text
          </label>
          <textarea
            id="pasted-log"
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={6}
            spellCheck={false}
            placeholder="go: downloading github.com/acme/greet v1.0.0…"
            className="block w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-950 dark:placeholder:text-slate-400"
          />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="pasted-name">Sent as file</label>
            <input id="pasted-name" value={pasteName} onChange={(e) => setPasteName(e.target.value)} className="w-48 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-950" />
            {pasted ? <span className="text-slate-600 tabular-nums dark:text-slate-300">{formatSize(pastedBytes)}</span> : null}
          </div>
        </div>
        <button type="submit" disabled={!ready} className="rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-50">
          Upload and analyse
        </button>
      </form>
      {items.length > 0 ? (
        <section aria-labelledby="uploads-heading" className="space-y-3">
          <h2 id="uploads-heading" className="text-lg font-semibold">
            Uploads
          </h2>
          <ol className="space-y-3">
            {items.map((item) => (
              <UploadItem key={item.key} item={item} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** Runs the tasks with at most `limit` going at once; each task handles its own failure. */
async function inTurn(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}
