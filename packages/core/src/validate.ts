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
 *
 * The modules under validate/: rules.ts (the RULES catalogue, the collector), read-sheet.ts (the per-sheet
 * reading loop: row roles, unit, kind, phase), row-rules.ts (counts, percent, date, correction), totals.ts
 * (totals and summary sheets), cross-row.ts (rules across rows), report-date.ts (the workbook's date).
 * This file is the entry: it runs them in order and sorts the issues as an official walks the sheet.
 */
import { tableLayout, type TableLayout, type TableLayouts } from "./headers";
import { frameDates } from "./reading/frame";
import { SheetRecorder } from "./reading/recorder";
import type { SheetReading } from "./reading/types";
import { KindIndex, PhaseIndex, UnitIndex } from "./reference";
import { COUNT_FIELDS, type Grid, type ProgressCounts, type Sheet, type ValidationContext, type ValidationIssue, type ValidationResult } from "./types";
import { parseDateCell } from "./values";
import { crossRowRules } from "./validate/cross-row";
import { readSheet } from "./validate/read-sheet";
import { readingDate, workbookDate } from "./validate/report-date";
import { Collector, FIELD_NAMES } from "./validate/rules";
import type { WorkbookState } from "./validate/state";
import { checkSummaries } from "./validate/totals";

export { RULES, RULE_CODES, type RuleCode } from "./validate/rules";
export { formerAndCurrentIssue, formerUnitIssue, notReportingIssue } from "./validate/unit-rules";
export const COUNT_FIELD_NAMES = FIELD_NAMES;

/** Options of the outlier rule (defaults: a jump is suspicious above 10× the usual daily output × days, and above 500). */
export type OutlierOptions = NonNullable<ValidationContext["outlier"]>;

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

function run(grid: Grid, ctx: ValidationContext, out: Collector, layouts?: TableLayouts): ValidationResult {
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

  const submissionCorrection = ctx.correction ? (ctx.correction.reason ?? "").trim() : null;
  if (submissionCorrection === "") {
    out.add("CORRECTION_REASON_MISSING", tables[0]!.sheet.name, null, null, {
      vi: "Báo cáo được gửi dưới dạng điều chỉnh nhưng chưa ghi lý do. Hãy ghi lý do điều chỉnh (ví dụ: nhập nhầm số liệu ngày 17/02).",
      en: "The report is sent as a correction but gives no reason. Write the reason (e.g. figures of 17/02 were mistyped).",
    });
  }
  const w: WorkbookState = {
    ctx, out, units, kinds, phases, submitterIsLeaf, tableCount: tables.length, submissionCorrection,
    rows: [], summaryRows: [], template: "commune", suggestionsLeft: 50, suggestionBudget: 2_000_000, dateWhere: null,
  };
  for (const { sheet, layout } of tables) readSheet(w, sheet, layout, sheetReadings);
  const { rows } = w;
  checkSummaries(out, w.summaryRows, rows, units);

  const folded = crossRowRules(rows, ctx, out);
  const firstName = tables[0]!.sheet.name;
  const reportDate = workbookDate(w, firstName);
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
  return { rows: accepted, issues: out.issues, reportDate, template: w.template, hasErrors, reading: { sheets: sheetReadings, reportDate: readingDate(reportDate, w.dateWhere, sheetReadings) } };
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
