import { describe, expect, it } from "vitest";
import { prepareTimelineChart } from "./timeline-chart-data";

describe("prepareTimelineChart", () => {
  it("buckets events of one build by the second, zero-filled, summed per class", () => {
    const data = prepareTimelineChart([
      { at: "2026-11-20T22:02:24.575Z", class: "checksum_mismatch", count: 1 },
      { at: "2026-11-20T22:02:24.900Z", class: "process_exit", count: 1 },
      { at: "2026-11-20T22:02:26.100Z", class: "checksum_mismatch", count: 3 },
    ]);
    expect(data.bucketMs).toBe(1000);
    expect(data.classes).toEqual(["checksum_mismatch", "process_exit"]);
    expect(data.rows).toEqual([
      { t: Date.parse("2026-11-20T22:02:24Z"), label: "22:02:24", checksum_mismatch: 1, process_exit: 1 },
      { t: Date.parse("2026-11-20T22:02:25Z"), label: "22:02:25", checksum_mismatch: 0, process_exit: 0 },
      { t: Date.parse("2026-11-20T22:02:26Z"), label: "22:02:26", checksum_mismatch: 3, process_exit: 0 },
    ]);
  });

  it("picks bigger buckets so a long span fits in maxBuckets bars", () => {
    const data = prepareTimelineChart(
      [
        { at: "2026-11-18T09:00:00Z", class: "timeout", count: 2 },
        { at: "2026-11-20T21:30:00Z", class: "timeout", count: 1 },
      ],
      48,
    );
    expect(data.bucketMs).toBe(3 * 3600_000);
    expect(data.rows.length).toBeLessThanOrEqual(48);
    expect(data.rows[0]).toMatchObject({ label: "11-18 09:00", timeout: 2 });
    expect(data.rows.at(-1)).toMatchObject({ label: "11-20 21:00", timeout: 1 });
    expect(data.rows.reduce((n, r) => n + (r.timeout as number), 0)).toBe(3);
  });

  it("gives nothing to draw without timed events", () => {
    expect(prepareTimelineChart([])).toEqual({ rows: [], classes: [], bucketMs: 1000 });
    expect(prepareTimelineChart([{ at: "not a time", class: "timeout", count: 1 }]).rows).toEqual([]);
  });
});
