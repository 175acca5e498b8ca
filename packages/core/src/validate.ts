/**
 * Parses and validates a progress workbook. Never throws: whatever the grid, the answer is rows and issues.
 * Each issue has a stable code (RULES), a severity, a message in Vietnamese and English that says what is
 * wrong and how to fix it, and the A1 address of its cell(s). The server re-runs exactly this on what it
 * receives; the add-in and the console run it before submitting, so an official sees what the server says.
 *
 * Shape of the work: every sheet with a recognisable table (headers.ts) is read row by row, inside the
 * document frame around it (reading/frame.ts: the date and unit stated above the table, notes and signatures
 * under it). A row is a blank spacer, the column-number row, a section naming the phase of the rows below, a
 * total/subtotal (checked against the rows it sums, never taken as a unit), a group row naming a parent unit
 * (its figures are a subtotal of the units listed under it), or a data row; each row's role goes into the
 * reading (reading/recorder.ts) returned beside the issues. A sheet named "Tổng hợp" beside other sheets is
 * checked against them, not counted. Row rules run as the row is read; rules across rows (duplicates,
 * previous report, outliers, dates) run after.
 * The loop is written for 100,000-row roll-ups: no per-cell closures, one object per row.
 */
import { columnLetters } from "./a1";
import { formatDate, formatNumber, formatPercent } from "./format";
import { isNumberingRow, tableLayout, type TableLayout, type TableLayouts } from "./headers";
import { cellRef, frameDates, isHeadingIndex, isSummaryName, trailerStart, unitHints, type FrameDates } from "./reading/frame";
import { SheetRecorder } from "./reading/recorder";
import type { SheetReading, WorkbookReading } from "./reading/types";
import { KindIndex, PhaseIndex, UnitIndex } from "./reference";
import { compactKey, normalizeName } from "./text";
import { COUNT_FIELDS, ZERO_COUNTS, type CellValue, type CountField, type Grid, type Message, type ProgressCounts, type ProgressRow, type Severity, type Sheet, type UnitRef, type ValidationContext, type ValidationIssue, type ValidationResult } from "./types";
import { parseDateCell, parseNumberCell, parsePercentCell } from "./values";

/** Every rule code with its severity. Codes are stable: the apps and stored submissions refer to them. */
export const RULES = {
  HEADER_NOT_FOUND: "error",
  NO_ROWS: "error",
  ROW_EMPTY: "warning",
  DATE_MISSING: "error",
  DATE_INVALID: "error",
  DATE_IN_FUTURE: "error",
  DATE_OUTSIDE_CAMPAIGN: "warning",
  DATES_MIXED: "error",
  UNIT_MISSING: "error",
  UNIT_UNKNOWN: "error",
  UNIT_AMBIGUOUS: "error",
  UNIT_NAME_MISMATCH: "warning",
  KIND_UNKNOWN: "error",
  PHASE_UNKNOWN: "error",
  COUNT_NOT_NUMBER: "error",
  COUNT_AMBIGUOUS: "error",
  COUNT_NEGATIVE: "error",
  COUNT_NOT_INTEGER: "error",
  COUNT_MISSING: "error",
  PERCENT_INVALID: "error",
  DIGITIZED_GT_TOTAL: "error",
  BOOKS_DIGITIZED_GT_TOTAL: "error",
  CHECKED_GT_DIGITIZED: "error",
  LOADED_GT_DIGITIZED: "error",
  PERCENT_MISMATCH: "error",
  TOTAL_MISMATCH: "error",
  DUPLICATE_ROW: "error",
  DECREASE_WITHOUT_CORRECTION: "error",
  CORRECTION_REASON_MISSING: "error",
  OUTLIER_JUMP: "warning",
  INVENTORY_MISMATCH: "warning",
} as const satisfies Record<string, Severity>;
export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

const FIELD_NAMES: Record<CountField, Message> = {
  booksTotal: { vi: "Tổng số sổ", en: "Books total" },
  booksDigitized: { vi: "Số sổ đã số hóa", en: "Books digitized" },
  entriesTotal: { vi: "Tổng số dữ liệu cần số hóa", en: "Entries to digitize" },
  entriesDigitized: { vi: "Số dữ liệu đã số hóa", en: "Entries digitized" },
  entriesChecked: { vi: "Số dữ liệu đã kiểm tra", en: "Entries checked" },
  entriesLoaded: { vi: "Số dữ liệu đã đưa vào CSDL", en: "Entries loaded into the database" },
};
export const COUNT_FIELD_NAMES = FIELD_NAMES;

/** Options of the outlier rule (defaults: a jump is suspicious above 10× the usual daily output × days, and above 500). */
export type OutlierOptions = NonNullable<ValidationContext["outlier"]>;

const TOTAL_ROW = /^(tong cong|tong so|tong|cong|total|grand total|subtotal|sub total|toan tinh|toan huyen|toan thanh pho|toan thi xa|ca tinh|ca huyen|sum)( .*)?$/;
const GRAND_TOTAL = /^(tong cong|toan tinh|toan thanh pho|ca tinh|grand total|total|tong so|tong)( .*)?$/;
/** A section's label: "Giai đoạn 1 (2006–2018)", "GĐ2", "II. Giai đoạn 2" (tested on the raw text: cheap on 100,000 unit names). */
const SECTION_LABEL = /^\s*(?:[IVX]{1,4}\s*[.)-]?\s+)?(?:giai|gđ|gd|phase)/i;
const CORRECTION_NOTE = /^(dieu chinh|dinh chinh|cai chinh so lieu|sua so lieu|correction|corrected)\b/;
const CORRECTION_PREFIX = /^\s*(điều chỉnh|đính chính|cải chính số liệu|sửa số liệu|dieu chinh|dinh chinh|cai chinh so lieu|sua so lieu|correction|corrected)\s*(do|vì|vi|because|:|-|–)?\s*/iu;
const YES = /^(x|v|✓|✔|co|yes|y|true|1|dieu chinh|correction)$/;

const str = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "string" ? v.trim() : String(v));
const n = (x: number, l: "vi" | "en" = "vi") => formatNumber(x, l);

class Collector {
  issues: ValidationIssue[] = [];
  /** rows (sheet|row) with an error of their own: not returned as accepted rows */
  badRows = new Set<string>();
  /** rows with a count that could not be read: totals over them are not checked (the row must be fixed first) */
  unreadable = new Set<ProgressRow>();
  add(code: RuleCode, sheet: string, r: number | null, c: number | null, message: Message, cells?: (string | null | undefined)[]): void {
    const issue: ValidationIssue = { code, severity: RULES[code], message, sheet, cell: r !== null && c !== null ? columnLetters(c) + (r + 1) : null };
    if (cells) {
      const cs = cells.filter((x): x is string => !!x);
      if (cs.length) issue.cells = cs;
    }
    if (r !== null) {
      issue.row = r + 1;
      if (issue.severity === "error") this.badRows.add(`${sheet}|${r + 1}`);
    }
    this.issues.push(issue);
  }
  /** An issue about a parsed row, at one of its cells. */
  onRow(code: RuleCode, row: ProgressRow, cell: string | null | undefined, message: Message, cells?: (string | null | undefined)[]): void {
    const issue: ValidationIssue = { code, severity: RULES[code], message, sheet: row.sheet, cell: cell ?? null, row: row.row };
    if (cells) {
      const cs = cells.filter((x): x is string => !!x);
      if (cs.length) issue.cells = cs;
    }
    if (issue.severity === "error") this.badRows.add(`${row.sheet}|${row.row}`);
    this.issues.push(issue);
  }
}

