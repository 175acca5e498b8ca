import { describe, expect, it } from "vitest";
import { checkTargetRows, monthsBetween, parseMonthHeader, parseTargetCount, readTargetSheet, type TargetUnit } from "./targets";
import type { CellValue, Sheet } from "./types";

const campaign = { name: "Đợt 2025", startDate: "2025-02-01", endDate: "2025-06-30" };
const za: TargetUnit = { id: "c1", code: "20491", fullName: "Xã Za Hung", inCampaign: true };
const sheetOf = (rows: CellValue[][]): Sheet => ({ name: "Chỉ tiêu tháng", rows });
const units = new Map([[za.code, za], ["505", { id: "d", code: "505", fullName: "Huyện Đông Giang", inCampaign: true }], ["49", { id: "p", code: "49", fullName: "Tỉnh Khác", inCampaign: false }]]);

describe("the monthly targets sheet", () => {
  it("reads month headers as written", () => {
    expect(["03/2025", "3/2025", "Tháng 03/2025", "T3/2025", "2025-03", "2025-03-01"].map(parseMonthHeader)).toEqual(Array(6).fill("2025-03"));
    expect([parseMonthHeader("13/2025"), parseMonthHeader("Ghi chú"), parseMonthHeader(3)]).toEqual([null, null, null]);
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
  it("reads targets as the progress sheets read counts: whole numbers from 0, Vietnamese grouping; anything else is refused", () => {
    expect([12000, "12000", "12.000", "12 000", "", null, "  "].map(parseTargetCount)).toEqual([12000, 12000, 12000, 12000, null, null, null]);
    expect([-1, 1.5, "12,5", "khoảng 100", 2_000_000_000, true].map(parseTargetCount)).toEqual(Array(6).fill("bad"));
  });
  it("no header: one issue at A1", () => {
    const t = readTargetSheet(sheetOf([["Danh sách"], ["Họ tên"]]), campaign);
    expect(t.headerRow).toBe(-1);
    expect(t.issues).toMatchObject([{ code: "no_header", cell: "A1", row: 1, sheet: "Chỉ tiêu tháng" }]);
    expect(readTargetSheet(undefined, campaign).issues[0]?.code).toBe("no_header");
  });
  it("every cell checked, each error at its cell; the targets read with theirs", () => {
    const t = readTargetSheet(sheetOf([
      ["Mã đơn vị", "Tên đơn vị", "03/2025", "03/2025", "08/2025"],
      ["20491", "Xã Za Hung", "12.000", 5, "x"],
      [null, null, 1],
      ["999", "?", 1],
      ["505", "Huyện", 1],
      ["49", "Tỉnh", 1],
      ["20491", "lại", 1],
    ]), campaign);
    expect(t.months).toEqual(["2025-03", "2025-08"]);
    expect(t.codes).toEqual(["20491", "999", "505", "49"]);
    const r = checkTargetRows(t, units, campaign, "d");
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["duplicate_month@D1", "month_outside_campaign@E1", "bad_count@E2", "missing_unit@A3", "unit_not_in_scope@A4", "own_unit@A5", "not_in_campaign@A6", "duplicate_unit@A7"]);
    expect(r.issues.find((i) => i.code === "duplicate_unit")?.message.vi).toContain("dòng 2");
    expect(r.rows).toEqual([
      { unit: { id: "c1", code: "20491", fullName: "Xã Za Hung" }, month: "2025-03", entriesTarget: 12000, cell: "C2" },
      { unit: { id: "c1", code: "20491", fullName: "Xã Za Hung" }, month: "2025-03", entriesTarget: 5, cell: "D2" },
    ]);
    for (const i of r.issues) expect(i.message.vi && i.message.en).toBeTruthy();
  });
  it("a sheet with nothing wrong and no target says so under the first month", () => {
    const t = readTargetSheet(sheetOf([["Mã", "03/2025"], ["20491", null]]), campaign);
    expect(checkTargetRows(t, units, campaign, null).issues).toMatchObject([{ code: "empty", cell: "B2", row: 2 }]);
  });
});
