// Rows of the virtualised log viewer when some groups are collapsed: a collapsed group keeps its header
// row and hides the lines after it, so row i is no longer line i+1. Both directions are binary searches
// over the hidden ranges, so a 1 GB log with thousands of groups maps rows without walking lines.
export interface LineSpan {
  line: number;
  endLine: number;
}

export interface RowMap {
  /** Visible rows. */
  rows: number;
  /** 1-based line shown in 0-based row `row`. */
  lineAt(row: number): number;
  /** Row of a line; a hidden line gives the row of the header that hides it. */
  rowOf(line: number): number;
}

/** `collapsed`: the groups whose inside is hidden (nested and overlapping ones are fine). */
export function buildRowMap(totalLines: number, collapsed: readonly LineSpan[]): RowMap {
  // Hidden ranges [from, to], merged and sorted; `before[k]` lines are hidden before range k.
  const spans = collapsed
    .map((g) => ({ from: g.line + 1, to: Math.min(g.endLine, totalLines) }))
    .filter((s) => s.to >= s.from)
    .sort((a, b) => a.from - b.from);
  const ranges: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = ranges[ranges.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else ranges.push({ ...s });
  }
  const before: number[] = [0];
  for (const r of ranges) before.push(before[before.length - 1] + r.to - r.from + 1);
  // Row the first hidden line of range k would have: strictly increasing in k.
  const startRow = ranges.map((r, k) => r.from - 1 - before[k]);

  const lastAtOrBelow = (xs: number[], v: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo; // how many are <= v
  };
  const froms = ranges.map((r) => r.from);
  return {
    rows: Math.max(0, totalLines - before[ranges.length]),
    lineAt: (row) => row + 1 + before[lastAtOrBelow(startRow, row)],
    rowOf: (line) => {
      const k = lastAtOrBelow(froms, line); // ranges starting at or before the line
      if (k > 0 && line <= ranges[k - 1].to) return ranges[k - 1].from - 2 - before[k - 1];
      return line - 1 - before[k];
    },
  };
}