export function countsEqual(a: ProgressCounts, b: ProgressCounts): boolean {
  return COUNT_FIELDS.every((f) => a[f] === b[f]);
}

/** `layouts`: the sheets' table layouts if already found (e.g. by detectReportDate), reused, and filled in otherwise. */
export function validateGrid(grid: Grid, ctx: ValidationContext, layouts?: TableLayouts): ValidationResult {
  const out = new Collector();
  try {
    return run(grid, ctx, out, layouts);
  } catch (err) {
    // Defensive: a bug must not lose the official's work; it becomes an issue they can report.
    const why = String((err as Error)?.message ?? err).slice(0, 120);
    out.issues = [];
    out.add("HEADER_NOT_FOUND", grid?.sheets?.[0]?.name ?? "", null, null, {
      vi: `Không đọc được bảng tính (${why}). Hãy dùng mẫu của Sohoa hoặc gửi tệp cho quản trị viên.`,
      en: `The sheet could not be read (${why}). Use the Sohoa template or send the file to an administrator.`,
    });
    return { rows: [], issues: out.issues, reportDate: null, template: null, hasErrors: true, reading: { sheets: [], reportDate: null } };
  }
}

interface PendingGroup { sheet: Sheet; r: number; cols: TableLayout["columns"]; unit: UnitRef; from: number }
/** A section row with figures ("I | Giai đoạn 1 | 1.200 | …"): its subtotal is checked when the next section starts. */
interface PendingSection { r: number; from: number; label: string }

/** The report date a sheet's frame states, or a DATE_INVALID for a label whose date cannot be read. */
function sheetFrameDate(out: Collector, name: string, frame: FrameDates): { date: string; cell: string } | null {
  if (frame.reportDate) return { date: frame.reportDate.date, cell: cellRef(frame.reportDate.r, frame.reportDate.c) };
  if (frame.invalid) {
    const raw = frame.invalid.text.slice(0, 60);
    out.add("DATE_INVALID", name, frame.invalid.r, frame.invalid.c, { vi: `Ngày báo cáo "${raw}" không đúng định dạng; hãy ghi theo dạng ngày/tháng/năm, ví dụ 18/02/2025.`, en: `The report date "${raw}" is not a valid date; write it as day/month/year, e.g. 18/02/2025.` });
  }
  return null;
}

type Ctx = ValidationContext;

