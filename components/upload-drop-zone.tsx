"use client";
// Where files are dropped. The real file input inside it is the keyboard (and screen reader) path:
// visually hidden but focusable, its label styled as the button, which shows the input's focus ring.
import { useEffect, useRef, useState, type DragEvent } from "react";

const hasFiles = (e: { dataTransfer: DataTransfer | null }) => Array.from(e.dataTransfer?.types ?? []).includes("Files");

export function UploadDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; only the count says when the pointer left.
  const depth = useRef(0);

  // A file dropped beside the zone would make the browser open it in place of this page.
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current++;
    setOver(true);
  };
  const leave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      data-testid="drop-zone"
      data-over={over || undefined}
      onDragEnter={enter}
      onDragOver={(e) => hasFiles(e) && e.preventDefault()}
      onDragLeave={leave}
      onDrop={drop}
      className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center ${
        over ? "border-rose-600 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/40" : "border-slate-400 bg-slate-50 dark:border-slate-600 dark:bg-slate-900"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 text-slate-500 dark:text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="text-base font-medium">{over ? "Release to add the files" : "Drop log files here"}</p>
      <input
        id="log-files"
        type="file"
        multiple
        aria-describedby="log-files-hint"
        className="peer sr-only"
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = ""; // the same file can be chosen again
        }}
      />
      <label
        htmlFor="log-files"
        className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
      >
        or choose log files…
      </label>
      <p id="log-files-hint" className="text-sm text-slate-600 dark:text-slate-300">
        CI logs, <code>.gz</code>, GitHub Actions log archives (<code>.zip</code>), strace output (all the <code>-ff</code> files of one trace together).
      </p>
    </div>
  );
}
