import { describe, expect, it } from "vitest";
import { prepareFailuresByDay } from "./failures-chart-data";

describe("prepareFailuresByDay", () => {
  it("zero-fills every day of the window and sums counts per class", () => {
    const data = prepareFailuresByDay(
      [
        { day: "2026-11-18", class: "timeout", count: 2 },
        { day: "2026-11-20", class: "checksum_mismatch", count: 1 },
        { day: "2026-11-20", class: "timeout", count: 3 },
        { day: "2026-10-01", class: "timeout", count: 9 },
      ],
      "2026-11-20",
      3,
    );
    expect(data.classes).toEqual(["checksum_mismatch", "timeout"]);
    expect(data.rows).toEqual([
      { day: "2026-11-18", checksum_mismatch: 0, timeout: 2 },
      { day: "2026-11-19", checksum_mismatch: 0, timeout: 0 },
      { day: "2026-11-20", checksum_mismatch: 1, timeout: 3 },
    ]);
  });

  it("gives empty classes and zero rows when nothing failed", () => {
    const data = prepareFailuresByDay([], "2026-11-20", 2);
    expect(data.classes).toEqual([]);
    expect(data.rows).toEqual([{ day: "2026-11-19" }, { day: "2026-11-20" }]);
  });
});