function run(grid: Grid, ctx: Ctx, out: Collector, layouts?: TableLayouts): ValidationResult {
  const units = new UnitIndex(Array.isArray(ctx.units) ? ctx.units : []);
  const kinds = new KindIndex(ctx.registerKinds ?? []);
  const phases = new PhaseIndex(ctx.phases ?? []);
  const submitterIsLeaf = !units.children.has(ctx.submitter.id);
  const sheets = Array.isArray(grid?.sheets) ? grid.sheets.filter((s) => s && Array.isArray(s.rows)) : [];
  const tables: { sheet: Sheet; layout: TableLayout }[] = [];
  const sheetReadings: SheetReading[] = [];
  for (const sheet of sheets) {
    if (typeof sheet.name !== "string") continue;
    const layout = tableLayout(sheet, layouts);
    if (layout) tables.push({ sheet, layout });
    else sheetReadings.push(new SheetRecorder(sheet, null, "none").reading);
  }
  const firstSheet = sheets[0]?.name ?? "";
  if (tables.length === 0) {
    out.add("HEADER_NOT_FOUND", typeof firstSheet === "string" ? firstSheet : "", null, null, {
      vi: "Không tìm thấy bảng số liệu: cần một dòng tiêu đề có các cột như \"Tổng số dữ liệu cần số hóa\" và \"Số dữ liệu đã số hóa\". Hãy dùng mẫu của Sohoa (Chèn mẫu) hoặc đặt lại tiêu đề cột.",
      en: "No progress table found: a header row needs columns such as \"Entries to digitize\" and \"Entries digitized\". Use the Sohoa template (Insert template) or rename the columns.",
    });
    return { rows: [], issues: out.issues, reportDate: null, template: null, hasErrors: true, reading: { sheets: sheetReadings, reportDate: null } };
  }

  const rows: ProgressRow[] = [];
  /** rows of summary sheets: compared with the other sheets' rows, never counted */
  const summaryRows: SummaryRow[] = [];
  const pendingGroups: PendingGroup[] = [];
  let template: "commune" | "rollup" = "commune";
  let suggestionsLeft = 50;
  let suggestionBudget = 2_000_000;
  let dateWhere: { sheet: string; cell: string } | null = null;
  const submissionCorrection = ctx.correction ? (ctx.correction.reason ?? "").trim() : null;
  if (submissionCorrection === "") {
    out.add("CORRECTION_REASON_MISSING", tables[0]!.sheet.name, null, null, {
      vi: "Báo cáo được gửi dưới dạng điều chỉnh nhưng chưa ghi lý do. Hãy ghi lý do điều chỉnh (ví dụ: nhập nhầm số liệu ngày 17/02).",
      en: "The report is sent as a correction but gives no reason. Write the reason (e.g. figures of 17/02 were mistyped).",
    });
  }

  for (const { sheet, layout } of tables) {
    const cols = layout.columns;
    const name = sheet.name;
    if ((cols.unitCode !== undefined || cols.unitName !== undefined) && cols.registerKind === undefined) template = "rollup";
    const frame = frameDates(sheet, layout.headerRow, layout.headerFirstRow);
    const fd = sheetFrameDate(out, name, frame);
    const sheetDate = fd?.date ?? null;
    const sheetDateCell = fd?.cell;
    const defaultDate = sheetDate ?? ctx.reportDate ?? "";
    const summary = tables.length > 1 && isSummaryName(name);
    const rec = new SheetRecorder(sheet, layout, summary ? "summary" : "table");
    sheetReadings.push(rec.reading);
    if (frame.reportDate) rec.reading.reportDate = { date: frame.reportDate.date, cell: fd!.cell, source: frame.reportDate.source, text: frame.reportDate.text };
    if (frame.signedOn && frame.signedOn !== frame.reportDate) rec.reading.signedOn = { date: frame.signedOn.date, cell: cellRef(frame.signedOn.r, frame.signedOn.c) };

    // Column letters, computed once per sheet; a cell address is then one concatenation.
    const countCols: number[] = [];
    const countFields: CountField[] = [];
    const countLetters: string[] = [];
    for (const f of COUNT_FIELDS) {
      const c = cols[f];
      if (c === undefined) continue;
      countCols.push(c);
      countFields.push(f);
      countLetters.push(columnLetters(c));
    }
    const hasTotalCol = cols.entriesTotal !== undefined, hasDigitizedCol = cols.entriesDigitized !== undefined;
    const unitCodeL = cols.unitCode !== undefined ? columnLetters(cols.unitCode) : "";
    const unitNameL = cols.unitName !== undefined ? columnLetters(cols.unitName) : "";
    const kindL = cols.registerKind !== undefined ? columnLetters(cols.registerKind) : "";
    const phaseL = cols.phase !== undefined ? columnLetters(cols.phase) : "";
    const pctL = cols.statedPercent !== undefined ? columnLetters(cols.statedPercent) : "";
    const dateL = cols.reportDate !== undefined ? columnLetters(cols.reportDate) : "";
    const hasUnitCols = cols.unitCode !== undefined || cols.unitName !== undefined;

    // A sheet without unit columns is one unit's: the submitter's, or (a district's workbook with a sheet per
    // commune) the unit its title block, a cell or its name says.
    let sheetUnit: UnitRef = ctx.submitter;
    if (!hasUnitCols && !submitterIsLeaf) {
      for (const h of unitHints(sheet, layout.headerFirstRow)) {
        const m = units.match(null, h.text, null, defaultDate || null);
        if (m.kind === "found" && !units.children.has(m.unit.id)) {
          sheetUnit = m.unit;
          rec.reading.unit = { code: m.unit.code, fullName: m.unit.fullName, cell: h.r === null || h.c === null ? null : cellRef(h.r, h.c), source: h.source };
          break;
        }
      }
    }
    if (!hasUnitCols && !rec.reading.unit) rec.reading.unit = { code: sheetUnit.code, fullName: sheetUnit.fullName, cell: null, source: "submitter" };

    let lastKind: string | null = null;
    let lastPhase: string | number | null = null;
    let groupStart = rows.length; // first row of the current subtotal group
    const sheetStart = rows.length;
    let groupUnit: UnitRef | null = null;
    let sectionPhase: string | null = null; // set by a section row ("I | Giai đoạn 1 (2006–2018)")
    let section: PendingSection | null = null;
    const deferredTotals: { r: number; label: string }[] = []; // a "Tổng cộng" above the rows it sums
    let trailer: "note" | "signature" | null = null; // under the table: everything is notes and signatures
    const closeSection = () => {
      if (section && rows.length > section.from) compareTotals(out, sheet, section.r, cols, rows, section.from, { vi: `Dòng "${section.label}"`, en: `Section "${section.label}"` });
      section = null;
    };
    for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!Array.isArray(row) || row.length === 0) {
        rec.role(r, "blank");
        continue;
      }
      const rowNum = r + 1;
      if (trailer) {
        // once the signature block starts, what follows (titles, "(Đã ký)", names) is part of it
        const t = trailerStart(row);
        if (t === "signature") trailer = t;
        rec.role(r, row.some((v) => v !== null && v !== "") ? (t ?? trailer) : "blank");
        continue;
      }
      // The column-number row "(1) (2) … (8)=(7)/(5)" right under the header.
      if (rows.length === sheetStart && r < layout.firstDataRow + 3 && isNumberingRow(row)) {
        rec.role(r, "numbering");
        continue;
      }

      const codeText = cols.unitCode === undefined ? "" : str(row[cols.unitCode]);
      const nameText = cols.unitName === undefined ? "" : str(row[cols.unitName]);
      const kindText = cols.registerKind === undefined ? "" : str(row[cols.registerKind]);
      let anyCount = false, anyFigure = false;
      for (let k = 0; k < countCols.length; k++) {
        const v = row[countCols[k]!];
        if (v === null || v === undefined || v === "") continue;
        anyCount = true;
        if (typeof v === "number" || (typeof v === "string" && /\d/.test(v))) { anyFigure = true; break; }
      }
      if (!anyFigure) {
        // Notes, recipients and signatures under the table end it.
        const t = trailerStart(row);
        if (t) {
          trailer = t;
          rec.role(r, t);
          continue;
        }
        if (!anyCount && !codeText && !nameText && !kindText) {
          rec.role(r, row.some((v) => v !== null && v !== "") ? "ignored" : "blank"); // a spacer, or a stray cell
          continue;
        }
      }

      // Total and subtotal rows are checked against the rows they sum, never taken as units.
      const indexText = cols.index !== undefined ? str(row[cols.index]) : "";
      const rawLabel = nameText || kindText || indexText || str(row[0]);

      // A section row names the phase of the rows below it.
      if (SECTION_LABEL.test(rawLabel) || (isHeadingIndex(indexText) && SECTION_LABEL.test(`${indexText} ${rawLabel}`))) {
        const p = phases.match(rawLabel.replace(/^\s*[IVX]{1,4}\s*[.)-]?\s+/, ""));
        if (p) {
          closeSection();
          sectionPhase = p;
          lastKind = null;
          groupStart = rows.length;
          if (anyCount) section = { r, from: rows.length, label: rawLabel };
          rec.role(r, "section", { label: rawLabel, phase: p });
          continue;
        }
      }
      // Only labels that can start a total word (Tổng, Cộng, Toàn, Cả, Grand, Sub, Sum) are normalized.
      const label = /^[\s.*]*[tcgsTCGS]/.test(rawLabel) ? normalizeName(rawLabel) : "";
      if (label && TOTAL_ROW.test(label) && !(codeText && units.byCodeOf(codeText, defaultDate))) {
        const isGrand = GRAND_TOTAL.test(label);
        const grand = isGrand || groupStart === sheetStart;
        if (isGrand && rows.length === sheetStart) deferredTotals.push({ r, label: rawLabel }); // "Tổng cộng" first, its rows below
        else {
          if (isGrand) closeSection();
          compareTotals(out, sheet, r, cols, rows, grand ? sheetStart : groupStart, grand ? { vi: "Dòng tổng cộng", en: "Grand total" } : { vi: `Dòng "${rawLabel}"`, en: `Subtotal "${rawLabel}"` });
        }
        rec.role(r, isGrand ? "total" : "subtotal", { label: rawLabel, ...(rows.length > (grand ? sheetStart : groupStart) ? { sums: [rows[grand ? sheetStart : groupStart]!.row, rows[rows.length - 1]!.row] as [number, number] } : {}) });
        groupStart = rows.length;
        continue;
      }

      // The unit of the row.
      let unit: UnitRef;
      let unitCell: string | undefined;
      if (codeText || nameText) {
        const m = units.match(codeText || null, nameText || null, groupUnit?.id, defaultDate || null);
        const c = codeText && cols.unitCode !== undefined ? cols.unitCode : (cols.unitName ?? cols.unitCode ?? 0);
        if (m.kind === "unknown" && !anyCount) {
          // A heading with no figures ("I | CÁC XÃ, THỊ TRẤN"): not a unit, nothing to count.
          rec.role(r, isHeadingIndex(indexText) ? "section" : "ignored", { label: rawLabel });
          continue;
        }
        if (m.kind === "unknown" && isHeadingIndex(indexText) && codeText === "") {
          // A heading row with figures that names no unit ("A | CẤP XÃ | …"): the subtotal of the rows down to the next heading.
          closeSection();
          groupStart = rows.length;
          section = { r, from: rows.length, label: rawLabel };
          rec.role(r, "section", { label: rawLabel });
          continue;
        }
        if (m.kind === "ambiguous") {
          rec.role(r, "data", { label: rawLabel });
          out.add("UNIT_AMBIGUOUS", name, r, c, {
            vi: `"${nameText || codeText}" khớp với nhiều đơn vị: ${m.candidates.map((u) => `${u.fullName} (mã ${u.code})`).join(", ")}. Hãy ghi mã đơn vị vào cột "Mã đơn vị".`,
            en: `"${nameText || codeText}" matches several units: ${m.candidates.map((u) => `${u.fullName} (code ${u.code})`).join(", ")}. Write the unit code in the "Unit code" column.`,
          });
          continue;
        }
        if (m.kind === "unknown") {
          // Suggestions cost one edit distance per unit in scope: bounded per workbook (about 2 million).
          const sugg = nameText && suggestionsLeft-- > 0 && suggestionBudget >= units.units.length ? units.suggest(nameText) : [];
          suggestionBudget -= units.units.length;
          const hint = sugg.length ? { vi: ` Có phải: ${sugg.map((u) => `${u.fullName} (mã ${u.code})`).join(", ")}?`, en: ` Did you mean: ${sugg.map((u) => `${u.fullName} (code ${u.code})`).join(", ")}?` } : { vi: "", en: "" };
          rec.role(r, "data", { label: rawLabel });
          out.add("UNIT_UNKNOWN", name, r, c, {
            vi: `Không tìm thấy đơn vị "${nameText || codeText}" trong phạm vi của ${ctx.submitter.fullName}.${hint.vi} Hãy sửa tên hoặc ghi đúng mã đơn vị.`,
            en: `No unit "${nameText || codeText}" within ${ctx.submitter.fullName}.${hint.en} Correct the name or write the right unit code.`,
          });
          continue;
        }
        unit = m.unit;
        // Code and name disagree: the code wins (official), but a copied code is a common slip.
        if (m.by === "code" && nameText && nameText !== unit.fullName && nameText !== unit.name && !sameUnitName(nameText, unit)) {
          out.add("UNIT_NAME_MISMATCH", name, r, cols.unitName ?? c, {
            vi: `Mã ${unit.code} là ${unit.fullName}, nhưng tên ghi là "${nameText}". Số liệu được ghi cho ${unit.fullName} theo mã; hãy kiểm tra lại mã hoặc tên.`,
            en: `Code ${unit.code} is ${unit.fullName}, but the name says "${nameText}". The figures go to ${unit.fullName} by its code; check the code or the name.`,
          }, [unitCodeL + rowNum, unitNameL + rowNum]);
        }
        unitCell = (codeText && cols.unitCode !== undefined ? unitCodeL : unitNameL || unitCodeL) + rowNum;
        // A row naming a parent of the units listed after it opens a group (its figures are a subtotal).
        if (cols.registerKind === undefined && unit.id !== ctx.submitter.id && units.children.has(unit.id)) {
          groupUnit = unit;
          groupStart = rows.length;
          if (anyCount) pendingGroups.push({ sheet, r, cols, unit, from: rows.length });
          rec.role(r, "group", { label: rawLabel, unitCode: unit.code });
          continue;
        }
      } else if (submitterIsLeaf || !hasUnitCols) {
        unit = sheetUnit;
      } else {
        rec.role(r, "data", { label: rawLabel });
        out.add("UNIT_MISSING", name, r, cols.unitName ?? cols.unitCode ?? 0, {
          vi: `Dòng ${rowNum} không ghi đơn vị. Hãy ghi "Mã đơn vị" hoặc "Tên đơn vị" ở mỗi dòng của bảng tổng hợp của ${ctx.submitter.fullName}.`,
          en: `Row ${rowNum} names no unit. Write a "Unit code" or "Unit name" on every row of the roll-up sheet of ${ctx.submitter.fullName}.`,
        });
        continue;
      }

      // Register kind and phase (a blank kind cell continues the kind above, as in merged cells).
      let kind = "*";
      if (cols.registerKind !== undefined) {
        const text = kindText || lastKind || "";
        const k = text ? kinds.match(text) : null;
        if (kindText) lastKind = kindText;
        if (!k) {
          if (!anyCount) {
            rec.role(r, kindText ? "ignored" : "blank", kindText ? { label: kindText } : undefined);
            continue;
          }
          rec.role(r, "data", { label: rawLabel });
          out.add("KIND_UNKNOWN", name, r, cols.registerKind, {
            vi: `Loại sổ "${text}" không có trong danh mục (${(ctx.registerKinds ?? []).map((x) => x.nameVi).join(", ") || "chưa có danh mục"}). Hãy chọn một loại sổ trong danh mục.`,
            en: `Register kind "${text}" is not in the list (${(ctx.registerKinds ?? []).map((x) => x.nameEn).join(", ") || "no list yet"}). Pick a kind from the list.`,
          });
          continue;
        }
        kind = k;
      }
      let phase = sectionPhase ?? "*";
      if (cols.phase !== undefined && !(sectionPhase && (row[cols.phase] === null || row[cols.phase] === ""))) {
        let phaseVal = row[cols.phase];
        // a blank phase under a merged cell ("GĐ1" written once over its kinds) continues the phase above
        if ((phaseVal === null || phaseVal === undefined || phaseVal === "") && lastPhase !== null) phaseVal = lastPhase;
        else if (phaseVal !== null && phaseVal !== undefined && phaseVal !== "" && typeof phaseVal !== "boolean") lastPhase = phaseVal;
        const p = phaseVal === null || phaseVal === undefined || phaseVal === "" || typeof phaseVal === "boolean" ? null : phases.match(phaseVal);
        if (!p) {
          rec.role(r, "data", { label: rawLabel });
          out.add("PHASE_UNKNOWN", name, r, cols.phase, {
            vi: `Giai đoạn "${str(phaseVal)}" không hợp lệ. Hãy ghi một trong: ${(ctx.phases ?? []).map((p) => `"${p.nameVi}"`).join(", ") || "\"Giai đoạn 1\" (sổ từ năm 2006), \"Giai đoạn 2\" (sổ từ năm 2005 trở về trước)"}.`,
            en: `Phase "${str(phaseVal)}" is not valid. Write one of: ${(ctx.phases ?? []).map((p) => `"${p.nameEn}"`).join(", ") || "\"Phase 1\" (books of 2006 onward), \"Phase 2\" (2005 and earlier)"}.`,
          });
          continue;
        }
        phase = p;
      }

      // A unit or kind listed with no figures at all has not reported: skipped (said so in roll-ups).
      if (!anyCount) {
        rec.role(r, "ignored", { label: rawLabel, unitCode: unit.code });
        if (cols.registerKind === undefined && unit !== ctx.submitter) {
          out.add("ROW_EMPTY", name, r, cols.entriesDigitized ?? countCols[0] ?? 0, {
            vi: `${unit.fullName} chưa có số liệu: dòng ${rowNum} được bỏ qua. Nếu đơn vị chưa bắt đầu, hãy nhập 0.`,
            en: `${unit.fullName} has no figures: row ${rowNum} is skipped. If the unit has not started, enter 0.`,
          });
        }
        continue;
      }

      // Figures.
      const counts: ProgressCounts = { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };
      const cells: ProgressRow["cells"] = {};
      let ok = true;
      for (let k = 0; k < countCols.length; k++) {
        const c = countCols[k]!;
        const f = countFields[k]!;
        const v = row[c];
        // Fast path: a whole non-negative number, as typed or computed in Excel.
        if (typeof v === "number" && v >= 0 && Number.isInteger(v)) {
          counts[f] = v;
          cells[f] = countLetters[k]! + rowNum;
          continue;
        }
        const p = parseNumberCell(v);
        const fname = FIELD_NAMES[f];
        if (p.kind === "blank") {
          if (f === "entriesTotal" || f === "entriesDigitized") {
            out.add("COUNT_MISSING", name, r, c, { vi: `Ô "${fname.vi}" đang trống. Hãy nhập số (nhập 0 nếu chưa có).`, en: `"${fname.en}" is empty. Enter a number (0 if none yet).` });
            ok = false;
          }
          continue;
        }
        cells[f] = countLetters[k]! + rowNum;
        if (p.kind === "invalid") {
          if (p.reason === "ambiguous") out.add("COUNT_AMBIGUOUS", name, r, c, { vi: `"${str(v)}" ở ô "${fname.vi}" không rõ là số nghìn hay số thập phân. Hãy ghi số nguyên không có dấu phân cách, ví dụ 1443.`, en: `"${str(v)}" in "${fname.en}" could be thousands or a decimal. Write a whole number without separators, e.g. 1443.` });
          else out.add("COUNT_NOT_NUMBER", name, r, c, { vi: `Ô "${fname.vi}" phải là số, không phải "${str(v).slice(0, 40)}". Nếu sổ rách, mất hoặc không đọc được, hãy ghi vào cột "Ghi chú".`, en: `"${fname.en}" must be a number, not "${str(v).slice(0, 40)}". If books are torn, missing or illegible, say so in the "Notes" column.` });
          ok = false;
          continue;
        }
        if (p.value < 0) {
          out.add("COUNT_NEGATIVE", name, r, c, { vi: `Ô "${fname.vi}" không được là số âm (${n(p.value)}). Hãy nhập số lượng từ 0 trở lên.`, en: `"${fname.en}" cannot be negative (${n(p.value, "en")}). Enter a count of 0 or more.` });
          ok = false;
          continue;
        }
        if (!Number.isInteger(p.value)) {
          out.add("COUNT_NOT_INTEGER", name, r, c, { vi: `Ô "${fname.vi}" phải là số nguyên (đang là ${formatNumber(p.value, "vi", 3)}). Hãy nhập số lượng sổ hoặc dữ liệu, không nhập số thập phân.`, en: `"${fname.en}" must be a whole number (it is ${formatNumber(p.value, "en", 3)}). Enter a count, not a decimal.` });
          ok = false;
          continue;
        }
        counts[f] = p.value;
      }
      const countsOk = ok; // only count errors have set ok so far
      if (hasUnitCols && unitCell) cells.unit = unitCell;
      if (kindL) cells.registerKind = kindL + rowNum;
      if (phaseL) cells.phase = phaseL + rowNum;

      // Stated percentage (within display rounding of what the sheet shows).
      let statedPercent: number | null = null;
      if (cols.statedPercent !== undefined) {
        const pv = row[cols.statedPercent];
        if (pv !== null && pv !== undefined && pv !== "") {
          cells.statedPercent = pctL + rowNum;
          const pp = parsePercentCell(pv);
          if (pp.kind === "percent") {
            statedPercent = pp.value;
            if (ok && hasTotalCol && hasDigitizedCol && counts.entriesTotal > 0) {
              const computed = (counts.entriesDigitized / counts.entriesTotal) * 100;
              const decimals = Math.min(6, decimalsOf(pp.value));
              const tol = Math.max(0.5 * 10 ** -decimals, 1e-6) + 1e-9;
              const matches = Math.abs(pp.value - computed) <= tol || (pp.maybeRatio && Math.abs(pp.value * 100 - computed) <= tol * 100);
              if (!matches) {
                out.add("PERCENT_MISMATCH", name, r, cols.statedPercent, {
                  vi: `Tỷ lệ ghi ${formatNumber(pp.value, "vi", 2)}% không khớp với số liệu: ${n(counts.entriesDigitized)}/${n(counts.entriesTotal)} = ${formatPercent(computed / 100, "vi")}. Hãy sửa tỷ lệ hoặc số liệu.`,
                  en: `The stated ${formatNumber(pp.value, "en", 2)}% does not match the figures: ${n(counts.entriesDigitized, "en")}/${n(counts.entriesTotal, "en")} = ${formatPercent(computed / 100, "en")}. Correct the rate or the figures.`,
                }, [cells.statedPercent, cells.entriesDigitized, cells.entriesTotal]);
                ok = false;
              }
            }
          } else if (pp.kind === "invalid") {
            out.add("PERCENT_INVALID", name, r, cols.statedPercent, { vi: `Tỷ lệ "${str(pv).slice(0, 40)}" không phải là số phần trăm. Hãy ghi dạng 44,5% hoặc để công thức tính tỷ lệ.`, en: `The rate "${str(pv).slice(0, 40)}" is not a percentage. Write it like 44.5% or keep the formula.` });
            ok = false;
          }
        }
      }

      let rowDate: string = defaultDate;
      if (cols.reportDate !== undefined && str(row[cols.reportDate])) {
        const d = parseDateCell(row[cols.reportDate]);
        if (!d) {
          out.add("DATE_INVALID", name, r, cols.reportDate, { vi: `Ngày báo cáo "${str(row[cols.reportDate])}" không đúng định dạng. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 18/02/2025.`, en: `The report date "${str(row[cols.reportDate])}" is not a valid date. Write it as day/month/year, e.g. 18/02/2025.` });
          ok = false;
        } else {
          rowDate = d;
          cells.reportDate = dateL + rowNum;
          dateWhere ??= { sheet: name, cell: cells.reportDate };
        }
      } else if (sheetDateCell && rowDate) {
        cells.reportDate = sheetDateCell;
        dateWhere ??= { sheet: name, cell: sheetDateCell };
      }

      // Notes and corrections: a "Lý do điều chỉnh" column, or a note starting with "Điều chỉnh: …".
      const note = cols.note !== undefined ? str(row[cols.note]) || null : null;
      let isCorrection = submissionCorrection !== null;
      let correctionReason: string | null = submissionCorrection || null;
      const marked = rowCorrection(cols.correction !== undefined ? row[cols.correction] : null, note);
      if (marked) {
        isCorrection = true;
        correctionReason = marked.reason ?? correctionReason;
        if (!correctionReason) {
          const c = cols.correction ?? cols.note ?? 0;
          out.add("CORRECTION_REASON_MISSING", name, r, c, {
            vi: `Dòng ${rowNum} được đánh dấu điều chỉnh nhưng chưa ghi lý do. Hãy ghi lý do, ví dụ "Điều chỉnh: nhập trùng 120 dữ liệu".`,
            en: `Row ${rowNum} is marked as a correction but gives no reason. Write one, e.g. "Correction: 120 entries were entered twice".`,
          });
          ok = false;
        }
      }

      const pr: ProgressRow = { sheet: name, row: rowNum, unit, registerKind: kind, phase, counts, statedPercent, reportDate: rowDate, note, isCorrection, correctionReason, cells };
      if (cols.book !== undefined) pr.book = str(row[cols.book]) || null;
      if (!ok) out.badRows.add(`${name}|${rowNum}`);
      if (!countsOk) out.unreadable.add(pr);
      rows.push(pr);
      rec.data(r, rawLabel, unit.code, kind, phase);
      if (!summary) rec.count(counts);
    }
    closeSection();
    for (const t of deferredTotals) {
      compareTotals(out, sheet, t.r, cols, rows, sheetStart, { vi: "Dòng tổng cộng", en: "Grand total" });
      const listed = rec.reading.rows.find((x) => x.row === t.r + 1);
      if (listed && rows.length > sheetStart) listed.sums = [rows[sheetStart]!.row, rows[rows.length - 1]!.row];
    }
    for (const g of pendingGroups.splice(0)) {
      const members: ProgressRow[] = [];
      for (let i = g.from; i < rows.length; i++) if (rows[i]!.unit.parentId === g.unit.id) members.push(rows[i]!);
      if (members.length) compareRows(out, g.sheet, g.r, g.cols, members, { vi: `Dòng cộng của ${g.unit.fullName}`, en: `Subtotal of ${g.unit.fullName}` });
    }
    if (summary) for (const row of rows.splice(sheetStart)) summaryRows.push({ row, sheet, r: row.row - 1, cols, rec });
  }
  checkSummaries(out, summaryRows, rows, units);

  const folded = crossRowRules(rows, ctx, out);

  // The report date.
  const dates = new Map<string, ProgressRow>();
  for (const r of rows) if (r.reportDate && !dates.has(r.reportDate)) dates.set(r.reportDate, r);
  let reportDate: string | null = null;
  const firstName = tables[0]!.sheet.name;
  if (dates.size > 1) {
    const sorted = [...dates.keys()].sort();
    out.add("DATES_MIXED", firstName, null, null, {
      vi: `Bảng tính có nhiều ngày báo cáo khác nhau (${sorted.map((d) => formatDate(d)).join(", ")}). Mỗi lần gửi chỉ một ngày báo cáo; hãy tách thành nhiều lần gửi.`,
      en: `The workbook has several report dates (${sorted.map((d) => formatDate(d, "en")).join(", ")}). Send one report date at a time.`,
    }, sorted.map((d) => dates.get(d)!.cells.reportDate));
  } else reportDate = dates.keys().next().value ?? ctx.reportDate ?? null;
  if (!reportDate && dates.size <= 1 && rows.length) {
    out.add("DATE_MISSING", firstName, null, null, { vi: "Chưa ghi ngày báo cáo. Hãy ghi \"Ngày báo cáo: ngày/tháng/năm\" phía trên bảng, ví dụ \"Ngày báo cáo: 18/02/2025\".", en: "No report date. Write \"Report date: day/month/year\" above the table, e.g. \"Report date: 18/02/2025\"." });
  }
  if (reportDate) {
    const sheet = dateWhere?.sheet ?? firstName;
    const cell = dateWhere?.cell ?? null;
    const at = cell ? { row: Number(cell.replace(/^[A-Z]+/, "")) } : {};
    if (at.row !== undefined && reportDate > ctx.today) out.badRows.add(`${sheet}|${at.row}`);
    if (ctx.today && reportDate > ctx.today) {
      out.issues.push({ code: "DATE_IN_FUTURE", severity: RULES.DATE_IN_FUTURE, sheet, cell, ...at, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} ở tương lai (hôm nay là ${formatDate(ctx.today)}). Hãy sửa ngày báo cáo.`, en: `The report date ${formatDate(reportDate, "en")} is in the future (today is ${formatDate(ctx.today, "en")}). Correct the report date.` } });
    }
    if (ctx.campaign && (reportDate < ctx.campaign.startDate || reportDate > ctx.campaign.endDate)) {
      out.issues.push({ code: "DATE_OUTSIDE_CAMPAIGN", severity: RULES.DATE_OUTSIDE_CAMPAIGN, sheet, cell, ...at, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} nằm ngoài thời gian của đợt số hóa (${formatDate(ctx.campaign.startDate)} – ${formatDate(ctx.campaign.endDate)}). Hãy kiểm tra lại ngày báo cáo.`, en: `The report date ${formatDate(reportDate, "en")} is outside the campaign (${formatDate(ctx.campaign.startDate, "en")} – ${formatDate(ctx.campaign.endDate, "en")}). Check the report date.` } });
    }
  }
  if (rows.length === 0 && !out.issues.some((i) => i.severity === "error")) {
    out.add("NO_ROWS", firstName, null, null, { vi: "Không tìm thấy dòng số liệu nào trong bảng tính. Hãy nhập số liệu dưới dòng tiêu đề hoặc dùng mẫu của Sohoa.", en: "No data rows were found in the sheet. Enter figures below the header row or use the Sohoa template." });
  }

  // Issues in reading order: sheet, row, column (sheet-level issues first), as the official walks the sheet.
  if (out.issues.length > 1) {
    const order = new Map(sheets.map((sh, i) => [sh.name, i]));
    const col = (c: string | null) => (c ? /^[A-Z]+/.exec(c)?.[0] ?? "" : "");
    out.issues = out.issues
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => (order.get(a.issue.sheet) ?? 0) - (order.get(b.issue.sheet) ?? 0) || (a.issue.row ?? 0) - (b.issue.row ?? 0) || col(a.issue.cell).length - col(b.issue.cell).length || (col(a.issue.cell) < col(b.issue.cell) ? -1 : col(a.issue.cell) > col(b.issue.cell) ? 1 : 0) || a.i - b.i)
      .map((x) => x.issue);
  }

  // Rows with an error of their own are not returned as accepted rows.
  const bad = out.badRows;
  const accepted = bad.size === 0 && folded.size === 0 ? rows : rows.filter((r) => !folded.has(r) && !bad.has(`${r.sheet}|${r.row}`));
  if (reportDate) for (const r of accepted) if (!r.reportDate) r.reportDate = reportDate;
  let hasErrors = false;
  for (const i of out.issues) if (i.severity === "error") { hasErrors = true; break; }
  return { rows: accepted, issues: out.issues, reportDate, template, hasErrors, reading: { sheets: sheetReadings, reportDate: readingDate(reportDate, dateWhere, sheetReadings) } };
}

