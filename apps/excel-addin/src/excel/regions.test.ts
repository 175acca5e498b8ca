import { describe, expect, it } from "vitest";
import { cellKey, groupCells, rectAddress } from "./regions";

describe("groupCells", () => {
  it("joins adjacent cells of one label into rectangles, and keeps labels and gaps apart", () => {
    const cells = new Map<number, string>();
    for (let r = 5; r <= 9; r++) for (let c = 3; c <= 4; c++) cells.set(cellKey(r, c), "red"); // D6:E10
    cells.set(cellKey(5, 5), "yellow"); // F6
    cells.set(cellKey(12, 3), "red"); // D13 (a gap of rows)
    cells.set(cellKey(6, 7), "red"); // H7 (a gap of columns)
    const rects = groupCells(cells).map((r) => `${rectAddress(r)}=${r.label}`);
    expect(rects.sort()).toEqual(["D13=red", "D6:E10=red", "F6=yellow", "H7=red"]);
  });
  it("covers every cell exactly once", () => {
    const cells = new Map<number, string>();
    for (let i = 0; i < 2000; i++) cells.set(cellKey((i * 7919) % 500, (i * 31) % 12), i % 3 ? "a" : "b");
    const seen = new Map<number, string>();
    for (const r of groupCells(cells)) for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) {
      expect(seen.has(cellKey(row, c))).toBe(false);
      seen.set(cellKey(row, c), r.label);
    }
    expect(seen).toEqual(cells);
  });
});
