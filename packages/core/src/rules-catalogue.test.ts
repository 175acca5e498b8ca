/**
 * Every rule code has a fixture here that produces it: the test fails when a code is added without one.
 * Each issue is checked in both languages (Vietnamese with diacritics and a "Hãy …" telling how to fix it;
 * English with an instruction) and at its cell. The rules the server applies (unit-rules.ts) are produced by
 * the functions it calls, on a row validateGrid read; UNIT_FORMER is a notice (nothing to fix: it says where
 * the figures went), so it is checked for naming the successor instead of for an instruction.
 */
import { describe, expect, it } from "vitest";
import { buildCommuneTemplate, buildRollupTemplate } from "./template";
import { formerAndCurrentIssue, formerUnitIssue, notReportingIssue, RULE_CODES, RULES, validateGrid, type RuleCode } from "./validate";
import type { CellValue, Grid, PhaseRef, ProgressCounts, RegisterKindRef, UnitRef, ValidationContext, ValidationIssue, ValidationResult } from "./types";

const kinds: RegisterKindRef[] = [{ code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth" }, { code: "DEATH", nameVi: "Khai tử", nameEn: "Death" }];
const phases: PhaseRef[] = [{ code: "P1", nameVi: "Giai đoạn 1", nameEn: "Phase 1" }, { code: "P2", nameVi: "Giai đoạn 2", nameEn: "Phase 2" }];
const district: UnitRef = { id: "d", code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT", parentId: null };
const za: UnitRef = { id: "c1", code: "20491", name: "Za Hung", fullName: "Xã Za Hung", level: "COMMUNE", parentId: "d" };
const sk: UnitRef = { id: "c2", code: "20473", name: "Sông Kôn", fullName: "Xã Sông Kôn", level: "COMMUNE", parentId: "d" };
const zaPhuong: UnitRef = { id: "c3", code: "20499", name: "Za Hung", fullName: "Phường Za Hung", level: "COMMUNE", parentId: "d" };
const C = (t: number, d: number): ProgressCounts => ({ booksTotal: 10, booksDigitized: 4, entriesTotal: t, entriesDigitized: d, entriesChecked: 0, entriesLoaded: 0 });
const cctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-02-20", submitter: za, units: [za], registerKinds: kinds, phases, ...over });
const dctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({ today: "2025-02-20", submitter: district, units: [district, za, sk, zaPhuong], registerKinds: kinds, phases, ...over });

/** The commune template, first row filled (10, 4, 1000, 400, 300, 200), edited by `edit`. */
function commune(edit?: (rows: CellValue[][]) => void, date = "2025-02-19"): Grid {
  const s = buildCommuneTemplate({ unit: za, registerKinds: kinds, phases, reportDate: date });
  Object.assign(s.rows[5]!, { 3: 10, 4: 4, 5: 1000, 6: 400, 7: 300, 8: 200 });
  edit?.(s.rows);
  return { sheets: [s] };
}
/** A plain district roll-up: header row 2, units from row 3. */
function rollup(lines: CellValue[][], date = "Ngày báo cáo: 18/02/2025"): Grid {
  return { sheets: [{ name: "Huyện", rows: [[date], ["Mã đơn vị", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa", "Tỷ lệ (%)"], ...lines] }] };
}

/** A server-applied rule: its issue built by core's function on the first row validateGrid read of a roll-up. */
function serverRule(build: (r: ValidationResult["rows"][number]) => ValidationIssue): [Grid, ValidationContext, string | null, (r: ValidationResult) => ValidationResult] {
  const apply = (r: ValidationResult): ValidationResult => {
    const issues = [...r.issues, build(r.rows[0]!)];
    return { ...r, issues, hasErrors: issues.some((i) => i.severity === "error") };
  };
  return [rollup([["20491", null, 100, 1]]), dctx(), "A3", apply];
}
/** Rules that say what was done, with nothing to fix. */
const NOTICES = new Set<RuleCode>(["UNIT_FORMER"]);

const fixtures: Record<RuleCode, [Grid, ValidationContext, string | null, ((r: ValidationResult) => ValidationResult)?]> = {
  HEADER_NOT_FOUND: [{ sheets: [{ name: "S", rows: [["Danh sách cán bộ"], ["Họ tên", "Chức vụ"]] }] }, cctx(), null],
  NO_ROWS: [{ sheets: [buildCommuneTemplate({ unit: za, registerKinds: kinds, phases, reportDate: "2025-02-19" })] }, cctx(), null],
  ROW_EMPTY: [rollup([["20491", null, 100, 1], ["20473", null, null, null]]), dctx(), "D4"],
  DATE_MISSING: [commune((r) => (r[2] = [])), cctx(), null],
  DATE_INVALID: [commune((r) => (r[2]![1] = "32/13/2025")), cctx(), "B3"],
  DATE_IN_FUTURE: [commune(undefined, "2025-03-01"), cctx(), "B3"],
  DATE_OUTSIDE_CAMPAIGN: [commune(), cctx({ campaign: { startDate: "2025-02-20", endDate: "2025-03-12" } }), "B3"],
  DATES_MIXED: [{ sheets: [commune().sheets[0]!, { ...commune((r) => { r[2]![1] = "18/02/2025"; r[5]![1] = "Khai tử"; }).sheets[0]!, name: "B" }] }, cctx(), null],
  UNIT_MISSING: [rollup([[null, null, 100, 1]]), dctx(), "B3"],
  UNIT_UNKNOWN: [rollup([[null, "Za Hùng Mới", 100, 1]]), dctx(), "B3"],
  UNIT_AMBIGUOUS: [rollup([[null, "Za Hung", 100, 1]]), dctx(), "B3"],
  UNIT_NAME_MISMATCH: [rollup([["20491", "Sông Kôn", 100, 1], ["20473", "xa song kon", 100, 1]]), dctx(), "B3"],
  KIND_UNKNOWN: [commune((r) => (r[5]![1] = "Khai hoang")), cctx(), "B6"],
  PHASE_UNKNOWN: [commune((r) => (r[5]![2] = "Giai đoạn 9")), cctx(), "C6"],
  COUNT_NOT_NUMBER: [commune((r) => (r[5]![6] = "khoảng 400")), cctx(), "G6"],
  COUNT_AMBIGUOUS: [commune((r) => (r[5]![6] = "1,443")), cctx(), "G6"],
  COUNT_NEGATIVE: [commune((r) => (r[5]![3] = -1)), cctx(), "D6"],
  COUNT_NOT_INTEGER: [commune((r) => (r[5]![6] = 10.5)), cctx(), "G6"],
  COUNT_MISSING: [commune((r) => (r[5]![5] = null)), cctx(), "F6"],
  PERCENT_INVALID: [commune((r) => (r[5]![9] = "gần xong")), cctx(), "J6"],
  DIGITIZED_GT_TOTAL: [commune((r) => (r[5]![6] = 5000)), cctx(), "G6"],
  BOOKS_DIGITIZED_GT_TOTAL: [commune((r) => (r[5]![4] = 50)), cctx(), "E6"],
  CHECKED_GT_DIGITIZED: [commune((r) => (r[5]![7] = 900)), cctx(), "H6"],
  LOADED_GT_DIGITIZED: [commune((r) => (r[5]![8] = 901)), cctx(), "I6"],
  PERCENT_MISMATCH: [commune((r) => (r[5]![9] = "45%")), cctx(), "J6"],
  TOTAL_MISMATCH: [rollup([["20491", null, 100, 1], ["20473", null, 100, 2], [null, "Tổng cộng", 200, 4]]), dctx(), "D5"],
  DUPLICATE_ROW: [rollup([["20491", null, 100, 1], [null, "Xã Za Hung", 100, 1]]), dctx(), "B4"],
  DECREASE_WITHOUT_CORRECTION: [commune(), cctx({ previous: new Map([["20491|BIRTH|P1", C(1000, 450)]]) }), "G6"],
  CORRECTION_REASON_MISSING: [commune((r) => (r[5]![11] = "x")), cctx(), "L6"],
  OUTLIER_JUMP: [commune((r) => (r[5]![6] = 900)), cctx({ previous: new Map([["20491|BIRTH|P1", C(1000, 0)]]), recentDailyOutput: new Map([["20491", 20]]) }), "G6"],
  INVENTORY_MISMATCH: [commune(), cctx({ inventory: new Map([["20491|BIRTH|P1", C(1200, 0)]]) }), "F6"],
  UNIT_FORMER: serverRule((r) => formerUnitIssue(r, sk, 0.4)),
  UNIT_FORMER_AND_CURRENT: serverRule((r) => formerAndCurrentIssue(r, sk)),
  UNIT_NOT_REPORTING: serverRule((r) => notReportingIssue({ ...r, unit: district })),
};

describe("every rule code: produced, in both languages, at its cell", () => {
  it("has a fixture for each code", () => {
    expect(Object.keys(fixtures).sort()).toEqual([...RULE_CODES].sort());
  });
  it.each(RULE_CODES.map((c) => [c]))("%s", (code) => {
    const [grid, ctx, cell, server] = fixtures[code];
    const read = validateGrid(grid, ctx);
    const r = server ? server(read) : read;
    const found = r.issues.filter((i) => i.code === code);
    expect(found.length, JSON.stringify(r.issues.map((i) => `${i.code}@${i.cell}`))).toBeGreaterThan(0);
    const i = found[0]!;
    expect(i.severity).toBe(RULES[code]);
    expect(i.cell).toBe(cell);
    if (i.cell) expect(i.row).toBe(Number(i.cell.replace(/^[A-Z]+/, "")));
    expect(i.message.vi).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
    expect(i.message.en).not.toMatch(/\b(Hãy|hãy|không|dòng|Ô|lớn hơn|trang)\b/u);
    if (NOTICES.has(code)) {
      expect(i.severity).toBe("warning");
      expect(i.message.vi).toContain(sk.fullName);
      expect(i.message.en).toContain(sk.fullName);
    } else {
      expect(i.message.vi).toMatch(/\bHãy\b|\bhãy\b/u);
      expect(/\b(use|enter|write|check|correct|pick|remove|send|add|confirm|update|say)\b/i.test(i.message.en) || /(^|\. )Report\b/.test(i.message.en)).toBe(true);
    }
    if (RULES[code] === "error") expect(r.hasErrors).toBe(true);
  });
  it("the roll-up template's own wildcard rows are never duplicates of each other", () => {
    const s = buildRollupTemplate({ parent: district, children: [za, sk], reportDate: "2025-02-18" });
    s.rows[5]!.splice(3, 6, 1, 0, 100, 0, 0, 0);
    s.rows[6]!.splice(3, 6, 1, 0, 100, 0, 0, 0);
    expect(validateGrid({ sheets: [s] }, dctx()).issues).toEqual([]);
  });
});