interface SummaryRow { row: ProgressRow; sheet: Sheet; r: number; cols: TableLayout["columns"]; rec: SheetRecorder }

/**
 * A summary sheet ("Tổng hợp", often formulas over the other sheets) is checked against them: each of its rows
 * against the rows of that unit (and the units under it) elsewhere in the workbook. A row whose unit has no
 * other sheet is the only source of its figures: it is counted.
 */
function checkSummaries(out: Collector, summaryRows: SummaryRow[], rows: ProgressRow[], units: UnitIndex): void {
  if (summaryRows.length === 0) return;
  const byId = new Map(units.units.map((u) => [u.id, u]));
  const within = (u: UnitRef, ancestorId: string) => {
    for (let x: UnitRef | undefined = u; x; x = x.parentId ? byId.get(x.parentId) : undefined) if (x.id === ancestorId) return true;
    return false;
  };
  const own = rows.length;
  for (const s of summaryRows) {
    const members: ProgressRow[] = [];
    for (let i = 0; i < own; i++) {
      const x = rows[i]!;
      if (within(x.unit, s.row.unit.id) && (s.row.registerKind === "*" || x.registerKind === s.row.registerKind) && (s.row.phase === "*" || x.phase === s.row.phase)) members.push(x);
    }
    if (members.length) compareRows(out, s.sheet, s.r, s.cols, members, { vi: `Bảng "${s.sheet.name}", dòng của ${s.row.unit.fullName}`, en: `Sheet "${s.sheet.name}", row of ${s.row.unit.fullName}` });
    else {
      rows.push(s.row);
      s.rec.count(s.row.counts);
    }
  }
}

