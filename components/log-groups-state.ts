// Which log groups start collapsed, which a deep link must open, and how a group header describes
// itself. Pure, so the viewer's choices are unit-tested.
import type { StoredLogGroup } from "@/lib/services/stored-log-groups";
import type { LineRange } from "./line-range-hash";
import { formatDuration } from "./timeline-format";

/** Logs longer than this open with their uneventful groups collapsed; shorter ones show everything. */
export const LONG_LOG_LINES = 300;

const overlaps = (g: StoredLogGroup, r: LineRange) => r.from <= g.endLine && r.to >= g.line;

/**
 * Header lines of the groups to show collapsed at first: a group holding an event line stays open
 * (that is where a reader is going), the CI's own "collapsed" hint is followed otherwise, and in a long
 * log every other group starts collapsed.
 */
export function initiallyCollapsed(groups: readonly StoredLogGroup[], events: readonly LineRange[], totalLines: number): Set<number> {
  const out = new Set<number>();
  const long = totalLines > LONG_LOG_LINES;
  for (const g of groups) {
    if (g.endLine === g.line || events.some((e) => overlaps(g, e))) continue;
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
