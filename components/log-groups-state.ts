// Which log groups start collapsed, which a deep link must open, and how a group header describes
// itself. Pure, so the viewer's choices are unit-tested.
import type { StoredLogGroup } from "@/lib/services/stored-log-groups";
import type { LineRange } from "./line-range-hash";
import { formatDuration } from "./timeline-format";

/** Logs longer than this open with their uneventful groups collapsed; shorter ones show everything. */
export const LONG_LOG_LINES = 300;

/**
 * Whether any of many line ranges overlaps a given one, in O(log n): ranges sorted by their end, with
 * the smallest start among those ending at or after each position. A 1 GB log has thousands of groups
 * and events; checking every pair would stall the page.
 */
export function rangeIndex(ranges: readonly LineRange[]): (from: number, to: number) => boolean {
  const byEnd = [...ranges].sort((a, b) => a.to - b.to);
  const minFrom = new Array<number>(byEnd.length + 1).fill(Infinity);
  for (let i = byEnd.length - 1; i >= 0; i--) minFrom[i] = Math.min(minFrom[i + 1], byEnd[i].from);
  return (from, to) => {
    let lo = 0;
    let hi = byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byEnd[mid].to < from) lo = mid + 1;
      else hi = mid;
    }
    return minFrom[lo] <= to;
  };
}

/**
 * Header lines of the groups to show collapsed at first: a group holding an event line stays open
 * (that is where a reader is going), the CI's own "collapsed" hint is followed otherwise, and in a long
 * log every other group starts collapsed.
 */
export function initiallyCollapsed(groups: readonly StoredLogGroup[], events: readonly LineRange[], totalLines: number): Set<number> {
  const out = new Set<number>();
  const long = totalLines > LONG_LOG_LINES;
  const hasEvent = rangeIndex(events);
  for (const g of groups) {
    if (g.endLine === g.line || hasEvent(g.line, g.endLine)) continue;
    if (g.initially === "collapsed" || (long && g.initially !== "expanded")) out.add(g.line);
  }
  return out;
}

/** `collapsed` without the groups that hide any line of `range` (the same set when none does). */
export function expandFor(groups: readonly StoredLogGroup[], collapsed: ReadonlySet<number>, range: LineRange): ReadonlySet<number> {
  const open = groups.filter((g) => collapsed.has(g.line) && g.line < range.to && g.endLine >= range.from && g.endLine > g.line);
  if (open.length === 0) return collapsed;
  const next = new Set(collapsed);
  for (const g of open) next.delete(g.line);
  return next;
}

/** "14 lines · 152 ms": the whole group, header included, and its duration when the log is timed. */
export function describeGroup(g: StoredLogGroup): string {
  const lines = g.endLine - g.line + 1;
  const parts = [`${lines} line${lines === 1 ? "" : "s"}`];
  const ms = g.startedAt && g.endedAt ? Date.parse(g.endedAt) - Date.parse(g.startedAt) : NaN;
  if (Number.isFinite(ms) && ms >= 0) parts.push(formatDuration(Math.round(ms)));
  return parts.join(" · ");
}