/** Where the submission's report date came from, for the reading. */
function readingDate(date: string | null, where: { sheet: string; cell: string } | null, sheets: SheetReading[]): WorkbookReading["reportDate"] {
  if (!date) return null;
  if (where) {
    const s = sheets.find((x) => x.name === where.sheet && x.reportDate?.cell === where.cell);
    return s?.reportDate ? { date, sheet: where.sheet, cell: where.cell, source: s.reportDate.source, ...(s.reportDate.text ? { text: s.reportDate.text } : {}) } : { date, sheet: where.sheet, cell: where.cell, source: "column" };
  }
  return { date, sheet: null, cell: null, source: "request" };
}

/** The name written is this unit's, whatever the spelling (prefix, diacritics, spacing). */
function sameUnitName(written: string, u: UnitRef): boolean {
  const k = compactKey(written);
  return k === compactKey(u.name) || k === compactKey(u.fullName);
}

/** Decimals the stated value shows (44.5 → 1), up to 6, without building a string. */
function decimalsOf(x: number): number {
  let scaled = x;
  for (let d = 0; d < 6; d++) {
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
    scaled *= 10;
  }
  return 6;
}

/** A correction marker on a row: the correction column ("x", "có", or the reason itself) or a note "Điều chỉnh: …". */
function rowCorrection(cell: CellValue | undefined, note: string | null): { reason: string | null } | null {
  if (cell === true) return { reason: note && !CORRECTION_NOTE.test(normalizeName(note)) ? note : noteReason(note) };
  if (typeof cell === "string" || typeof cell === "number") {
    const s = String(cell).trim();
    if (s) {
      if (YES.test(normalizeName(s))) return { reason: note ? (noteReason(note) ?? note) : null };
      const stripped = s.replace(CORRECTION_PREFIX, "").trim();
      return { reason: stripped || null };
    }
  }
  if (note && CORRECTION_NOTE.test(normalizeName(note))) return { reason: noteReason(note) };
  return null;
}

