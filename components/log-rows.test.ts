import { describe, expect, it } from "vitest";
import { buildRowMap } from "./log-rows";

/** The same mapping by walking every line: what the binary searches must agree with. */
function walk(total: number, collapsed: { line: number; endLine: number }[]) {
  const hidden = (n: number) => collapsed.some((g) => n > g.line && n <= g.endLine);
  const lines: number[] = [];
  for (let n = 1; n <= total; n++) if (!hidden(n)) lines.push(n);
  return lines;
}

describe("buildRowMap", () => {
  it("without collapsed groups row i is line i+1", () => {
    const m = buildRowMap(10, []);
    expect(m.rows).toBe(10);
    expect(m.lineAt(0)).toBe(1);
    expect(m.rowOf(10)).toBe(9);
  });

  it("agrees with walking the lines for nested, adjacent and overlapping groups", () => {
    const cases: [number, { line: number; endLine: number }[]][] = [
      [9, [{ line: 1, endLine: 4 }]],
      [9, [{ line: 1, endLine: 4 }, { line: 5, endLine: 9 }]],
      [40, [{ line: 3, endLine: 20 }, { line: 5, endLine: 8 }, { line: 22, endLine: 22 }, { line: 25, endLine: 60 }]],
      [30, [{ line: 10, endLine: 15 }, { line: 12, endLine: 18 }]],
    ];
    for (const [total, groups] of cases) {
      const m = buildRowMap(total, groups);
      const lines = walk(total, groups);
      expect(m.rows).toBe(lines.length);
      lines.forEach((line, row) => {
        expect(m.lineAt(row)).toBe(line);
        expect(m.rowOf(line)).toBe(row);
      });
    }
  });

  it("a hidden line maps to the row of the header that hides it", () => {
    const m = buildRowMap(20, [{ line: 4, endLine: 12 }, { line: 6, endLine: 8 }]);
    expect(m.rowOf(7)).toBe(3);
    expect(m.lineAt(3)).toBe(4);
    expect(m.lineAt(4)).toBe(13);
  });
});
