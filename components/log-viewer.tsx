"use client";
// A virtualised log viewer: only the rows in view are in the DOM and lines are fetched in pages, so
// a 1 GB log scrolls like a small one. Line numbers are deep links (#L12, shift-click for #L12-L20);
// event lines are highlighted.
import { useQueries } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LogWindow } from "@/lib/services/read-log-lines";
import { formatLineHash, parseLineHash, type LineRange } from "./line-range-hash";
import { LogLineText } from "./log-line-text";

const ROW = 24; // row height in px; also the line-number link's target size (WCAG 2.5.8 wants 24)
const PAGE = 200;
const OVERSCAN = 30;

export interface LogViewerProps {
  uploadId: string;
  file?: string;
  totalLines: number | null;
  eventRanges: { from: number; to: number; cls: string }[];
}

async function fetchPage(uploadId: string, file: string | undefined, page: number): Promise<LogWindow> {
  const qs = new URLSearchParams({ from: String(page * PAGE + 1), count: String(PAGE) });
  if (file) qs.set("file", file);
  const res = await fetch(`/api/v1/uploads/${uploadId}/lines?${qs}`);
  if (!res.ok) throw new Error(`could not load lines (${res.status})`);
  return res.json();
}

export function LogViewer({ uploadId, file, totalLines, eventRanges }: LogViewerProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [selected, setSelected] = useState<LineRange | null>(null);
  const [knownLines, setKnownLines] = useState(totalLines ?? PAGE);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(knownLines, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const pages = useMemo(() => {
    const p: number[] = [];
    for (let i = Math.floor(first / PAGE); i <= Math.floor(Math.max(first, last - 1) / PAGE); i++) p.push(i);
    return p;
  }, [first, last]);
  // Logs whose length is unknown (compressed, archive members) grow as pages arrive.
  const learn = useCallback(
    (w: LogWindow) => {
      if (totalLines !== null) return w;
      const end = w.from + w.lines.length - 1 + (w.hasMore ? PAGE : 0);
      setKnownLines((k) => (w.hasMore ? Math.max(k, end) : w.lines.length > 0 ? Math.max(end, 1) : k));
      return w;
    },
    [totalLines],
  );
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: ["log", uploadId, file ?? "", page],
      queryFn: () => fetchPage(uploadId, file, page).then(learn),
      staleTime: Infinity,
    })),
  });

  const byNo = new Map<number, { text: string; truncated?: boolean }>();
  for (const r of results) for (const l of r.data?.lines ?? []) byNo.set(l.no, l);
  const error = results.find((r) => r.error)?.error;

  const jumpTo = useCallback((range: LineRange) => {
    setSelected(range);
    const el = scroller.current;
    if (el) el.scrollTop = Math.max(0, (range.from - 1) * ROW - el.clientHeight / 3);
  }, []);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (scroller.current) setHeight(scroller.current.clientHeight);
      const fromHash = parseLineHash(window.location.hash);
      if (!fromHash) return;
      if (totalLines === null) setKnownLines((k) => Math.max(k, fromHash.to + PAGE));
      requestAnimationFrame(() => jumpTo(fromHash));
    });
    const onHash = () => {
      const r = parseLineHash(window.location.hash);
      if (r) jumpTo(r);
    };
    window.addEventListener("hashchange", onHash);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("hashchange", onHash);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once: the initial hash and listener
  }, []);

  const selectLine = (no: number, extend: boolean) => {
    const range = extend && selected ? { from: Math.min(selected.from, no), to: Math.max(selected.to, no) } : { from: no, to: no };
    setSelected(range);
    history.replaceState(null, "", formatLineHash(range));
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const no = i + 1;
    const line = byNo.get(no);
    const inEvent = eventRanges.some((r) => no >= r.from && no <= r.to);
    const isSelected = selected !== null && no >= selected.from && no <= selected.to;
    rows.push(
      <div
        key={no}
        id={`L${no}`}
        data-line={no}
        data-event={inEvent || undefined}
        aria-current={isSelected || undefined}
        className={`absolute left-0 flex w-full items-center whitespace-pre font-mono text-xs leading-6 ${isSelected ? "bg-amber-100 dark:bg-amber-900/40" : inEvent ? "bg-rose-50 dark:bg-rose-950/40" : ""}`}
        style={{ top: i * ROW, height: ROW }}
      >
        <a
          href={`#L${no}`}
          onClick={(e) => {
            e.preventDefault();
            selectLine(no, e.shiftKey);
          }}
          className="sticky left-0 w-16 shrink-0 bg-inherit pr-3 text-right leading-6 text-slate-600 select-none hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
        >
          {no}
        </a>
        <span className="pr-4">{line ? <LogLineText text={line.text} /> : <span className="text-slate-600 dark:text-slate-400">…</span>}{line?.truncated ? <span className="text-slate-600 dark:text-slate-400"> [line truncated]</span> : null}</span>
      </div>,
    );
  }

  return (
    <div className="space-y-2">
      {error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{(error as Error).message}</p> : null}
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Log ${file ?? ""}`.trim()}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="relative h-[70vh] overflow-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-800 dark:bg-slate-950"
      >
        <div style={{ height: knownLines * ROW, position: "relative", minWidth: "100%" }}>{rows}</div>
      </div>
    </div>
  );
}