function noteReason(note: string | null): string | null {
  if (!note) return null;
  const rest = note.replace(CORRECTION_PREFIX, "").trim();
  return rest.length >= 3 ? rest : null;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Rules across rows. Pass 1: count invariants per row, duplicates and overlaps, and the books of a per-book
 * sheet summed into one row per unit/kind/phase. Pass 2, on the rows that stand: previous report, inventory,
 * outliers. Returns the rows folded into another (not returned as rows of their own).
 */
function crossRowRules(rows: ProgressRow[], ctx: Ctx, out: Collector): Set<ProgressRow> {
  const seen = new Map<UnitRef, Map<string, ProgressRow>>();
  const folded = new Set<ProgressRow>();
  const booksOf = new Map<ProgressRow, Set<string>>();
  const standing: ProgressRow[] = [];
  const unitIncrease = new Map<string, { inc: number; first: ProgressRow; cells: string[] }>();
  const factor = ctx.outlier?.factor ?? 10;
  const minJump = ctx.outlier?.minJump ?? 500;
  for (const d of rows) {
    if (out.badRows.size && out.badRows.has(`${d.sheet}|${d.row}`)) continue;
    const c = d.counts;
    const L = d.cells;
    if (c.entriesDigitized > c.entriesTotal && L.entriesTotal) out.onRow("DIGITIZED_GT_TOTAL", d, L.entriesDigitized, { vi: `Số dữ liệu đã số hóa (${n(c.entriesDigitized)}) lớn hơn tổng số dữ liệu cần số hóa (${n(c.entriesTotal)}). Hãy kiểm tra lại hai ô này; nếu tổng số đã tăng, hãy cập nhật tổng số.`, en: `Entries digitized (${n(c.entriesDigitized, "en")}) exceed the entries to digitize (${n(c.entriesTotal, "en")}). Check both cells; if the total grew, update it.` }, [L.entriesDigitized, L.entriesTotal]);
    if (c.booksDigitized > c.booksTotal && L.booksTotal && L.booksDigitized) out.onRow("BOOKS_DIGITIZED_GT_TOTAL", d, L.booksDigitized, { vi: `Số sổ đã số hóa (${n(c.booksDigitized)}) lớn hơn tổng số sổ (${n(c.booksTotal)}). Hãy kiểm tra lại hai ô này.`, en: `Books digitized (${n(c.booksDigitized, "en")}) exceed the books total (${n(c.booksTotal, "en")}). Check both cells.` }, [L.booksDigitized, L.booksTotal]);
    if (c.entriesChecked > c.entriesDigitized && L.entriesChecked) out.onRow("CHECKED_GT_DIGITIZED", d, L.entriesChecked, { vi: `Số dữ liệu đã kiểm tra (${n(c.entriesChecked)}) lớn hơn số đã số hóa (${n(c.entriesDigitized)}): chỉ kiểm tra được dữ liệu đã nhập. Hãy sửa một trong hai ô.`, en: `Entries checked (${n(c.entriesChecked, "en")}) exceed entries digitized (${n(c.entriesDigitized, "en")}): only digitized entries can be checked. Correct one of the cells.` }, [L.entriesChecked, L.entriesDigitized]);
    if (c.entriesLoaded > c.entriesDigitized && L.entriesLoaded) out.onRow("LOADED_GT_DIGITIZED", d, L.entriesLoaded, { vi: `Số dữ liệu đã đưa vào CSDL (${n(c.entriesLoaded)}) lớn hơn số đã số hóa (${n(c.entriesDigitized)}). Hãy sửa một trong hai ô.`, en: `Entries loaded (${n(c.entriesLoaded, "en")}) exceed entries digitized (${n(c.entriesDigitized, "en")}). Correct one of the cells.` }, [L.entriesLoaded, L.entriesDigitized]);

    // Keyed by the unit object first: a roll-up has one row per unit, so the inner map stays tiny.
    const sub = d.registerKind === "*" && d.phase === "*" ? d.reportDate : `${d.registerKind}|${d.phase}|${d.reportDate}`;
    let perUnit = seen.get(d.unit);
    if (!perUnit) seen.set(d.unit, (perUnit = new Map()));
    // Same unit, kind, phase and date; or overlapping rows (all kinds "*" in a roll-up and one kind in a
    // commune sheet of the same workbook) that would count the same entries twice.
    let dup = perUnit.get(sub);
    if (!dup && perUnit.size > 0) {
      for (const other of perUnit.values()) {
        if (other.reportDate !== d.reportDate) continue;
        const kindOverlap = other.registerKind === d.registerKind || other.registerKind === "*" || d.registerKind === "*";
        const phaseOverlap = other.phase === d.phase || other.phase === "*" || d.phase === "*";
        if (kindOverlap && phaseOverlap) { dup = other; break; }
      }
    }
    if (dup && dup.book !== undefined && d.book !== undefined && perUnit.get(sub) === dup) {
      // A per-book sheet: another book of the same kind and phase adds to the row, unless it is the same book.
      let books = booksOf.get(dup);
      if (!books) booksOf.set(dup, (books = new Set(dup.book ? [dup.book] : [])));
      const label = d.book ?? "";
      if (label && !books.has(label) && !(out.badRows.size && out.badRows.has(`${d.sheet}|${d.row}`))) {
        books.add(label);
        for (const f of COUNT_FIELDS) dup.counts[f] += c[f];
        dup.sourceRows = [...(dup.sourceRows ?? [dup.row]), d.row];
        dup.book = null;
        dup.statedPercent = null;
        if (d.isCorrection) {
          dup.isCorrection = true;
          dup.correctionReason = [dup.correctionReason, d.correctionReason].filter(Boolean).join("; ") || null;
        }
        folded.add(d);
        continue;
      }
    }
    if (dup) {
      const what = `${d.unit.fullName}${d.registerKind !== "*" ? `, ${d.registerKind}` : ""}${d.phase !== "*" ? `, ${d.phase}` : ""}`;
      const here = L.unit ?? L.registerKind ?? L.entriesDigitized;
      out.onRow("DUPLICATE_ROW", d, here, { vi: `${what} đã có ở dòng ${dup.row} (trang "${dup.sheet}"). Mỗi đơn vị, loại sổ, giai đoạn chỉ ghi một dòng; hãy xóa hoặc gộp dòng trùng.`, en: `${what} is already on row ${dup.row} (sheet "${dup.sheet}"). One row per unit, kind and phase; remove or merge the duplicate.` }, [dup.cells.unit ?? dup.cells.registerKind ?? dup.cells.entriesDigitized, here]);
      continue;
    }
    perUnit.set(sub, d);
    standing.push(d);
  }

  if (!ctx.previous && !ctx.inventory) return folded;
  for (const d of standing) {
    if (out.badRows.size && out.badRows.has(`${d.sheet}|${d.row}`)) continue;
    const c = d.counts;
    const L = d.cells;
    const prevKey = `${d.unit.code}|${d.registerKind}|${d.phase}`;
    const prev = ctx.previous?.get(prevKey) ?? (d.registerKind === "*" || d.phase === "*" ? sumPrevious(ctx.previous, d) : undefined);
    if (prev) {
      if (!d.isCorrection) {
        for (const f of ["entriesDigitized", "entriesChecked", "entriesLoaded", "booksDigitized"] as const) {
          if (L[f] && c[f] < prev[f]) {
            out.onRow("DECREASE_WITHOUT_CORRECTION", d, L[f], { vi: `${FIELD_NAMES[f].vi} (${n(c[f])}) thấp hơn lần báo cáo trước (${n(prev[f])}). Số liệu cộng dồn không giảm; nếu là sửa sai, hãy gửi dưới dạng điều chỉnh và ghi lý do (cột "Lý do điều chỉnh" hoặc ghi chú "Điều chỉnh: …").`, en: `${FIELD_NAMES[f].en} (${n(c[f], "en")}) is lower than in the last report (${n(prev[f], "en")}). Cumulative figures do not fall; if this fixes a mistake, send it as a correction with a reason ("Correction reason" column or a note "Correction: …").` }, [L[f]]);
          }
        }
      }
      if (L.entriesDigitized) {
        const u = unitIncrease.get(d.unit.code);
        if (u) {
          u.inc += c.entriesDigitized - prev.entriesDigitized;
          u.cells.push(L.entriesDigitized);
        } else unitIncrease.set(d.unit.code, { inc: c.entriesDigitized - prev.entriesDigitized, first: d, cells: [L.entriesDigitized] });
      }
    }
    const inv = ctx.inventory?.get(prevKey);
    if (inv) {
      const f: CountField | null = L.entriesTotal && c.entriesTotal !== inv.entriesTotal ? "entriesTotal" : L.booksTotal && c.booksTotal !== inv.booksTotal ? "booksTotal" : null;
      if (f) out.onRow("INVENTORY_MISMATCH", d, L[f], { vi: `${FIELD_NAMES[f].vi} (${n(c[f])}) khác với số đã đăng ký trong danh mục sổ (${n(inv[f])}). Nếu danh mục đã thay đổi, hãy ghi chú lý do hoặc đề nghị cập nhật danh mục.`, en: `${FIELD_NAMES[f].en} (${n(c[f], "en")}) differs from the registered inventory (${n(inv[f], "en")}). If the inventory changed, add a note or ask for it to be updated.` }, [L[f]]);
    }
  }
  if (!ctx.recentDailyOutput) return folded;
  for (const [code, { inc, first, cells }] of unitIncrease) {
    const normal = ctx.recentDailyOutput.get(code);
    if (normal === undefined) continue;
    const since = ctx.previousReportDate?.get(code);
    const days = since && first.reportDate ? Math.max(1, daysBetween(since, first.reportDate)) : 1;
    const limit = Math.max(minJump, normal * days * factor);
    if (inc > limit) {
      const span = days > 1 ? { vi: ` trong ${days} ngày`, en: ` in ${days} days` } : { vi: "", en: "" };
      out.onRow("OUTLIER_JUMP", first, first.cells.entriesDigitized, { vi: `${first.unit.fullName} tăng ${n(inc)} dữ liệu${span.vi} so với lần báo cáo trước, cao bất thường so với mức thường ngày (khoảng ${n(normal)} dữ liệu/ngày). Hãy kiểm tra lại; nếu đúng, xác nhận để gửi.`, en: `${first.unit.fullName} rose by ${n(inc, "en")} entries${span.en} since the last report, far above its usual output (about ${n(normal, "en")} entries/day). Check it; if right, confirm to submit.` }, cells);
    }
  }
  return folded;
}

function sumPrevious(prev: Map<string, ProgressCounts> | undefined, d: ProgressRow): ProgressCounts | undefined {
  if (!prev || prev.size === 0) return undefined;
  let found = false;
  const acc = { ...ZERO_COUNTS };
  const prefix = `${d.unit.code}|`;
  for (const [k, v] of prev) {
    if (!k.startsWith(prefix)) continue;
    const [, kind, phase] = k.split("|");
    if ((d.registerKind !== "*" && kind !== d.registerKind) || (d.phase !== "*" && phase !== d.phase)) continue;
    found = true;
    for (const f of COUNT_FIELDS) acc[f] += v[f];
  }
  return found ? acc : undefined;
}

/** A total row compared with the parsed rows from `from` on (rows of this sheet only). */
function compareTotals(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], rows: ProgressRow[], from: number, what: Message): void {
  const sum = { ...ZERO_COUNTS };
  for (let i = Math.max(0, from); i < rows.length; i++) {
    const m = rows[i]!;
    if (m.sheet !== sheet.name) continue;
    if (out.unreadable.size && out.unreadable.has(m)) return;
    const c = m.counts;
    sum.booksTotal += c.booksTotal; sum.booksDigitized += c.booksDigitized; sum.entriesTotal += c.entriesTotal;
    sum.entriesDigitized += c.entriesDigitized; sum.entriesChecked += c.entriesChecked; sum.entriesLoaded += c.entriesLoaded;
  }
  compareSum(out, sheet, r, cols, sum, what);
}

