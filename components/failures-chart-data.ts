// Shapes per-day, per-class failure counts into Recharts rows: one row per day (every day of the
// window, zero-filled so gaps show as gaps), one numeric key per class.
export interface DayClassCount {
  day: string;
  class: string;
  count: number;
}

export interface ChartData {
  rows: Record<string, string | number>[];
  classes: string[];
}

export function prepareFailuresByDay(counts: DayClassCount[], endDay: string, days: number): ChartData {
  const classes = [...new Set(counts.map((c) => c.class))].sort();
  const end = Date.parse(`${endDay}T00:00:00Z`);
  const rows: Record<string, string | number>[] = [];
  const index = new Map<string, Record<string, string | number>>();
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    const row: Record<string, string | number> = { day };
    for (const c of classes) row[c] = 0;
    rows.push(row);
    index.set(day, row);
  }
  for (const c of counts) {
    const row = index.get(c.day);
    if (row) row[c.class] = (row[c.class] as number) + c.count;
  }
  return { rows, classes };
}
