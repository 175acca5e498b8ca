import { describe, expect, it } from "vitest";
import type { TableLayouts } from "../headers";
import { validateGrid } from "../validate";
import type { CellValue, Grid, UnitRef, ValidationContext } from "../types";
import { applySavedLayouts, headerSignature, markSavedLayouts, type SavedLayout } from "./saved-layouts";
import { findTable } from "../headers";

const district: UnitRef = { id: "d", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: null };
const units: UnitRef[] = [district, { id: "z", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d" }, { id: "s", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn", level: "COMMUNE", parentId: "d" }];
const ctx: ValidationContext = { today: "2025-03-01", submitter: district, units, registerKinds: [], phases: [] };

/** A district's own layout: last period's figure first, then this one; a "Trong đó" line under a commune. */
const sheet = (za: number): CellValue[][] => [
  ["Số liệu tính đến ngày 25/02/2025"],
  ["Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Đã số hóa (kỳ trước)", "Đã số hóa"],
  ["Xã Za Hung", 5000, 900, za],
  ["Trong đó: thôn biên giới", 1000, 100, 200],
  ["Xã Sông Kôn", 3000, 700, 800],
];

function read(grid: Grid, saved: SavedLayout[]) {
  const layouts: TableLayouts = new Map();
  const { grid: g, applied } = applySavedLayouts(grid, saved, layouts);
  const r = validateGrid(g, ctx, layouts);
  markSavedLayouts(r.reading, applied);
  return r;
}

describe("a layout saved by the person who corrected the reading", () => {
  it("reads the next sheet of the same layout right, with no correction", () => {
    const grid: Grid = { sheets: [{ name: "BC", rows: sheet(1200) }] };
    // Unaided, Sohoa takes the first "Đã số hóa" column and the "Trong đó" line as a unit.
    const first = read(grid, []);
    expect(first.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["UNIT_UNKNOWN@A4"]);
    const signature = first.reading.sheets[0]!.signature!;
    expect(signature).toBe(headerSignature(grid.sheets[0]!, findTable(grid.sheets[0]!)!));

    const saved: SavedLayout[] = [{ signature, columns: { C: null, D: "entriesDigitized" }, notData: ["Trong đó: thôn biên giới"] }];
    const next = read({ sheets: [{ name: "BC tháng 3", rows: sheet(1500) }] }, saved);
    expect(next.issues).toEqual([]);
    expect(next.rows.map((x) => `${x.unit.code}:${x.counts.entriesDigitized}`)).toEqual(["20491:1500", "20473:800"]);
    const s = next.reading.sheets[0]!;
    expect(s.layout).toBe("saved");
    expect(s.rows.find((x) => x.row === 4)).toMatchObject({ role: "ignored" });
    expect(s.header!.columns.find((c) => c.field === "entriesDigitized")!.column).toBe("D");
  });

  it("leaves a sheet with another header alone", () => {
    const other: CellValue[][] = [["Số liệu tính đến ngày 25/02/2025"], ["Đơn vị", "Tổng số dữ liệu cần số hóa", "Đã số hóa"], ["Xã Za Hung", 5000, 1200]];
    const r = read({ sheets: [{ name: "X", rows: other }] }, [{ signature: "00000000", columns: { C: null } }]);
    expect(r.issues).toEqual([]);
    expect(r.rows[0]!.counts.entriesDigitized).toBe(1200);
    expect(r.reading.sheets[0]!.layout).toBeUndefined();
  });
});
