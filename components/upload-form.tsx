"use client";
// The upload page's form: files dropped or chosen, and log text pasted, are sent as one upload (the
// split files of one trace or job) or one upload each (two at a time, so every bar means something),
// with the optional build details; each can be cancelled while it transfers, then is followed to its
// incident.
import { useMemo, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { formatSize } from "./format-size";
import { sendUpload, UploadCancelledError, UploadRejectedError } from "./send-upload";
import { checkDetails, DETAIL_FIELDS, filledDetails, NO_DETAILS, type DetailErrors, type UploadDetails } from "./upload-details";
import { detailInputId, UploadDetailsFields } from "./upload-details-fields";
import { UploadDropZone } from "./upload-drop-zone";
import { guessGrouping } from "./upload-grouping";
import { UploadItem, type UploadItemState } from "./upload-item";
import { UploadSendChoice, type SendMode } from "./upload-send-choice";

const PARALLEL_TRANSFERS = 2;
const DEFAULT_PASTE_NAME = "pasted.log";

let nextKey = 0;

export function UploadForm() {
  const [chosen, setChosen] = useState<File[]>([]);
  const [pasted, setPasted] = useState("");
  const [pasteName, setPasteName] = useState(DEFAULT_PASTE_NAME);
  // null: what the names suggest (guessGrouping); set once the person picks.
  const [pickedMode, setPickedMode] = useState<SendMode | null>(null);
  const [details, setDetails] = useState<UploadDetails>(NO_DETAILS);
  const [detailErrors, setDetailErrors] = useState<DetailErrors>({});
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [items, setItems] = useState<UploadItemState[]>([]);
  const transfers = useRef(new Map<string, AbortController>());
  // Uploads whose every byte has left: cancelling now could not stop the server storing them.
  const fullySent = useRef(new Set<string>());

  const pasteFileName = pasteName.trim() || DEFAULT_PASTE_NAME;
  const names = useMemo(() => [...chosen.map((f) => f.name), ...(pasted.trim() !== "" ? [pasteFileName] : [])], [chosen, pasted, pasteFileName]);
  const guess = useMemo(() => guessGrouping(names), [names]);
  const sharedName = names.find((n, i) => names.indexOf(n) !== i) ?? null;
  const mode: SendMode = sharedName !== null ? "separate" : (pickedMode ?? (guess.together ? "one" : "separate"));

  const update = (key: string, patch: Partial<UploadItemState>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function transfer(item: UploadItemState, files: File[]) {
    const controller = transfers.current.get(item.key);
    if (!controller || controller.signal.aborted) return; // cancelled while waiting its turn
    update(item.key, { phase: "sending" });
    try {
      const sent = await sendUpload({
        files,
        metadata: item.details,
        signal: controller.signal,
        onProgress: (bytes, total) => {
          if (bytes < total) return update(item.key, { sentBytes: bytes });
          fullySent.current.add(item.key);
          update(item.key, { sentBytes: total, phase: "storing" });
        },
      });
      update(item.key, { phase: "sent", sentBytes: item.size, uploadId: sent.uploadId, duplicateOf: sent.duplicateOf });
    } catch (err) {
      if (err instanceof UploadCancelledError) update(item.key, { phase: "cancelled" });
      else update(item.key, { phase: "refused", refusal: err instanceof UploadRejectedError ? `${err.detail} (HTTP ${err.status})` : (err as Error).message });
    } finally {
      transfers.current.delete(item.key);
      fullySent.current.delete(item.key);
    }
  }

  function cancel(key: string) {
    if (fullySent.current.has(key)) return; // the click raced the last bytes out; the card shows "storing"
    transfers.current.get(key)?.abort();
    // One still waiting its turn never reaches sendUpload; one in flight is marked when its request ends.
    setItems((all) => all.map((i) => (i.key === key && i.phase === "waiting" ? { ...i, phase: "cancelled" } : i)));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errors = checkDetails(details);
    setDetailErrors(errors);
    const wrong = DETAIL_FIELDS.find((k) => errors[k]);
    if (wrong) {
      flushSync(() => setDetailsOpen(true));
      document.getElementById(detailInputId(wrong))?.focus();
      return;
    }
    const files = [...chosen];
    if (pasted.trim() !== "") files.push(new File([pasted], pasteFileName, { type: "text/plain" }));
    if (files.length === 0) return;
    const sent = filledDetails(details);
    const batches = mode === "one" ? [files] : files.map((f) => [f]);
    const queued = batches.map((batch) => {
      const key = `u${nextKey++}`;
      transfers.current.set(key, new AbortController());
      const item: UploadItemState = {
        key,
        files: batch.map((f) => ({ name: f.name, size: f.size })),
        size: batch.reduce((n, f) => n + f.size, 0),
        phase: "waiting",
        sentBytes: 0,
        uploadId: null,
        duplicateOf: null,
        refusal: null,
        details: sent,
      };
      return { item, batch };
    });
    setItems((all) => [...queued.map((q) => q.item), ...all]);
    setChosen([]);
    setPasted("");
    setPasteName(DEFAULT_PASTE_NAME);
    setPickedMode(null);
    setDetails(NO_DETAILS);
    setDetailsOpen(false);
    void inTurn(queued.map((q) => () => transfer(q.item, q.batch)), PARALLEL_TRANSFERS);
  }

  const pastedBytes = new Blob([pasted]).size;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate aria-label="Upload logs" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
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
        {names.length > 1 ? <UploadSendChoice count={names.length} mode={mode} guess={guess} sharedName={sharedName} onChange={setPickedMode} /> : null}
        <UploadDetailsFields
          details={details}
          errors={detailErrors}
          open={detailsOpen}
          onOpenChange={setDetailsOpen}
          onChange={(key, value) => {
            setDetails((d) => ({ ...d, [key]: value }));
            setDetailErrors((errs) => ({ ...errs, [key]: undefined }));
          }}
        />
        <button type="submit" disabled={names.length === 0} className="rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-50">
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
              <UploadItem key={item.key} item={item} onCancel={() => cancel(item.key)} />
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
