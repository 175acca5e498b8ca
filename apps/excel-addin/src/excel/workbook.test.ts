/** readWorkbook on the Excel double at ExcelApi 1.1: every visible sheet in two syncs, hidden and empty ones left out. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateGrid, type UnitRef } from "@sohoa/core";
import { ExcelDouble } from "../testing/excel-double";
import { readWorkbook } from "./sheet";

describe("readWorkbook", () => {
  let host: ExcelDouble;
  let uninstall: () => void;
  beforeEach(() => {
    host = new ExcelDouble({ apiVersion: "1.1" });
    uninstall = host.install();
  });
  afterEach(() => uninstall());

  it("reads a district's workbook — the summary and one sheet per commune — in two syncs, whatever the number of sheets", async () => {
    const communes = [["Za Hung", "UBND XÃ ZA HUNG", 5000, 1200], ["Sông Kôn", "UBND XÃ SÔNG KÔN", 3000, 800]] as const;
    host.model.addSheet("Tổng hợp");
    host.model.setValues("Tổng hợp", "A1", [["Số liệu tính đến ngày 25/02/2025"], ["STT", "Tên xã", "Tổng số dữ liệu", "Đã số hóa"], [1, "Za Hung", 5000, 1200], [2, "Sông Kôn", 3000, 800], ["", "Cộng", 8000, 2000]]);
    for (const [name, title, total, done] of communes) {
      host.model.addSheet(name);
      host.model.setValues(name, "A1", [[title], ["Số liệu tính đến ngày 25/02/2025"], ["Loại sổ", "Tổng số dữ liệu", "Đã số hóa"], ["Khai sinh", total, done]]);
    }
    host.model.addSheet("Nháp").visibility = "Hidden";
    host.model.setValues("Nháp", "A1", [["scratch", 1]]);
    host.resetCounters();

    const { sheets } = await readWorkbook();
    expect(host.syncs).toBe(2);
    expect(sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Za Hung", "Sông Kôn"]); // Sheet1 is empty, Nháp hidden

    // and core reads it as the district's one submission: the summary checked, the communes counted once
    const d: UnitRef = { id: "d", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: null };
    const units: UnitRef[] = [d, { id: "z", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d" }, { id: "s", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn", level: "COMMUNE", parentId: "d" }];
    const r = validateGrid({ sheets }, { today: "2025-03-01", submitter: d, units, registerKinds: [{ code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 }], phases: [] });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => `${x.unit.code}:${x.counts.entriesDigitized}`)).toEqual(["20491:1200", "20473:800"]);
    expect(r.reading.sheets.map((s) => s.kind)).toEqual(["summary", "table", "table"]);
  });
});
