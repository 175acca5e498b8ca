import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCommuneTemplate, buildRollupTemplate } from "./template";
import { issuesByCell, RULE_CODES, RULES, summarizeIssues, validateGrid } from "./validate";
import type { CellValue, Grid, PhaseRef, ProgressCounts, RegisterKindRef, UnitRef, ValidationContext } from "./types";

const kinds: RegisterKindRef[] = [
  { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 },
  { code: "DEATH", nameVi: "Khai tử", nameEn: "Death", sortOrder: 2 },
];
const phases: PhaseRef[] = [
  { code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1 (2006 onward)" },
  { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2 (2005 and earlier)" },
];
const province: UnitRef = { id: "p49", code: "49", name: "Quảng Nam", fullName: "Tỉnh Quảng Nam", level: "PROVINCE", parentId: null };
const dongGiang: UnitRef = { id: "d505", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: "p49" };
const namTraMy: UnitRef = { id: "d517", code: "517", name: "Nam Trà My", fullName: "Huyện Nam Trà My", level: "DISTRICT", parentId: "p49" };
const zaHung: UnitRef = { id: "c20491", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d505" };
const songKon: UnitRef = { id: "c20473", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn", level: "COMMUNE", parentId: "d505" };
const traMai: UnitRef = { id: "c20944", code: "20944", name: "Trà Mai", fullName: "Xã Trà Mai", level: "COMMUNE", parentId: "d517" };
const doj: UnitRef = { id: "a49", code: "STP49", name: "Sở Tư pháp", fullName: "Sở Tư pháp tỉnh Quảng Nam", level: "AGENCY", parentId: "p49" };
const all = [province, dongGiang, namTraMy, zaHung, songKon, traMai, doj];
const provinceCtx = (over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-02-20", submitter: province, units: all, registerKinds: kinds, phases, ...over });
const communeCtx = (over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-02-20", submitter: zaHung, units: [zaHung], registerKinds: kinds, phases, ...over });
const C = (entriesTotal: number, entriesDigitized: number, more: Partial<ProgressCounts> = {}): ProgressCounts => ({ booksTotal: 0, booksDigitized: 0, entriesTotal, entriesDigitized, entriesChecked: 0, entriesLoaded: 0, ...more });
const codesOf = (g: Grid, ctx: ValidationContext) => validateGrid(g, ctx).issues.map((i) => `${i.code}@${i.cell}`);

function rollup(fill: Record<string, CellValue[]>, groups = true): Grid {
  const s = buildRollupTemplate({
    parent: province, children: [zaHung, songKon, traMai, doj], reportDate: "2025-02-18",
    groups: groups ? [{ unit: dongGiang, children: [zaHung, songKon] }, { unit: namTraMy, children: [traMai] }, { unit: doj, children: [] }] : undefined,
  });
  for (const row of s.rows) {
    const code = typeof row[1] === "string" ? row[1] : null;
    const f = code ? fill[code] : typeof row[2] === "string" ? fill[row[2]] : undefined;
    if (f) f.forEach((v, k) => (row[3 + k] = v));
  }
  return { sheets: [s] };
}

describe("the roll-up template with district subtotals (a province sheet)", () => {
  it("reads units, not subtotal rows; checks subtotals and the grand total", () => {
    const g = rollup({
      "20491": [1, 0, 5000, 0, 0, 0], "20473": [1, 0, 3000, 300, 0, 0], "505": [2, 0, 8000, 300, 0, 0],
      "20944": [1, 0, 4000, 0, 0, 0], "517": [1, 0, 4000, 0, 0, 0], "STP49": [3, 3, 900, 900, 900, 900],
      "Tổng cộng": [6, 3, 12_900, 1_200, 900, 900],
    });
    const r = validateGrid(g, provinceCtx());
    expect(r.issues).toEqual([]);
    expect(r.template).toBe("rollup");
    expect(r.rows.map((x) => [x.unit.code, x.registerKind, x.phase, x.counts.entriesDigitized])).toEqual([
      ["20491", "*", "*", 0], ["20473", "*", "*", 300], ["20944", "*", "*", 0], ["STP49", "*", "*", 900],
    ]);
  });

  it("a district subtotal that does not add up is an error at its cell; the units stay accepted", () => {
    const g = rollup({ "20491": [1, 0, 5000, 0, 0, 0], "20473": [1, 0, 3000, 300, 0, 0], "505": [2, 0, 8000, 310, 0, 0], "20944": [1, 0, 4000, 0, 0, 0] });
    const r = validateGrid(g, provinceCtx());
    // (the Department of Justice row is left blank here: not reported, a warning)
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["TOTAL_MISMATCH@G6", "ROW_EMPTY@G11"]);
    expect(r.rows.map((x) => x.unit.code)).toEqual(["20491", "20473", "20944"]);
    expect(r.issues[0]!.message.vi).toContain("Huyện Đông Giang");
    expect(r.issues[0]!.message.vi).toContain("310");
    expect(r.issues[0]!.message.en).toContain("off by 10");
  });

  it("the template's own total and subtotal cells are SUM formulas over the right rows", () => {
    const s = buildRollupTemplate({ parent: province, children: [], reportDate: "2025-02-18", groups: [{ unit: dongGiang, children: [zaHung, songKon] }, { unit: namTraMy, children: [traMai] }] });
    expect(s.rows[5]!.slice(1, 3)).toEqual(["505", "Huyện Đông Giang"]);
    expect(s.formulas["G6"]).toBe("=SUM(G7:G8)");
    expect(s.rows[8]!.slice(1, 3)).toEqual(["517", "Huyện Nam Trà My"]);
    expect(s.formulas["G9"]).toBe("=SUM(G10:G10)");
    expect(s.formulas["G11"]).toBe("=G6+G9");
    expect(s.rows[10]![2]).toBe("Tổng cộng");
    expect(s.formulas["J7"]).toBe('=IF(F7>0,ROUND(G7/F7*100,1),"")');
    expect(s.layout.totalRows).toEqual([5, 8, 10]);
  });

  it("a unit listed with no figures has not reported: skipped with a warning, not an error", () => {
    const g = rollup({ "20491": [1, 0, 5000, 0, 0, 0] }, false);
    const r = validateGrid(g, provinceCtx());
    expect(r.hasErrors).toBe(false);
    expect(r.issues.filter((i) => i.code === "ROW_EMPTY").map((i) => i.cell)).toEqual(["G7", "G8", "G9"]);
    expect(r.rows.map((x) => x.unit.code)).toEqual(["20491"]);
  });

  it("a row without a unit in a roll-up is an error (UNIT_MISSING)", () => {
    const rows: CellValue[][] = [["Ngày báo cáo: 18/02/2025"], ["Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"], [null, 10, 2]];
    expect(codesOf({ sheets: [{ name: "S", rows }] }, provinceCtx())).toEqual(["UNIT_MISSING@A3"]);
  });
});

describe("corrections", () => {
  const prev = new Map([["20491|BIRTH|P1", C(1000, 450)]]);
  const sheet = (note: CellValue, reason: CellValue = null): Grid => {
    const s = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-19" });
    for (const r of s.rows.slice(5)) [r[3], r[4], r[5], r[6], r[7], r[8]] = [10, 4, 1000, 400, 300, 200];
    s.rows[5]![10] = note;
    s.rows[5]![11] = reason;
    return { sheets: [s] };
  };
  it("a decrease is an error unless the row is a correction with a reason", () => {
    expect(codesOf(sheet(null), communeCtx({ previous: prev }))).toEqual(["DECREASE_WITHOUT_CORRECTION@G6"]);
    const viaColumn = validateGrid(sheet(null, "Nhập trùng 50 dữ liệu ngày 17/02"), communeCtx({ previous: prev }));
    expect(viaColumn.issues).toEqual([]);
    expect(viaColumn.rows[0]).toMatchObject({ isCorrection: true, correctionReason: "Nhập trùng 50 dữ liệu ngày 17/02" });
    expect(viaColumn.rows[1]).toMatchObject({ isCorrection: false, correctionReason: null });
    const viaNote = validateGrid(sheet("Điều chỉnh: nhập trùng 50 dữ liệu"), communeCtx({ previous: prev }));
    expect(viaNote.issues).toEqual([]);
    expect(viaNote.rows[0]).toMatchObject({ isCorrection: true, correctionReason: "nhập trùng 50 dữ liệu" });
  });
  it("a correction without a reason is refused, at the cell to fill", () => {
    expect(codesOf(sheet(null, "x"), communeCtx({ previous: prev }))).toEqual(["CORRECTION_REASON_MISSING@L6"]);
    expect(codesOf(sheet("Điều chỉnh"), communeCtx({ previous: prev }))).toEqual(["CORRECTION_REASON_MISSING@L6"]); // where the reason goes
    expect(codesOf(sheet(null), communeCtx({ previous: prev, correction: { reason: " " } }))).toContain("CORRECTION_REASON_MISSING@null");
  });
  it("an ordinary note is not a correction", () => {
    const r = validateGrid(sheet("Sổ năm 1998 bị rách 3 trang"), communeCtx());
    expect(r.rows[0]).toMatchObject({ note: "Sổ năm 1998 bị rách 3 trang", isCorrection: false });
  });
});

describe("outliers and the report date", () => {
  const prev = new Map([["20491|BIRTH|P1", C(1000, 0)]]);
  const g = (): Grid => {
    const s = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-19" });
    s.rows[5]![5] = 1000; s.rows[5]![6] = 900;
    return { sheets: [s] };
  };
  it("a jump far above the usual daily output is a warning, scaled by the days since the last report", () => {
    const one = validateGrid(g(), communeCtx({ previous: prev, recentDailyOutput: new Map([["20491", 40]]) }));
    expect(one.issues.map((i) => `${i.code}@${i.cell}:${i.severity}`)).toEqual(["OUTLIER_JUMP@G6:warning"]);
    expect(one.hasErrors).toBe(false);
    expect(one.rows).toHaveLength(1);
    expect(one.issues[0]!.message.vi).toContain("900");
    // 900 in 5 days at 40/day is within 10× the usual pace: no warning
    const five = validateGrid(g(), { ...communeCtx({ previous: prev, recentDailyOutput: new Map([["20491", 40]]) }), previousReportDate: new Map([["20491", "2025-02-14"]]) });
    expect(five.issues).toEqual([]);
  });
  it("the date cell is the one in the header block; future dates are refused there", () => {
    const r = validateGrid(g(), communeCtx({ today: "2025-02-18" }));
    expect(r.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual(["DATE_IN_FUTURE@Tiến độ 20491!B3"]);
  });
  it("a workbook with two dates is refused (one report date per submission), a sheet without one too", () => {
    const a = g(), b = g();
    b.sheets[0]!.name = "Khác";
    b.sheets[0]!.rows[2]![1] = "20/02/2025";
    b.sheets[0]!.rows[5]![1] = "Khai tử";
    expect(codesOf({ sheets: [...a.sheets, ...b.sheets] }, communeCtx({ today: "2025-02-21" }))).toEqual(["DATES_MIXED@null"]);
    const none = g();
    none.sheets[0]!.rows[2] = [];
    expect(codesOf(none, communeCtx())).toEqual(["DATE_MISSING@null"]);
    expect(validateGrid(none, communeCtx({ reportDate: "2025-02-19" })).reportDate).toBe("2025-02-19");
  });
  it("an empty template is NO_ROWS; a garbage rate is PERCENT_INVALID", () => {
    const s = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-19" });
    expect(codesOf({ sheets: [s] }, communeCtx())).toEqual(["NO_ROWS@null"]);
    const t = g();
    t.sheets[0]!.rows[5]![9] = "gần xong";
    expect(codesOf(t, communeCtx())).toEqual(["PERCENT_INVALID@J6"]);
  });
});

describe("the rule catalogue", () => {
  it("has stable codes and severities (warnings: not blocking)", () => {
    expect(RULE_CODES).toContain("COUNT_NEGATIVE");
    expect(RULE_CODES.filter((c) => RULES[c] === "warning").sort()).toEqual(["DATE_OUTSIDE_CAMPAIGN", "INVENTORY_MISMATCH", "OUTLIER_JUMP", "ROW_EMPTY", "UNIT_FORMER", "UNIT_NAME_MISMATCH"]);
  });
});

describe("validation never throws, and what it accepts satisfies the invariants (property)", () => {
  const anyCell = fc.oneof(
    fc.constant(null), fc.integer({ min: -5, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }), fc.double({ noNaN: false }), fc.boolean(), fc.string({ maxLength: 8 }),
    fc.constantFrom("1.443.893", "1,443", "44,5%", "0.445", "-", "Tổng cộng", "Cộng", "Điều chỉnh", "x", "Khai sinh", "GĐ 2", "Zà Hung", "20491", "Huyện Đông Giang", "31/02/2025", "18/02/2025", 45706),
  );
  it("on the templates with random edits, in any context", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        // edits anywhere, and edits in the figures area (rows 6–12, columns D–J) where the rules bite
        fc.array(fc.oneof(fc.tuple(fc.nat(40), fc.nat(13), anyCell), fc.tuple(fc.integer({ min: 5, max: 11 }), fc.integer({ min: 3, max: 9 }), anyCell)), { maxLength: 40 }),
        fc.option(fc.constantFrom("2025-02-14", "2025-03-01"), { nil: undefined }),
        fc.boolean(),
        (useRollup, edits, campaignStart, withHistory) => {
          const g = useRollup
            ? rollup({ "20491": [1, 0, 5000, 0, 0, 0], "20473": [1, 0, 3000, 300, 0, 0], "20944": [1, 0, 4000, 0, 0, 0], STP49: [3, 3, 900, 900, 900, 900] })
            : { sheets: [buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-18" })] };
          const rows = g.sheets[0]!.rows;
          for (const [r, c, v] of edits) {
            const row = (rows[r % (rows.length + 2)] ??= []);
            row[c] = v;
          }
          const previous = withHistory ? new Map([["20491|BIRTH|P1", C(5000, 100)], ["20473|*|*", C(3000, 400)]]) : undefined;
          const ctx = useRollup
            ? provinceCtx({ previous, recentDailyOutput: new Map([["20473", 5]]), campaign: campaignStart ? { startDate: campaignStart, endDate: "2025-03-12" } : null })
            : communeCtx({ previous, inventory: new Map([["20491|BIRTH|P1", C(5000, 0)]]) });
          const r = validateGrid(g, ctx);
          expect(r.hasErrors).toBe(r.issues.some((i) => i.severity === "error"));
          for (const i of r.issues) {
            expect(RULE_CODES).toContain(i.code);
            expect(i.severity).toBe(RULES[i.code as keyof typeof RULES]);
            expect(i.message.vi.length).toBeGreaterThan(10);
            expect(i.message.en.length).toBeGreaterThan(10);
            if (i.cell !== null) expect(i.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
          }
          const errorRows = new Set(r.issues.filter((i) => i.severity === "error" && i.row).map((i) => `${i.sheet}|${i.row}`));
          for (const row of r.rows) {
            expect(errorRows.has(`${row.sheet}|${row.row}`)).toBe(false);
            const c = row.counts;
            for (const v of Object.values(c)) expect(Number.isInteger(v) && v >= 0).toBe(true);
            if (row.cells.entriesTotal) expect(c.entriesDigitized).toBeLessThanOrEqual(c.entriesTotal);
            if (row.cells.entriesChecked) expect(c.entriesChecked).toBeLessThanOrEqual(c.entriesDigitized);
            if (row.cells.entriesLoaded) expect(c.entriesLoaded).toBeLessThanOrEqual(c.entriesDigitized);
            if (row.cells.booksTotal && row.cells.booksDigitized) expect(c.booksDigitized).toBeLessThanOrEqual(c.booksTotal);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("a district office's own sheet (title block, two-row merged headers, numbering row, extra columns)", () => {
  it("is read as the server will read it", () => {
    const rows: CellValue[][] = [
      ["UỶ BAN NHÂN DÂN HUYỆN ĐÔNG GIANG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["PHÒNG TƯ PHÁP", null, null, "Độc lập - Tự do - Hạnh phúc"],
      [],
      ["BÁO CÁO KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH"],
      ["Số liệu tính đến ngày 18/02/2025"],
      ["STT", "Đơn vị", "Sổ hộ tịch", null, "Dữ liệu hộ tịch", null, null, null, "Tỷ lệ", "Người phụ trách"],
      [null, null, "TS", "Đã số hóa", "TS", "SL đã số hóa", "Đã kiểm tra", "Đã đưa vào CSDL", null, null],
      ["1", "2", "3", "4", "5", "6", "7", "8", "9=6/5", "10"],
      ["I", "Huyện Đông Giang", 18, 2, "8.000", 300, 80, 50, "3,75%", null],
      [1, "Xã Zà Hung", 10, 0, "5.000", 0, 0, 0, "0%", "Anh A"],
      [2, "Sông Kôn", 8, 2, "3.000", 300, 80, 50, 0.1, "Chị B"],
      [null, "Cộng", 18, 2, "8.000", 300, 80, 50, null, null],
    ];
    const r = validateGrid({ sheets: [{ name: "Đông Giang", rows, merges: ["A6:A7", "B6:B7", "C6:D6", "E6:H6", "I6:I7", "J6:J7"] }] }, provinceCtx());
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-02-18");
    expect(r.rows.map((x) => [x.unit.code, x.counts.entriesTotal, x.counts.entriesDigitized, x.counts.entriesChecked, x.counts.entriesLoaded, x.cells.entriesDigitized])).toEqual([
      ["20491", 5000, 0, 0, 0, "F10"],
      ["20473", 3000, 300, 80, 50, "F11"],
    ]);
    // the same sheet with a wrong subtotal cell and a wrong rate
    rows[11]![5] = 310;
    rows[10]![8] = "12%";
    expect(codesOf({ sheets: [{ name: "Đông Giang", rows, merges: ["A6:A7", "B6:B7", "C6:D6", "E6:H6", "I6:I7", "J6:J7"] }] }, provinceCtx())).toEqual(["PERCENT_MISMATCH@I11", "TOTAL_MISMATCH@F12"]);
    // an unreadable count is reported once, at its cell, without a cascade of total mismatches
    rows[11]![5] = 300;
    rows[10]![8] = null;
    rows[10]![5] = "ba trăm";
    expect(codesOf({ sheets: [{ name: "Đông Giang", rows, merges: ["A6:A7", "B6:B7", "C6:D6", "E6:H6", "I6:I7", "J6:J7"] }] }, provinceCtx())).toEqual(["COUNT_NOT_NUMBER@F11"]);
  });
});

describe("overlapping rows count the same entries twice", () => {
  it("a roll-up row for a commune and the commune's own sheet in one workbook: DUPLICATE_ROW", () => {
    const roll: CellValue[][] = [["Ngày báo cáo: 18/02/2025"], ["Mã đơn vị", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"], ["20491", "Xã Za Hung", 5000, 100]];
    const communeSheet = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-18" });
    communeSheet.rows[5]![1] = "20491"; // unused index column: harmless
    const own = { ...communeSheet, rows: [...communeSheet.rows.slice(0, 4), ["Mã đơn vị", ...communeSheet.rows[4]!.slice(1)], ["20491", "Khai sinh", "Giai đoạn 1", 1, 0, 5000, 100, 0, 0]] };
    const r = validateGrid({ sheets: [{ name: "Bảng 1", rows: roll }, own] }, provinceCtx());
    expect(r.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([`DUPLICATE_ROW@${communeSheet.name}!A6`]);
    expect(r.issues[0]!.message.vi).toContain("Bảng 1");
    // Named as the summary of the other sheets ("Tổng hợp"), the same roll-up is checked against them, not counted.
    const summed = validateGrid({ sheets: [{ name: "Tổng hợp", rows: roll }, own] }, provinceCtx());
    expect(summed.issues).toEqual([]);
    expect(summed.rows.map((x) => `${x.sheet}:${x.unit.code}:${x.counts.entriesDigitized}`)).toEqual([`${communeSheet.name}:20491:100`]);
    expect(summed.reading.sheets.map((x) => x.kind)).toEqual(["summary", "table"]);
    roll[2]![3] = 90; // yesterday's figure left in the summary
    const off = validateGrid({ sheets: [{ name: "Tổng hợp", rows: roll }, own] }, provinceCtx());
    expect(off.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual(["TOTAL_MISMATCH@Tổng hợp!D3"]);
    expect(off.issues[0]!.message.vi).toContain("ghi 90 nhưng cộng các dòng được 100");
  });
});

describe("helpers for marking a sheet", () => {
  it("groups issues by cell and summarizes them", () => {
    const s = buildCommuneTemplate({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-19" });
    s.rows[5]!.splice(3, 6, 1, 0, 100, 150, 0, 0);
    const r = validateGrid({ sheets: [s] }, communeCtx());
    const byCell = issuesByCell(r.issues);
    expect([...byCell.keys()]).toEqual([`${s.name}!G6`, `${s.name}!F6`]);
    expect(summarizeIssues(r.issues)).toBe("1 lỗi, 0 cảnh báo");
    expect(summarizeIssues(r.issues, "en")).toBe("1 error(s), 0 warning(s)");
  });
});

describe("the date line of an official document", () => {
  it("\"Quảng Nam, ngày 18 tháng 02 năm 2025\" above the table is the report date when no date is labelled", () => {
    const rows: CellValue[][] = [
      ["UBND TỈNH QUẢNG NAM", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["SỞ TƯ PHÁP", null, "Quảng Nam, ngày 18 tháng 02 năm 2025"],
      ["Mã đơn vị", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"],
      ["20491", "Xã Za Hung", 5000, 0],
    ];
    const r = validateGrid({ sheets: [{ name: "QN", rows }] }, provinceCtx());
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-02-18");
    expect(r.rows[0]!.cells.reportDate).toBe("C2");
  });
});
