import { describe, expect, it } from "vitest";
import { gridToMatrices, issueMarks, markAt, parseA1 } from "./grid";
import type { ValidationIssue } from "@sohoa/contract";

const msg = (vi: string) => ({ vi, en: vi });

describe("A1 addresses", () => {
  it("round-trips", () => {
    expect(parseA1("F12")).toEqual({ row: 11, col: 5 });
    expect(parseA1("$AB$3")).toEqual({ row: 2, col: 27 });
    expect(parseA1("Sheet1!A1")).toEqual({ row: 0, col: 0 });
    expect(parseA1("12F")).toBeNull();
  });
});

describe("grids", () => {
  it("reads sheets of rows and cell objects", () => {
    const m = gridToMatrices({ sheets: [{ name: "Tiến độ", rows: [["A", { value: 3 }, null], [1]] }] });
    expect(m).toEqual([{ name: "Tiến độ", rows: [["A", 3, null], [1]] }]);
    expect(gridToMatrices([[1, 2]])).toEqual([{ name: "Sheet1", rows: [[1, 2]] }]);
    expect(gridToMatrices(null)).toEqual([]);
  });
  it("marks cells, errors winning over warnings", () => {
    const issues: ValidationIssue[] = [
      { code: "w", severity: "warning", message: msg("nhảy vọt"), sheet: "S", cell: "F12" },
      { code: "e", severity: "error", message: msg("vượt tổng"), sheet: "S", cell: "F12", cells: ["E12"] },
      { code: "x", severity: "warning", message: msg("chung"), sheet: "Other", cell: "A1" },
    ];
    const marks = issueMarks(issues, "vi");
    expect(markAt(marks, "S", 11, 5)).toEqual({ severity: "error", messages: ["nhảy vọt", "vượt tổng"] });
    expect(markAt(marks, "S", 11, 4)?.severity).toBe("error");
    expect(markAt(marks, "Other", 0, 0)?.severity).toBe("warning");
    expect(markAt(marks, "S", 0, 1)).toBeUndefined();
  });
});
