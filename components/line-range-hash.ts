// Deep links to log lines: #L120 or #L120-L135.
export interface LineRange {
  from: number;
  to: number;
}

export function parseLineHash(hash: string): LineRange | null {
  const m = /^#?L(\d+)(?:-L?(\d+))?$/.exec(hash);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (a < 1 || b < 1) return null;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function formatLineHash(r: LineRange): string {
  return r.from === r.to ? `#L${r.from}` : `#L${r.from}-L${r.to}`;
}