function compareRows(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], members: ProgressRow[], what: Message): void {
  const sum = { ...ZERO_COUNTS };
  for (const m of members) {
    if (out.unreadable.has(m)) return;
    for (const f of COUNT_FIELDS) sum[f] += m.counts[f];
  }
  compareSum(out, sheet, r, cols, sum, what);
}

function compareSum(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], sum: ProgressCounts, what: Message): void {
  const row = sheet.rows[r] ?? [];
  for (const f of COUNT_FIELDS) {
    const c = cols[f];
    if (c === undefined) continue;
    const p = parseNumberCell(row[c]);
    if (p.kind !== "number" || p.value === sum[f]) continue;
    out.add("TOTAL_MISMATCH", sheet.name, r, c, {
      vi: `${what.vi}: ${FIELD_NAMES[f].vi} ghi ${n(p.value)} nhưng cộng các dòng được ${n(sum[f])} (chênh ${n(p.value - sum[f])}). Hãy sửa dòng tổng hoặc các dòng chi tiết.`,
      en: `${what.en}: ${FIELD_NAMES[f].en} says ${n(p.value, "en")} but its rows add up to ${n(sum[f], "en")} (off by ${n(p.value - sum[f], "en")}). Correct the total or the rows.`,
    });
  }
}

/**
 * The report date a workbook states (above a table, or in a report-date column), without any reference data:
 * callers use it to pick the map of units that applies before validating.
 */
