import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCommuneTemplate, buildRollupTemplate } from "./template";
import { detectReportDate, RULES, validateGrid } from "./validate";
import { findTable, type TableLayouts } from "./headers";
import type { CellValue, Grid, PhaseRef, ProgressCounts, RegisterKindRef, UnitRef, ValidationContext } from "./types";

const kinds: RegisterKindRef[] = [
  { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 },
  { code: "DEATH", nameVi: "Khai tử", nameEn: "Death", sortOrder: 2 },
  { code: "MARRIAGE", nameVi: "Kết hôn", nameEn: "Marriage", sortOrder: 3 },
];
const phases: PhaseRef[] = [
  { code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1 (2006 onward)" },
  { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2 (2005 and earlier)" },
];
const district: UnitRef = { id: "d505", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: "p49" };
const zaHung: UnitRef = { id: "c20491", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d505" };
const songKon: UnitRef = { id: "c20473", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn", level: "COMMUNE", parentId: "d505" };
const communeCtx = (over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-02-20", submitter: zaHung, units: [zaHung], registerKinds: kinds, phases, ...over });

/** The commune template filled with the same figures on every row, then edited by `edit`. */
function communeSheet(c: Partial<ProgressCounts> = {}, edit?: (rows: CellValue[][]) => void, date = "2025-02-19"): Grid {
  const s = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: date });
  const v = { booksTotal: 10, booksDigitized: 4, entriesTotal: 1000, entriesDigitized: 400, entriesChecked: 300, entriesLoaded: 200, ...c };
  for (const r of s.rows.slice(s.layout.firstDataRow)) {
    [r[3], r[4], r[5], r[6], r[7], r[8]] = [v.booksTotal, v.booksDigitized, v.entriesTotal, v.entriesDigitized, v.entriesChecked, v.entriesLoaded];
    r[9] = null;
  }
  edit?.(s.rows);
  return { sheets: [s] };
}
const codes = (g: Grid, ctx = communeCtx()) => validateGrid(g, ctx).issues.map((i) => `${i.code}@${i.cell}`);

describe("the commune template round-trips", () => {
  it("reads its own template back: 6 rows, the report date, no issues", () => {
    const r = validateGrid(communeSheet(), communeCtx());
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-02-19");
    expect(r.template).toBe("commune");
    expect(r.rows).toHaveLength(6);
    expect(r.rows[0]).toMatchObject({ unit: { code: "20491" }, registerKind: "BIRTH", phase: "P1", row: 6, cells: { entriesDigitized: "G6" } });
  });
  it("finds the report date without reference data", () => {
    expect(detectReportDate(communeSheet())).toBe("2025-02-19");
  });
  it("recognises the headers once when the caller keeps the layouts between finding the date and validating", () => {
    const grid = communeSheet({ entriesDigitized: 1200 });
    const layouts: TableLayouts = new Map();
    expect(detectReportDate(grid, layouts)).toBe("2025-02-19");
    const layout = layouts.get(grid.sheets[0]!);
    expect(layout).toEqual(findTable(grid.sheets[0]!));
    // the kept layout is what validation uses: same result as finding it again
    expect(validateGrid(grid, communeCtx(), layouts)).toEqual(validateGrid(grid, communeCtx()));
    expect(layouts.get(grid.sheets[0]!)).toBe(layout);
    // and a layout given for a sheet is taken as is (no table there → the sheet is not read)
    const none: TableLayouts = new Map([[grid.sheets[0]!, null]]);
    expect(validateGrid(grid, communeCtx(), none).issues.map((i) => i.code)).toEqual(["HEADER_NOT_FOUND"]);
  });
});

describe("each rule, in Vietnamese and English, at its cell", () => {
  const cases: [string, Grid, string, ValidationContext?][] = [
    ["DIGITIZED_GT_TOTAL", communeSheet({}, (r) => (r[5]![6] = 5000)), "G6"],
    ["BOOKS_DIGITIZED_GT_TOTAL", communeSheet({}, (r) => (r[5]![4] = 50)), "E6"],
    ["CHECKED_GT_DIGITIZED", communeSheet({}, (r) => (r[6]![7] = 900)), "H7"],
    ["LOADED_GT_DIGITIZED", communeSheet({}, (r) => (r[7]![8] = 901)), "I8"],
    ["COUNT_NEGATIVE", communeSheet({}, (r) => (r[5]![3] = -1)), "D6"],
    ["COUNT_NOT_INTEGER", communeSheet({}, (r) => (r[5]![6] = 10.5)), "G6"],
    ["COUNT_NOT_NUMBER", communeSheet({}, (r) => (r[5]![6] = "khoảng 400")), "G6"],
    ["COUNT_AMBIGUOUS", communeSheet({}, (r) => (r[5]![6] = "1,443")), "G6"],
    ["COUNT_MISSING", communeSheet({}, (r) => (r[5]![5] = null)), "F6"],
    ["PERCENT_MISMATCH", communeSheet({}, (r) => (r[5]![9] = "45%")), "J6"],
    ["DUPLICATE_ROW", communeSheet({}, (r) => { r[6]![1] = "Khai sinh"; r[6]![2] = "Giai đoạn 1"; }), null as unknown as string],
    ["KIND_UNKNOWN", communeSheet({}, (r) => (r[5]![1] = "Khai hoang")), "B6"],
    ["PHASE_UNKNOWN", communeSheet({}, (r) => (r[5]![2] = "Giai đoạn 9")), "C6"],
    ["DATE_IN_FUTURE", communeSheet({}, undefined, "2025-03-01"), null as unknown as string],
    ["DATE_INVALID", communeSheet({}, (r) => (r[2]![1] = "32/13/2025")), "B3"],
    ["DECREASE_WITHOUT_CORRECTION", communeSheet(), "G6", communeCtx({ previous: new Map([["20491|BIRTH|P1", { booksTotal: 10, booksDigitized: 4, entriesTotal: 1000, entriesDigitized: 450, entriesChecked: 0, entriesLoaded: 0 }]]) })],
    ["OUTLIER_JUMP", communeSheet(), "G6", communeCtx({ previous: new Map([["20491|BIRTH|P1", { booksTotal: 10, booksDigitized: 0, entriesTotal: 1000, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }], ["20491|DEATH|P1", { booksTotal: 10, booksDigitized: 0, entriesTotal: 1000, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }]]), recentDailyOutput: new Map([["20491", 20]]) })],
    ["INVENTORY_MISMATCH", communeSheet(), "F6", communeCtx({ inventory: new Map([["20491|BIRTH|P1", { booksTotal: 10, booksDigitized: 0, entriesTotal: 1200, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }]]) })],
    ["DATE_OUTSIDE_CAMPAIGN", communeSheet(), null as unknown as string, communeCtx({ campaign: { startDate: "2025-03-01", endDate: "2025-03-12" } })],
  ];
  it.each(cases)("%s", (code, grid, cell, ctx) => {
    const issues = validateGrid(grid, ctx ?? communeCtx()).issues.filter((i) => i.code === code);
    expect(issues.length, JSON.stringify(validateGrid(grid, ctx ?? communeCtx()).issues.map((i) => i.code))).toBeGreaterThan(0);
    const i = issues[0]!;
    expect(i.severity).toBe(RULES[code as keyof typeof RULES]);
    if (cell) expect(i.cell).toBe(cell);
    expect(i.message.vi).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i); // written in Vietnamese
    expect(i.message.vi).toMatch(/Hãy|hãy/); // says how to fix it
    expect(i.message.en).not.toMatch(/\b(Hãy|không|dòng|Ô|lớn hơn)\b/u); // and the English is English
    expect(i.message.en).toMatch(/\b(the|is|are|must|cannot|exceed|Check|Correct|Enter|Write|Pick|Remove)\b/);
    expect(i.message.vi).not.toBe(i.message.en);
  });

  it("reports digitized above total as the root cause, naming the rate it makes unverifiable, not a rate mismatch", () => {
    // 99.999 > 3.265 with the rate as the sheet's formula left it (0%): one error, at the digitized cell
    const r = validateGrid(communeSheet({}, (rows) => { rows[5]![5] = 3265; rows[5]![6] = 99999; rows[5]![9] = "0%"; }), communeCtx());
    const onRow = r.issues.filter((i) => i.row === 6);
    expect(onRow.map((i) => `${i.code}@${i.cell}`)).toEqual(["DIGITIZED_GT_TOTAL@G6"]);
    expect(onRow[0]!.cells).toEqual(["G6", "F6", "J6"]);
    expect(onRow[0]!.message.vi).toContain("99.999");
    expect(onRow[0]!.message.vi).toContain("J6");
    expect(onRow[0]!.message.en).toContain("J6");
    expect(r.rows.some((x) => x.row === 6)).toBe(false);
  });

  it("compares a stated rate in the unit it was written in, within display rounding", () => {
    // 74/1000 = 7.4%: 0 (as a number or text) is neither 0% ±0.5 nor 0 as a fraction ±0.5 points
    const rate = (v: CellValue) => codes(communeSheet({ entriesDigitized: 74, entriesChecked: 0, entriesLoaded: 0 }, (rows) => (rows[5]![9] = v)));
    expect(rate(0)).toEqual(["PERCENT_MISMATCH@J6"]);
    expect(rate("0")).toEqual(["PERCENT_MISMATCH@J6"]);
    expect(rate(0.1)).toEqual(["PERCENT_MISMATCH@J6"]); // 10% as a fraction, 0.1% as a percent
    // what the sheet may show for 7.4%
    for (const ok of [0.074, 0.07, 7.4, 7, "7,4%", "7%", 74 / 1000]) expect(rate(ok), String(ok)).toEqual([]);
    expect(rate(8)).toEqual(["PERCENT_MISMATCH@J6"]);
    expect(rate(0.08)).toEqual(["PERCENT_MISMATCH@J6"]);
  });

  it("accepts a decrease sent as a correction with a reason", () => {
    const ctx = communeCtx({ correction: { reason: "Nhập nhầm" }, previous: new Map([["20491|BIRTH|P1", { booksTotal: 10, booksDigitized: 4, entriesTotal: 1000, entriesDigitized: 450, entriesChecked: 0, entriesLoaded: 0 }]]) });
    const r = validateGrid(communeSheet(), ctx);
    expect(r.issues.filter((i) => i.code === "DECREASE_WITHOUT_CORRECTION")).toEqual([]);
    expect(r.rows[0]).toMatchObject({ isCorrection: true, correctionReason: "Nhập nhầm" });
  });

  it("refuses a sheet without a recognisable table, saying how to fix it", () => {
    const r = validateGrid({ sheets: [{ name: "Sheet1", rows: [["xin chào"], [1, 2, 3]] }] }, communeCtx());
    expect(r.issues.map((i) => i.code)).toEqual(["HEADER_NOT_FOUND"]);
    expect(r.issues[0]!.message.vi).toContain("mẫu");
  });
});

describe("sheets officials already have", () => {
  const rollupCtx = (): ValidationContext => ({ today: "2025-02-20", submitter: district, units: [district, zaHung, songKon], registerKinds: kinds, phases });

  it("reads a district sheet with merged two-row headers, no diacritics, spacer and total rows", () => {
    const rows: CellValue[][] = [
      ["UBND HUYEN DONG GIANG"],
      ["BAO CAO TIEN DO SO HOA SO HO TICH"],
      ["Ngay bao cao: 18/02/2025"],
      ["TT", "Don vi", "So (quyen)", null, "Du lieu", null, null, "Ty le (%)"],
      [null, null, "Tong so", "Da so hoa", "Tong so du lieu can so hoa", "So du lieu da so hoa", "Da dua vao CSDL", null],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)=(6)/(5)"],
      [1, "Zà Hung", 12, 0, "1.200", 0, 0, "0%"],
      [],
      [2, "xa song kon", 8, 1, "1 000", 100, 50, "10,0%"],
      [null, "Tổng cộng", 20, 1, "2.200", 100, 50, null],
    ];
    const r = validateGrid({ sheets: [{ name: "Đông Giang", rows, merges: ["A4:A5", "B4:B5", "C4:D4", "E4:G4", "H4:H5"] }] }, rollupCtx());
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-02-18");
    expect(r.rows.map((x) => [x.unit.fullName, x.counts.entriesTotal, x.counts.entriesDigitized, x.counts.booksTotal, x.counts.entriesLoaded])).toEqual([
      ["Xã Za Hung", 1200, 0, 12, 0],
      ["Xã Sông Kôn", 1000, 100, 8, 50],
    ]);
  });

  it("checks a grand total against its rows", () => {
    const s = buildRollupTemplate({ parent: district, children: [zaHung, songKon], reportDate: "2025-02-18" });
    s.rows[5] = [1, "20491", "Xã Za Hung", 1, 0, 100, 0, 0, 0, null, null];
    s.rows[6] = [2, "20473", "Xã Sông Kôn", 1, 0, 100, 10, 0, 0, null, null];
    s.rows[7] = [null, null, "Tổng cộng", 2, 0, 200, 11, 0, 0, null, null];
    expect(codes({ sheets: [s] }, rollupCtx())).toEqual(["TOTAL_MISMATCH@G8"]);
  });

  it("reads English headers", () => {
    const rows: CellValue[][] = [["Report date", "2025-02-18"], ["Unit code", "Unit name", "Books total", "Books digitized", "Entries to digitize", "Entries digitized", "Entries checked", "Entries loaded into the database"], ["20491", "Za Hung", 1, 0, 10, 5, 5, 5]];
    const r = validateGrid({ sheets: [{ name: "S", rows }] }, rollupCtx());
    expect(r.issues).toEqual([]);
    expect(r.rows[0]!.counts).toEqual({ booksTotal: 1, booksDigitized: 0, entriesTotal: 10, entriesDigitized: 5, entriesChecked: 5, entriesLoaded: 5 });
  });

  it("refuses an unknown name with the closest suggestions, and an ambiguous one with the candidates", () => {
    const other: UnitRef = { id: "x", code: "99999", name: "Za Hung", fullName: "Phường Za Hung", level: "COMMUNE", parentId: "d505" };
    const rows: CellValue[][] = [["Ngày báo cáo: 18/02/2025"], ["Đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"], ["Za Hùng Mới", 10, 1], ["Za Hung", 10, 1]];
    const r = validateGrid({ sheets: [{ name: "S", rows }] }, { ...rollupCtx(), units: [district, zaHung, songKon, other] });
    const unknown = r.issues.find((i) => i.code === "UNIT_UNKNOWN")!;
    expect(unknown.cell).toBe("A3");
    expect(unknown.message.vi).toContain("Có phải");
    const amb = r.issues.find((i) => i.code === "UNIT_AMBIGUOUS")!;
    expect(amb.message.vi).toContain("20491");
    expect(amb.message.vi).toContain("99999");
  });
});

describe("the registry shipped in packages/db/registry (2025-06-30): \"Zà Hung\" is Xã Za Hung of Huyện Đông Giang", () => {
  it("matches it by name within Quảng Nam", () => {
    // The registry Sohoa ships: every province, district and commune valid on 2025-06-30.
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/registry/vn-units-2025-06-30.json");
    const qn = (JSON.parse(readFileSync(file, "utf8")) as { code: string; name: string; fullName: string; districts: { code: string; name: string; fullName: string; wards: { code: string; name: string; fullName: string }[] }[] }[]).find((p) => p.code === "49")!;
    const province: UnitRef = { id: "49", code: "49", name: qn.name, fullName: qn.fullName, level: "PROVINCE", parentId: null };
    const units: UnitRef[] = [province];
    for (const d of qn.districts) {
      units.push({ id: d.code, code: d.code, name: d.name, fullName: d.fullName, level: "DISTRICT", parentId: "49" });
      for (const w of d.wards) units.push({ id: w.code, code: w.code, name: w.name, fullName: w.fullName, level: "COMMUNE", parentId: d.code });
    }
    const rows: CellValue[][] = [["Ngày báo cáo: 18/02/2025"], ["STT", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Tỷ lệ (%)"], [1, "Zà Hung", 5000, 0, 0], [2, "Trà Mai", 4000, 0, "0%"], [3, "Sông Kôn", 3000, 0, 0]];
    const r = validateGrid({ sheets: [{ name: "QN", rows }] }, { today: "2025-02-20", submitter: province, units, registerKinds: kinds, phases });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => `${x.unit.fullName} (${x.unit.code}) ${units.find((u) => u.id === x.unit.parentId)?.fullName}`)).toEqual([
      "Xã Za Hung (20491) Huyện Đông Giang",
      "Xã Trà Mai (20944) Huyện Nam Trà My",
      "Xã Sông Kôn (20473) Huyện Đông Giang",
    ]);
  });
});

describe("validation never throws", () => {
  const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 12 }), fc.double({ noNaN: false }), fc.integer(), fc.boolean(), fc.constantFrom("Tổng cộng", "Số dữ liệu đã số hóa", "Tổng số dữ liệu cần số hóa", "Khai sinh", "Giai đoạn 1", "Zà Hung", "18/02/2025", "Ngày báo cáo:"));
  it("returns issues for arbitrary grids", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 10 }), rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 }), merges: fc.option(fc.array(fc.constantFrom("A1:B2", "C4:D4", "ZZ9:A1", "bad"), { maxLength: 3 }), { nil: undefined }) }), { maxLength: 3 }), (sheets) => {
        const r = validateGrid({ sheets } as Grid, communeCtx());
        expect(Array.isArray(r.issues)).toBe(true);
        expect(r.hasErrors).toBe(r.issues.some((i) => i.severity === "error"));
      }),
      { numRuns: 300 },
    );
    expect(validateGrid(null as unknown as Grid, communeCtx()).hasErrors).toBe(true);
  });
});
