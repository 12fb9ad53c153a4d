"use client";
// A virtualised log viewer: only the rows in view are in the DOM and lines are fetched in pages, so
// a 1 GB log scrolls like a small one. Line numbers are deep links (#L12, shift-click for #L12-L20);
// event lines are highlighted. CI groups (found during analysis, never by reading the log here) fold
// into their header row; a deep link into a folded group opens it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoredLogGroup } from "@/lib/services/stored-log-groups";
import { formatLineHash, parseLineHash, type LineRange } from "./line-range-hash";
import { expandFor, initiallyCollapsed, rangeIndex } from "./log-groups-state";
import { LogRow, ROW } from "./log-row";
import { buildRowMap } from "./log-rows";
import { LogViewerToolbar } from "./log-viewer-toolbar";
import { PAGE, useKnownLines, useLogPages } from "./use-log-lines";

const OVERSCAN = 30;

export interface LogViewerProps {
  uploadId: string;
  file?: string;
  totalLines: number | null;
  eventRanges: { from: number; to: number; cls: string }[];
  /** Null: not known for this upload (analysed before groups were recorded). */
  groups?: StoredLogGroup[] | null;
}

export function LogViewer({ uploadId, file, totalLines, eventRanges, groups: groupList }: LogViewerProps) {
  const groups = useMemo(() => groupList ?? [], [groupList]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [selected, setSelected] = useState<LineRange | null>(null);
  const [raw, setRaw] = useState(false);
  const lastGroupLine = groups.reduce((m, g) => Math.max(m, g.endLine), 0);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => initiallyCollapsed(groups, eventRanges, totalLines ?? lastGroupLine));
  const [jump, setJump] = useState<LineRange | null>(null);
  const groupAt = useMemo(() => new Map(groups.map((g) => [g.line, g])), [groups]);
  const maxDepth = useMemo(() => groups.reduce((m, g) => Math.max(m, g.depth), 0), [groups]);
  const isEventLine = useMemo(() => rangeIndex(eventRanges), [eventRanges]);

  // Which lines the rows show depends on the folding; the pages to fetch follow from those lines.
  const { knownLines, learn, reach } = useKnownLines(totalLines, lastGroupLine);
  const map = useMemo(() => buildRowMap(knownLines, groups.filter((g) => collapsed.has(g.line))), [knownLines, groups, collapsed]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(map.rows, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const visible: number[] = [];
  for (let r = first; r < last; r++) visible.push(map.lineAt(r));
  const pages = [...new Set(visible.map((no) => Math.floor((no - 1) / PAGE)))];
  const { byNo, error } = useLogPages({ uploadId, file, raw, pages, learn });

  /** Opens the groups hiding the range, then scrolls there once the rows are laid out again. */
  const goTo = useCallback(
    (range: LineRange) => {
      setSelected(range);
      reach(range.to);
      setCollapsed((c) => expandFor(groups, c, range));
      setJump(range);
    },
    [groups, reach],
  );
  useEffect(() => {
    const el = scroller.current;
    if (!jump || !el) return;
    el.scrollTop = Math.max(0, map.rowOf(jump.from) * ROW - el.clientHeight / 3);
    setJump(null);
  }, [jump, map]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (scroller.current) setHeight(scroller.current.clientHeight);
      const fromHash = parseLineHash(window.location.hash);
      if (fromHash) goTo(fromHash);
    });
    const onHash = () => {
      const r = parseLineHash(window.location.hash);
      if (r) goTo(r);
    };
    window.addEventListener("hashchange", onHash);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("hashchange", onHash);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once: the initial hash and listener
  }, []);

  const selectLine = useCallback(
    (no: number, extend: boolean) => {
      const range = extend && selected ? { from: Math.min(selected.from, no), to: Math.max(selected.to, no) } : { from: no, to: no };
      setSelected(range);
      history.replaceState(null, "", formatLineHash(range));
    },
    [selected],
  );
  const toggle = useCallback((line: number) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(line)) next.add(line);
      return next;
    });
  }, []);

  const rows = visible.map((no, i) => (
    <LogRow
      key={no}
      no={no}
      row={first + i}
      line={byNo.get(no)}
      group={groupAt.get(no)}
      collapsed={collapsed.has(no)}
      maxDepth={maxDepth}
      raw={raw}
      inEvent={isEventLine(no, no)}
      selected={selected !== null && no >= selected.from && no <= selected.to}
      onSelect={selectLine}
      onToggle={toggle}
    />
  ));

  return (
    <div className="space-y-2">
      <LogViewerToolbar
        groupCount={groups.length}
        groupsKnown={groupList !== null && groupList !== undefined}
        raw={raw}
        onRaw={setRaw}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={() => setCollapsed(new Set(groups.filter((g) => g.endLine > g.line).map((g) => g.line)))}
      />
      {error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{error.message}</p> : null}
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Log ${file ?? ""}`.trim()}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="relative h-[70vh] overflow-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-800 dark:bg-slate-950"
      >
        <div style={{ height: map.rows * ROW, position: "relative", minWidth: "100%" }}>{rows}</div>
      </div>
    </div>
  );
}