export function detectReportDate(grid: Grid, layouts?: TableLayouts): string | null {
  try {
    for (const sheet of grid?.sheets ?? []) {
      const layout = tableLayout(sheet, layouts);
      if (!layout) continue;
      const fd = frameDates(sheet, layout.headerRow, layout.headerFirstRow).reportDate;
      if (fd) return fd.date;
      const c = layout.columns.reportDate;
      if (c !== undefined) {
        for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
          const d = parseDateCell(sheet.rows[r]?.[c]);
          if (d) return d;
        }
      }
    }
  } catch {
    return null; // an unreadable grid has no date; validateGrid reports why
  }
  return null;
}

/** Every cell an issue points at (its cell first, then the others), for marking a sheet. */
export function issueCells(issue: ValidationIssue): string[] {
  const out: string[] = [];
  if (issue.cell) out.push(issue.cell);
  for (const c of issue.cells ?? []) if (!out.includes(c)) out.push(c);
  return out;
}

/** Issues by "sheet!A1" (an issue with several cells appears under each), for the add-in's marks and notes. */
export function issuesByCell(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const map = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    for (const c of issueCells(i)) {
      const k = `${i.sheet}!${c}`;
      const list = map.get(k);
      if (list) list.push(i);
      else map.set(k, [i]);
    }
  }
  return map;
}

/** "2 lỗi, 1 cảnh báo" / "2 error(s), 1 warning(s)". */
export function summarizeIssues(issues: readonly ValidationIssue[], locale: "vi" | "en" = "vi"): string {
  let errors = 0, warnings = 0;
  for (const i of issues) if (i.severity === "error") errors++; else warnings++;
  return locale === "vi" ? `${errors} lỗi, ${warnings} cảnh báo` : `${errors} error(s), ${warnings} warning(s)`;
}
