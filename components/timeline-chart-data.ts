// Shapes an incident's events into Recharts rows: time buckets sized so the whole span fits in at most
// `maxBuckets` bars (seconds for one build, days for a long-running incident), zero-filled, one numeric
// key per error class (events weighted by how often they were stated).
export interface TimelinePoint {
  at: string;
  class: string;
  count: number;
}

export interface TimelineChartData {
  rows: ({ t: number; label: string } & Record<string, number | string>)[];
  classes: string[];
  bucketMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const BUCKET_SIZES = [SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY, 30 * DAY];

export function bucketLabel(t: number, bucketMs: number): string {
  const iso = new Date(t).toISOString();
  if (bucketMs < MINUTE) return iso.slice(11, 19);
  if (bucketMs < DAY) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(0, 10);
}

export function prepareTimelineChart(points: TimelinePoint[], maxBuckets = 48): TimelineChartData {
  const timed = points.map((p) => ({ ...p, t: Date.parse(p.at) })).filter((p) => !Number.isNaN(p.t));
  if (timed.length === 0) return { rows: [], classes: [], bucketMs: SECOND };
  const classes = [...new Set(timed.map((p) => p.class))].sort();
  const min = Math.min(...timed.map((p) => p.t));
  const max = Math.max(...timed.map((p) => p.t));
  const bucketMs = BUCKET_SIZES.find((size) => Math.floor(max / size) - Math.floor(min / size) + 1 <= maxBuckets) ?? BUCKET_SIZES[BUCKET_SIZES.length - 1];
  const first = Math.floor(min / bucketMs) * bucketMs;
  const count = Math.floor((max - first) / bucketMs) + 1;
  const rows: TimelineChartData["rows"] = [];
  for (let i = 0; i < count; i++) {
    const t = first + i * bucketMs;
    const row: TimelineChartData["rows"][number] = { t, label: bucketLabel(t, bucketMs) };
    for (const c of classes) row[c] = 0;
    rows.push(row);
  }
  for (const p of timed) {
    const row = rows[Math.floor((p.t - first) / bucketMs)];
    row[p.class] = (row[p.class] as number) + p.count;
  }
  return { rows, classes, bucketMs };
}
