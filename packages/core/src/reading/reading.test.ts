import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateGrid } from "../validate";
import type { CellValue, Grid, PhaseRef, RegisterKindRef, UnitRef, ValidationContext } from "../types";

const kinds: RegisterKindRef[] = [
  { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth", sortOrder: 1 },
  { code: "DEATH", nameVi: "Khai tử", nameEn: "Death", sortOrder: 2 },
  { code: "MARRIAGE", nameVi: "Kết hôn", nameEn: "Marriage", sortOrder: 3 },
  { code: "OTHER", nameVi: "Khác", nameEn: "Other", sortOrder: 9 },
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
const agency: UnitRef = { id: "a49", code: "49-STP", name: "Tư pháp tỉnh Quảng Nam", fullName: "Tư pháp tỉnh Quảng Nam", level: "AGENCY", parentId: "p49" };
const all = [province, dongGiang, namTraMy, zaHung, songKon, traMai, agency];
const ctx = (submitter: UnitRef, over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-03-10", submitter, units: all, registerKinds: kinds, phases, ...over });

const frame = (agencyLines: [string, string], title: string, subtitle: string | null): CellValue[][] => [
  [agencyLines[0], null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  [agencyLines[1], null, null, null, "Độc lập - Tự do - Hạnh phúc"],
  ["Số: 45/BC-STP", null, null, null, "Quảng Nam, ngày 26 tháng 02 năm 2025"],
  [],
  [title],
  ...(subtitle ? [[subtitle]] : []),
  [],
];
const trailer: CellValue[][] = [
  [],
  ["Ghi chú:"],
  ["- Xã Trà Mai chưa triển khai do thiếu máy quét."],
  ["* Số liệu sổ đã bao gồm sổ của Sở Tư pháp."],
  ["Nơi nhận:", null, null, null, "KT. GIÁM ĐỐC"],
  ["- Bộ Tư pháp;", null, null, null, "PHÓ GIÁM ĐỐC"],
  ["- Lưu: VT.", null, null, null, null],
  [null, "NGƯỜI LẬP BIỂU", null, null, "Nguyễn Văn An"],
];

/** A province's 17:00 report: frame, two-row merged header, column numbers, district groups, the agency, the total, notes, signatures. */
function provinceReport(opts: { totalFirst?: boolean; zaHungDigitized?: number } = {}): CellValue[][] {
  const header: CellValue[][] = [
    ["STT", "Tên đơn vị", "Sổ hộ tịch (quyển)", null, "Dữ liệu hộ tịch", null, "Tỷ lệ (%)", "Ghi chú"],
    [null, null, "Tổng số", "Đã số hóa", "Tổng số", "Đã số hóa", null, null],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)"],
  ];
  const zd = opts.zaHungDigitized ?? 1200;
  const body: CellValue[][] = [
    ["I", "HUYỆN ĐÔNG GIANG", 30, 12, 8000, 1200 + 800, null, null],
    [1, "Xã Za Hung", 20, 8, 5000, zd, zd / 5000, null],
    [2, "Sông Kôn", 10, 4, 3000, 800, 800 / 3000, null],
    ["II", "HUYỆN NAM TRÀ MY", 5, 0, 2000, 0, null, null],
    [1, "Xã Trà Mai", 5, 0, 2000, 0, 0, "Chưa triển khai"],
    ["III", "Sở Tư pháp", 4, 4, 900, 900, 1, null],
  ];
  const total: CellValue[] = ["", "Tổng cộng", 39, 16, 10_900, zd + 800 + 900, null, null];
  return [...frame(["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"], "BÁO CÁO TIẾN ĐỘ SỐ HÓA SỔ HỘ TỊCH", "(Số liệu tính đến 17 giờ 00 ngày 25/02/2025)"), ...header, ...(opts.totalFirst ? [total, ...body] : [...body, total]), ...trailer];
}

/** A commune's sheet by register kind × phase with section rows and their subtotals. */
function communeSheet(): CellValue[][] {
  return [
    ["UBND XÃ ZA HUNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BẢNG TỔNG HỢP KẾT QUẢ SỐ HÓA SỔ HỘ TỊCH"],
    ["(Số liệu tính đến ngày 25/02/2025)"],
    ["STT", "Loại sổ", "Tổng số dữ liệu", "Đã số hóa"],
    ["I", "Giai đoạn 1 (2006 - 2018)", 3000, 700],
    [1, "Khai sinh", 2000, 500],
    [2, "Kết hôn", 600, 100],
    [3, "Khác (nuôi con nuôi, ly hôn ở nước ngoài)", 400, 100],
    [null, "Cộng giai đoạn 1", 3000, 700],
    ["II", "Giai đoạn 2 (2005 trở về trước)", 2000, 500],
    [1, "Khai tử", 1200, 300],
    [2, "Khai sinh", 800, 200],
    [null, "Cộng giai đoạn 2", 2000, 500],
    [null, "Tổng cộng (I + II)", 5000, 1200],
    [],
    [null, "NGƯỜI LẬP BIỂU", null, "TM. UBND XÃ"],
  ];
}

const issuesOf = (g: Grid, c: ValidationContext) => validateGrid(g, c).issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`);

describe("the reading of sheets as offices send them", () => {
  it("a province's 17:00 report: the as-of date (not the signing date), districts as groups, the agency counted, frame and trailer not data", () => {
    const r = validateGrid({ sheets: [{ name: "Báo cáo", rows: provinceReport() }] }, ctx(province));
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-02-25");
    expect(r.rows.map((x) => x.unit.code)).toEqual(["20491", "20473", "20944", "49-STP"]);
    expect(r.rows.reduce((a, x) => a + x.counts.entriesDigitized, 0)).toBe(2900);
    const s = r.reading.sheets[0]!;
    expect(s.reportDate).toMatchObject({ date: "2025-02-25", cell: "A6", source: "subtitle" });
    expect(s.signedOn).toEqual({ date: "2025-02-26", cell: "E3" });
    expect(r.reading.reportDate).toMatchObject({ date: "2025-02-25", sheet: "Báo cáo", cell: "A6" });
    expect(s.tally).toMatchObject({ title: 5, header: 2, numbering: 1, group: 2, data: 4, total: 1, note: 6, signature: 1 });
    expect(s.header!.columns.map((c) => `${c.column}:${c.field}`)).toEqual(["A:index", "B:unitName", "C:booksTotal", "D:booksDigitized", "E:entriesTotal", "F:entriesDigitized", "G:statedPercent", "H:note"]);
    expect(s.header!.columns.find((c) => c.field === "booksDigitized")).toMatchObject({ cell: "D9", label: "Sổ hộ tịch (quyển) Đã số hóa" });
    expect(s.rows.find((x) => x.role === "total")).toMatchObject({ row: 17, label: "Tổng cộng", sums: [12, 16] });
    expect(s.totals).toMatchObject({ entriesTotal: 10_900, entriesDigitized: 2900 });
  });

  it("a total above its rows is checked against them; a wrong subtotal or total is an issue on its cell with both figures", () => {
    expect(issuesOf({ sheets: [{ name: "BC", rows: provinceReport({ totalFirst: true }) }] }, ctx(province))).toEqual([]);
    const wrong = validateGrid({ sheets: [{ name: "BC", rows: provinceReport({ zaHungDigitized: 1100 }) }] }, ctx(province));
    // the district's group row still says 2.000 (yesterday's figure)
    expect(wrong.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["TOTAL_MISMATCH@F11"]);
    expect(wrong.issues[0]!.message.vi).toContain("ghi 2.000 nhưng cộng các dòng được 1.900");
  });

  it("a commune's sheet by kind × phase: section rows set the phase, phase subtotals and the (I + II) total are checked", () => {
    const r = validateGrid({ sheets: [{ name: "Za Hung", rows: communeSheet() }] }, ctx(zaHung, { units: [zaHung] }));
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => `${x.registerKind}/${x.phase}:${x.counts.entriesDigitized}`)).toEqual(["BIRTH/P1:500", "MARRIAGE/P1:100", "OTHER/P1:100", "DEATH/P2:300", "BIRTH/P2:200"]);
    expect(r.reading.sheets[0]!.tally).toMatchObject({ section: 2, subtotal: 2, total: 1, data: 5, signature: 1 });
    const bad = communeSheet();
    bad[8]![3] = 650;
    expect(issuesOf({ sheets: [{ name: "Za Hung", rows: bad }] }, ctx(zaHung, { units: [zaHung] }))).toEqual(["TOTAL_MISMATCH@Za Hung!D9"]);
  });

  it("the phase in a vertically merged column continues down its block", () => {
    const rows: CellValue[][] = [
      ["Ngày báo cáo: 25/02/2025"],
      ["Giai đoạn", "Loại sổ", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"],
      ["GĐ1 (2006 - 2018)", "Khai sinh", 100, 10],
      ["", "Khai tử", 50, 5],
      ["GĐ2 (2005 trở về trước)", "Khai sinh", 80, 8],
      ["", "Kết hôn", 20, 2],
    ];
    const r = validateGrid({ sheets: [{ name: "S", rows }] }, ctx(zaHung, { units: [zaHung] }));
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => `${x.registerKind}/${x.phase}`)).toEqual(["BIRTH/P1", "DEATH/P1", "BIRTH/P2", "MARRIAGE/P2"]);
  });

  it("a district's workbook: one sheet per commune (its unit from its title), the summary sheet checked and not counted", () => {
    const commune = (title: string, total: number, done: number): CellValue[][] => [[title], ["Số liệu tính đến ngày 25/02/2025"], ["Loại sổ", "Tổng số dữ liệu", "Đã số hóa"], ["Khai sinh", total, done]];
    const sheets = [
      { name: "Za Hung", rows: commune("UBND XÃ ZA HUNG", 5000, 1200) },
      { name: "Song Kon", rows: commune("Xã Sông Kôn", 3000, 800) },
    ];
    const summary = { name: "Tổng hợp", rows: [["PHÒNG TƯ PHÁP HUYỆN ĐÔNG GIANG"], ["Số liệu tính đến ngày 25/02/2025"], ["STT", "Tên xã", "Tổng số dữ liệu", "Đã số hóa"], [1, "Za Hung", 5000, 1200], [2, "Sông Kôn", 3000, 800], [null, "Cộng", 8000, 2000]] as CellValue[][] };
    const district = ctx(dongGiang, { units: [dongGiang, zaHung, songKon] });
    const withSummary = validateGrid({ sheets: [summary, ...sheets] }, district);
    const without = validateGrid({ sheets }, district);
    expect(withSummary.issues).toEqual([]);
    expect(without.issues).toEqual([]);
    const figures = (x: typeof without) => x.rows.map((r) => `${r.unit.code}:${r.counts.entriesDigitized}`);
    expect(figures(withSummary)).toEqual(["20491:1200", "20473:800"]);
    expect(figures(without)).toEqual(figures(withSummary));
    expect(withSummary.reading.sheets.map((s) => `${s.name}:${s.kind}:${s.unit?.code ?? "-"}:${s.unit?.source ?? "-"}`)).toEqual(["Tổng hợp:summary:-:-", "Za Hung:table:20491:title", "Song Kon:table:20473:cell"]);
    summary.rows[4]![3] = 700;
    // the summary's row and its own "Cộng" both disagree with what the commune sheets say
    expect(issuesOf({ sheets: [summary, ...sheets] }, district)).toEqual(["TOTAL_MISMATCH@Tổng hợp!D5", "TOTAL_MISMATCH@Tổng hợp!D6"]);
  });

  it("a monthly table's title month is the report date (the month's last day)", () => {
    const rows: CellValue[][] = [["BẢNG TỔNG HỢP KẾT QUẢ SỐ HÓA THÁNG 01 NĂM 2025"], ["Tên đơn vị", "Chỉ tiêu tháng", "Kết quả tháng này", "Tổng số dữ liệu cần số hóa", "Lũy kế đã số hóa"], ["Za Hung", 500, 450, 5000, 1200]];
    const r = validateGrid({ sheets: [{ name: "T1", rows }] }, ctx(dongGiang, { units: [dongGiang, zaHung, songKon] }));
    expect(r.issues).toEqual([]);
    expect(r.reportDate).toBe("2025-01-31");
    expect(r.reading.sheets[0]!.reportDate).toMatchObject({ source: "title", cell: "A1" });
    expect(r.rows[0]!.counts).toMatchObject({ entriesTotal: 5000, entriesDigitized: 1200 });
  });

  it("a heading row naming no unit, with no figures, is a section and not an unknown unit", () => {
    const rows: CellValue[][] = [["Ngày báo cáo: 25/02/2025"], ["STT", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"], ["A", "CÁC XÃ, THỊ TRẤN", null, null], [1, "Za Hung", 10, 1]];
    const r = validateGrid({ sheets: [{ name: "S", rows }] }, ctx(dongGiang, { units: [dongGiang, zaHung] }));
    expect(r.issues).toEqual([]);
    expect(r.reading.sheets[0]!.rows.find((x) => x.row === 3)).toMatchObject({ role: "section", label: "CÁC XÃ, THỊ TRẤN" });
  });
});

describe("property: what is around a table never changes what it says", () => {
  const base = (): CellValue[][] => [
    ["Ngày báo cáo: 25/02/2025"],
    ["STT", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"],
    [1, "Xã Za Hung", 5000, 1200],
    [2, "Xã Sông Kôn", 3000, 800],
    [null, "Cộng", 8000, 2000],
  ];
  const extras = {
    title: [["UBND HUYỆN ĐÔNG GIANG", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["PHÒNG TƯ PHÁP", null, "Độc lập - Tự do - Hạnh phúc"], ["Đông Giang, ngày 26 tháng 02 năm 2025"], ["BÁO CÁO TIẾN ĐỘ"]] as CellValue[][],
    numbering: [["(1)", "(2)", "(3)", "(4)"]] as CellValue[][],
    notes: [["Ghi chú:"], ["- Xã Sông Kôn đã hoàn thành sổ khai sinh."]] as CellValue[][],
    signature: [[null, "NGƯỜI LẬP BIỂU", null, "TRƯỞNG PHÒNG"], [null, "Trần Thị Bình", null, "Lê Văn Cường"]] as CellValue[][],
  };
  it("adding a title block, a column-number row, blank rows, notes or a signature keeps the figures and adds no issue", () => {
    const district = ctx(dongGiang, { units: [dongGiang, zaHung, songKon] });
    const plain = validateGrid({ sheets: [{ name: "S", rows: base() }] }, district);
    expect(plain.issues).toEqual([]);
    const key = (r: typeof plain) => r.rows.map((x) => `${x.unit.code}:${x.counts.entriesTotal}/${x.counts.entriesDigitized}`).join(",") + `@${r.reportDate}`;
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), (title, numbering, notes, signature, blanksAt) => {
        const b = base();
        let rows: CellValue[][] = [...(title ? extras.title : []), b[0]!, b[1]!, ...(numbering ? extras.numbering : []), ...b.slice(2), ...(notes ? extras.notes : []), ...(signature ? extras.signature : [])];
        const headerAt = rows.indexOf(b[1]!);
        for (const at of blanksAt) {
          const i = Math.min(rows.length, headerAt + 1 + (numbering ? 1 : 0) + at);
          rows = [...rows.slice(0, i), [], ...rows.slice(i)];
        }
        const r = validateGrid({ sheets: [{ name: "S", rows }] }, district);
        expect(r.issues).toEqual([]);
        expect(key(r)).toBe(key(plain));
      }),
      { numRuns: 150 },
    );
  });
});
