// One row of the log viewer: the line number (a deep link), a toggle when the line heads a group, and
// the line's text with its ANSI colours. A group's header row shows the group's name (what the CI's own
// viewer shows, without `##[group]` and timestamps) unless the raw text was asked for.
import type { StoredLogGroup } from "@/lib/services/stored-log-groups";
import { describeGroup } from "./log-groups-state";
import { LogLineText } from "./log-line-text";

export const ROW = 24; // row height in px; also the line-number link's target size (WCAG 2.5.8 wants 24)
/** Indent per nesting level of a group's toggle; the toggle column is as wide as the deepest needs. */
const INDENT = 12;
const MAX_INDENTED_DEPTH = 6;

const dim = "text-slate-600 dark:text-slate-400";

export interface LogRowProps {
  no: number;
  row: number;
  line: { text: string; truncated?: boolean } | undefined;
  group: StoredLogGroup | undefined;
  collapsed: boolean;
  /** Deepest group nesting in this log (sizes the toggle column). */
  maxDepth: number;
  raw: boolean;
  inEvent: boolean;
  selected: boolean;
  onSelect: (no: number, extend: boolean) => void;
  onToggle: (line: number) => void;
}

export function LogRow({ no, row, line, group, collapsed, maxDepth, raw, inEvent, selected, onSelect, onToggle }: LogRowProps) {
  // Opaque tints: the sticky line-number cell inherits the background and must not double a translucent one.
  const tint = selected ? "bg-amber-100 dark:bg-amber-950" : inEvent ? "bg-rose-50 dark:bg-rose-950" : group ? "bg-slate-50 dark:bg-slate-900" : "";
  return (
    <div
      id={`L${no}`}
      data-line={no}
      data-event={inEvent || undefined}
      data-group={group ? (collapsed ? "collapsed" : "expanded") : undefined}
      aria-current={selected || undefined}
      className={`absolute left-0 flex w-full items-center whitespace-pre font-mono text-xs leading-6 ${tint}`}
      style={{ top: row * ROW, height: ROW }}
    >
      <a
        href={`#L${no}`}
        onClick={(e) => {
          e.preventDefault();
          onSelect(no, e.shiftKey);
        }}
        className={`sticky left-0 w-16 shrink-0 bg-inherit pr-3 text-right leading-6 select-none hover:text-slate-900 dark:hover:text-slate-100 ${dim}`}
      >
        {no}
      </a>
      <span className="flex shrink-0" style={{ width: ROW + INDENT * Math.min(maxDepth, MAX_INDENTED_DEPTH) }}>
        {group ? (
          <button
            type="button"
            aria-expanded={!collapsed}
            aria-label={`${group.name} (${describeGroup(group)})`}
            onClick={() => onToggle(group.line)}
            style={{ marginLeft: INDENT * Math.min(group.depth, MAX_INDENTED_DEPTH) }}
            className="flex h-6 w-6 items-center justify-center rounded text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-slate-300 dark:hover:bg-slate-700"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-3.5 w-3.5 transition-transform ${collapsed ? "" : "rotate-90"}`}>
              <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        ) : null}
      </span>
      <span className={`pr-4 ${group ? "font-semibold" : ""}`}>
        {group && !raw ? group.name : line ? <LogLineText text={line.text} /> : <span className={dim}>…</span>}
        {line?.truncated ? <span className={dim}> [line truncated]</span> : null}
        {group ? <span className={`ml-3 font-normal ${dim}`}>{describeGroup(group)}</span> : null}
      </span>
    </div>
  );
}
