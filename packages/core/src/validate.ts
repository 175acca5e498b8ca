/**
 * Parses and validates a progress workbook. Never throws: whatever the grid, the answer is rows and issues.
 * Each issue has a stable code, a severity, a message in Vietnamese and English that says what is wrong and
 * how to fix it, and the A1 address of its cell(s). The server re-runs exactly this on what it receives.
 */
import { a1 } from "./a1";
import { formatDate, formatNumber, formatPercent } from "./format";
import { findTable, type Field, type TableLayout } from "./headers";
import { KindIndex, PhaseIndex, UnitIndex } from "./reference";
import { normalizeName } from "./text";
import { COUNT_FIELDS, ZERO_COUNTS, type CellValue, type CountField, type Grid, type Message, type ProgressCounts, type ProgressRow, type Severity, type Sheet, type UnitRef, type ValidationContext, type ValidationIssue, type ValidationResult } from "./types";
import { parseDateCell, parseNumberCell, parsePercentCell } from "./values";

export const RULES = {
  HEADER_NOT_FOUND: "error",
  DATE_MISSING: "error",
  DATE_INVALID: "error",
  DATE_IN_FUTURE: "error",
  DATE_OUTSIDE_CAMPAIGN: "warning",
  DATES_MIXED: "error",
  UNIT_MISSING: "error",
  UNIT_UNKNOWN: "error",
  UNIT_AMBIGUOUS: "error",
  KIND_UNKNOWN: "error",
  PHASE_UNKNOWN: "error",
  VALUE_NOT_NUMBER: "error",
  VALUE_AMBIGUOUS: "error",
  VALUE_NEGATIVE: "error",
  VALUE_NOT_INTEGER: "error",
  VALUE_MISSING: "error",
  DIGITIZED_GT_TOTAL: "error",
  BOOKS_DIGITIZED_GT_TOTAL: "error",
  CHECKED_GT_DIGITIZED: "error",
  LOADED_GT_DIGITIZED: "error",
  PERCENT_MISMATCH: "error",
  TOTAL_MISMATCH: "error",
  DUPLICATE_ROW: "error",
  DECREASE_WITHOUT_CORRECTION: "error",
  OUTLIER_JUMP: "warning",
  INVENTORY_MISMATCH: "warning",
} as const satisfies Record<string, Severity>;
export type RuleCode = keyof typeof RULES;

const FIELD_NAMES: Record<CountField, Message> = {
  booksTotal: { vi: "Tổng số sổ", en: "Books total" },
  booksDigitized: { vi: "Số sổ đã số hóa", en: "Books digitized" },
  entriesTotal: { vi: "Tổng số dữ liệu cần số hóa", en: "Entries to digitize" },
  entriesDigitized: { vi: "Số dữ liệu đã số hóa", en: "Entries digitized" },
  entriesChecked: { vi: "Số dữ liệu đã kiểm tra", en: "Entries checked" },
  entriesLoaded: { vi: "Số dữ liệu đã đưa vào CSDL", en: "Entries loaded into the database" },
};

const TOTAL_ROW = /^(tong cong|tong so|tong|cong|total|grand total|toan tinh|toan huyen|toan thanh pho|ca tinh|sum)( .*)?$/;
const GRAND_TOTAL = /^(tong cong|toan tinh|toan thanh pho|ca tinh|grand total|total|tong so|tong)$/;
const CORRECTION_NOTE = /^(dieu chinh|dinh chinh|cai chinh so lieu|sua so lieu|correction)\b/;

interface RowDraft {
  sheet: string;
  r: number; // 0-based
  unit: UnitRef;
  kind: string;
  phase: string;
  counts: ProgressCounts;
  cells: ProgressRow["cells"];
  statedPercent: number | null;
  reportDate: string | null;
  note: string | null;
  correction: string | null;
  ok: boolean;
}

class Collector {
  issues: ValidationIssue[] = [];
  add(code: RuleCode, sheet: string, r: number | null, c: number | null, message: Message, cells?: string[]): void {
    const issue: ValidationIssue = { code, severity: RULES[code], message, sheet, cell: r !== null && c !== null ? a1(r, c) : null };
    if (cells) issue.cells = cells;
    if (r !== null) issue.row = r + 1;
    this.issues.push(issue);
  }
}

const str = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v)).trim();
const n = (x: number, l: "vi" | "en" = "vi") => formatNumber(x, l);

/** The report date written above the table: "Ngày báo cáo: 18/02/2025", "Báo cáo ngày 18/02/2025", "Report date | 2025-02-18". */
function headerDate(sheet: Sheet, before: number): { date: string | null; r: number; c: number; raw: string } | null {
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = str(row[c]);
      if (!t) continue;
      const nt = normalizeName(t);
      if (!/(ngay bao cao|report date|so lieu (tinh )?den ngay|bao cao ngay|tinh den ngay|as of)/.test(nt)) continue;
      const inline = t.split(/[:：]/).slice(1).join(":").trim() || t.replace(/^.*?(ngày|ngay|date|den)\s*/i, "");
      const d1 = parseDateCell(inline) ?? parseDateCell(t.replace(/^[^0-9]*/, ""));
      if (d1) return { date: d1, r, c, raw: t };
      for (let k = c + 1; k < row.length; k++) {
        const v = row[k];
        if (v === null || v === "") continue;
        return { date: parseDateCell(v), r, c: k, raw: str(v) };
      }
      return { date: null, r, c, raw: t };
    }
  }
  return null;
}

function countsEqual(a: ProgressCounts, b: ProgressCounts): boolean {
  return COUNT_FIELDS.every((f) => a[f] === b[f]);
}

export function validateGrid(grid: Grid, ctx: ValidationContext): ValidationResult {
  const out = new Collector();
  try {
    return run(grid, ctx, out);
  } catch (err) {
    // Defensive: a bug must not lose the official's work; it becomes an issue they can report.
    out.add("HEADER_NOT_FOUND", grid?.sheets?.[0]?.name ?? "", null, null, {
      vi: `Không đọc được bảng tính (${String((err as Error)?.message ?? err).slice(0, 120)}). Hãy dùng mẫu của Sohoa hoặc gửi tệp cho quản trị viên.`,
      en: `The sheet could not be read (${String((err as Error)?.message ?? err).slice(0, 120)}). Use the Sohoa template or send the file to an administrator.`,
    });
    return { rows: [], issues: out.issues, reportDate: null, template: null, hasErrors: true };
  }
}

function run(grid: Grid, ctx: ValidationContext, out: Collector): ValidationResult {
  const units = new UnitIndex(ctx.units);
  const kinds = new KindIndex(ctx.registerKinds);
  const phases = new PhaseIndex(ctx.phases);
  const submitterIsLeaf = !units.children.has(ctx.submitter.id);
  const sheets = Array.isArray(grid?.sheets) ? grid.sheets.filter((s) => s && Array.isArray(s.rows)) : [];
  const tables: { sheet: Sheet; layout: TableLayout }[] = [];
  for (const sheet of sheets) {
    const layout = findTable(sheet);
    if (layout) tables.push({ sheet, layout });
  }
  if (tables.length === 0) {
    out.add("HEADER_NOT_FOUND", sheets[0]?.name ?? "", null, null, {
      vi: "Không tìm thấy bảng số liệu: cần một dòng tiêu đề có các cột như \"Tổng số dữ liệu cần số hóa\" và \"Số dữ liệu đã số hóa\". Hãy dùng mẫu của Sohoa (Chèn mẫu) hoặc đặt lại tiêu đề cột.",
      en: "No progress table found: a header row needs columns such as \"Entries to digitize\" and \"Entries digitized\". Use the Sohoa template (Insert template) or rename the columns.",
    });
    return { rows: [], issues: out.issues, reportDate: null, template: null, hasErrors: true };
  }

  const drafts: RowDraft[] = [];
  const pendingGroups: PendingGroup[] = [];
  const dates = new Set<string>();
  let template: "commune" | "rollup" = "commune";
  let suggestionsLeft = 50;

  for (const { sheet, layout } of tables) {
    const cols = layout.columns;
    const name = sheet.name;
    if (cols.unitCode !== undefined || cols.unitName !== undefined) template = cols.registerKind === undefined ? "rollup" : template;
    const hd = headerDate(sheet, layout.headerRow);
    let sheetDate: string | null = null;
    if (hd) {
      if (hd.date) sheetDate = hd.date;
      else out.add("DATE_INVALID", name, hd.r, hd.c, { vi: `Ngày báo cáo "${hd.raw}" không đúng định dạng; hãy ghi theo dạng ngày/tháng/năm, ví dụ 18/02/2025.`, en: `The report date "${hd.raw}" is not a valid date; write it as day/month/year, e.g. 18/02/2025.` });
    }
    let lastKind: string | null = null;
    const countCols = COUNT_FIELDS.map((f) => cols[f]).filter((c): c is number => c !== undefined);
    let groupStart = drafts.length; // first draft of the current subtotal group
    let groupUnit: UnitRef | null = null;
    for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row || row.length === 0) continue;

      const codeText = cols.unitCode === undefined ? "" : str(row[cols.unitCode]);
      const nameText = cols.unitName === undefined ? "" : str(row[cols.unitName]);
      const kindText = cols.registerKind === undefined ? "" : str(row[cols.registerKind]);
      const phaseVal = cols.phase === undefined ? undefined : row[cols.phase];
      let anyCount = false;
      for (const c of countCols) if (row[c] !== null && row[c] !== undefined && row[c] !== "") { anyCount = true; break; }
      if (!anyCount && !codeText && !nameText && !kindText) continue; // blank spacer row

      // Total and subtotal rows are checked against the rows they sum, never taken as units.
      const rawLabel = nameText || kindText || str(row[cols.index ?? -1]) || str(row[0]);
      // Only labels that can start a total word (Tổng, Cộng, Toàn, Cả, Grand, Sum) are normalized.
      const label = /^[\s.]*[tcgsTCGS]/.test(rawLabel) ? normalizeName(rawLabel) : "";
      if (label && TOTAL_ROW.test(label) && !(codeText && units.match(codeText, null).kind === "found")) {
        const grand = GRAND_TOTAL.test(label);
        checkTotal(out, sheet, r, cols, drafts.slice(grand ? drafts.findIndex((d) => d.sheet === name) : groupStart).filter((d) => d.sheet === name), grand);
        groupStart = drafts.length;
        continue;
      }

      // The unit of the row.
      let unit: UnitRef | null = null;
      if (codeText || nameText) {
        const m = units.match(codeText || null, nameText || null, groupUnit?.id);
        const c = cols.unitCode !== undefined && codeText ? cols.unitCode : (cols.unitName ?? cols.unitCode ?? 0);
        if (m.kind === "found") unit = m.unit;
        else if (m.kind === "ambiguous") {
          out.add("UNIT_AMBIGUOUS", name, r, c, {
            vi: `"${nameText || codeText}" khớp với nhiều đơn vị: ${m.candidates.map((u) => `${u.fullName} (mã ${u.code})`).join(", ")}. Hãy ghi mã đơn vị vào cột "Mã đơn vị".`,
            en: `"${nameText || codeText}" matches several units: ${m.candidates.map((u) => `${u.fullName} (code ${u.code})`).join(", ")}. Write the unit code in the "Unit code" column.`,
          });
          continue;
        } else {
          const sugg = suggestionsLeft-- > 0 && nameText ? units.suggest(nameText) : [];
          const hint = sugg.length ? { vi: ` Có phải: ${sugg.map((u) => u.fullName).join(", ")}?`, en: ` Did you mean: ${sugg.map((u) => u.fullName).join(", ")}?` } : { vi: "", en: "" };
          out.add("UNIT_UNKNOWN", name, r, c, {
            vi: `Không tìm thấy đơn vị "${nameText || codeText}" trong phạm vi của ${ctx.submitter.fullName}.${hint.vi} Hãy sửa tên hoặc ghi đúng mã đơn vị.`,
            en: `No unit "${nameText || codeText}" within ${ctx.submitter.fullName}.${hint.en} Correct the name or write the right unit code.`,
          });
          continue;
        }
        // A row naming a parent of the units listed after it opens a group (its figures are a subtotal).
        if (units.children.has(unit.id) && cols.registerKind === undefined) {
          groupUnit = unit;
          const next = drafts.length;
          groupStart = next;
          if (anyCount) pendingGroups.push({ sheet, r, cols, unit, from: next });
          continue;
        }
      } else if (submitterIsLeaf) {
        unit = ctx.submitter;
      } else {
        out.add("UNIT_MISSING", name, r, cols.unitName ?? cols.unitCode ?? 0, {
          vi: `Dòng ${r + 1} không ghi đơn vị. Bảng tổng hợp của ${ctx.submitter.fullName} cần cột "Mã đơn vị" hoặc "Tên đơn vị" ở mỗi dòng.`,
          en: `Row ${r + 1} names no unit. A roll-up sheet of ${ctx.submitter.fullName} needs a "Unit code" or "Unit name" on every row.`,
        });
        continue;
      }

      // Register kind and phase (a blank kind cell continues the kind above, as in merged cells).
      let kind = "*";
      if (cols.registerKind !== undefined) {
        const text = kindText || lastKind || "";
        const k = text ? kinds.match(text) : null;
        if (!k) {
          out.add("KIND_UNKNOWN", name, r, cols.registerKind, {
            vi: `Loại sổ "${text}" không có trong danh mục (Khai sinh, Khai tử, Kết hôn, Nhận cha, mẹ, con, Thay đổi, cải chính, bổ sung hộ tịch, Giám hộ, Khác).`,
            en: `Register kind "${text}" is not in the list (Birth, Death, Marriage, Parent-child recognition, Change/correction, Guardianship, Other).`,
          });
          continue;
        }
        kind = k;
        if (kindText) lastKind = kindText;
      }
      let phase = "*";
      if (cols.phase !== undefined) {
        const p = phaseVal === null || phaseVal === undefined || phaseVal === "" ? null : phases.match(phaseVal as string | number);
        if (!p) {
          out.add("PHASE_UNKNOWN", name, r, cols.phase, {
            vi: `Giai đoạn "${str(phaseVal)}" không hợp lệ: ghi "Giai đoạn 1" (sổ từ năm 2006) hoặc "Giai đoạn 2" (sổ từ năm 2005 trở về trước).`,
            en: `Phase "${str(phaseVal)}" is not valid: write "Phase 1" (books of 2006 onward) or "Phase 2" (2005 and earlier).`,
          });
          continue;
        }
        phase = p;
      }

      // Figures.
      const counts: ProgressCounts = { ...ZERO_COUNTS };
      const cells: ProgressRow["cells"] = {};
      let ok = true;
      for (const f of COUNT_FIELDS) {
        const c = cols[f];
        if (c === undefined) continue;
        cells[f] = a1(r, c);
        const p = parseNumberCell(row[c]);
        const fname = FIELD_NAMES[f];
        if (p.kind === "blank") {
          if (f === "entriesTotal" || f === "entriesDigitized") {
            out.add("VALUE_MISSING", name, r, c, { vi: `Ô "${fname.vi}" đang trống. Hãy nhập số (nhập 0 nếu chưa có).`, en: `"${fname.en}" is empty. Enter a number (0 if none yet).` });
            ok = false;
          }
          continue;
        }
        if (p.kind === "invalid") {
          if (p.reason === "ambiguous") out.add("VALUE_AMBIGUOUS", name, r, c, { vi: `"${str(row[c])}" không rõ là số nghìn hay số thập phân. Hãy ghi số nguyên không có dấu phân cách, ví dụ 1443.`, en: `"${str(row[c])}" could be thousands or a decimal. Write a whole number without separators, e.g. 1443.` });
          else out.add("VALUE_NOT_NUMBER", name, r, c, { vi: `Ô "${fname.vi}" phải là số, không phải "${str(row[c]).slice(0, 40)}".`, en: `"${fname.en}" must be a number, not "${str(row[c]).slice(0, 40)}".` });
          ok = false;
          continue;
        }
        if (p.value < 0) {
          out.add("VALUE_NEGATIVE", name, r, c, { vi: `Ô "${fname.vi}" không được âm (${n(p.value)}).`, en: `"${fname.en}" cannot be negative (${n(p.value, "en")}).` });
          ok = false;
          continue;
        }
        if (!Number.isInteger(p.value)) {
          out.add("VALUE_NOT_INTEGER", name, r, c, { vi: `Ô "${fname.vi}" phải là số nguyên (đang là ${formatNumber(p.value, "vi", 3)}).`, en: `"${fname.en}" must be a whole number (it is ${formatNumber(p.value, "en", 3)}).` });
          ok = false;
          continue;
        }
        counts[f] = p.value;
      }
      if (cols.unitName !== undefined || cols.unitCode !== undefined) cells.unit = a1(r, (codeText ? cols.unitCode : cols.unitName) ?? cols.unitCode ?? cols.unitName!);
      if (cols.registerKind !== undefined) cells.registerKind = a1(r, cols.registerKind);
      if (cols.phase !== undefined) cells.phase = a1(r, cols.phase);

      let statedPercent: number | null = null;
      if (cols.statedPercent !== undefined) {
        cells.statedPercent = a1(r, cols.statedPercent);
        const pp = parsePercentCell(row[cols.statedPercent]);
        if (pp.kind === "percent") {
          statedPercent = pp.value;
          if (ok && counts.entriesTotal > 0) {
            const computed = (counts.entriesDigitized / counts.entriesTotal) * 100;
            const decimals = Math.min(6, (String(pp.value).split(".")[1] ?? "").length);
            const tol = Math.max(0.5 * 10 ** -decimals, 1e-6) + 1e-9;
            const matches = Math.abs(pp.value - computed) <= tol || (pp.maybeRatio && Math.abs(pp.value * 100 - computed) <= tol * 100);
            if (!matches) {
              out.add("PERCENT_MISMATCH", name, r, cols.statedPercent, {
                vi: `Tỷ lệ ghi ${formatNumber(pp.value, "vi", 2)}% không khớp với số liệu: ${n(counts.entriesDigitized)}/${n(counts.entriesTotal)} = ${formatPercent(computed / 100, "vi")}. Hãy sửa tỷ lệ hoặc số liệu.`,
                en: `The stated ${formatNumber(pp.value, "en", 2)}% does not match the figures: ${n(counts.entriesDigitized, "en")}/${n(counts.entriesTotal, "en")} = ${formatPercent(computed / 100, "en")}. Correct the rate or the figures.`,
              }, [a1(r, cols.statedPercent), cells.entriesDigitized ?? "", cells.entriesTotal ?? ""].filter(Boolean));
            }
          }
        } else if (pp.kind === "invalid") {
          out.add("VALUE_NOT_NUMBER", name, r, cols.statedPercent, { vi: `Tỷ lệ "${str(row[cols.statedPercent])}" không phải là số phần trăm.`, en: `The rate "${str(row[cols.statedPercent])}" is not a percentage.` });
        }
      }

      let rowDate: string | null = null;
      if (cols.reportDate !== undefined && str(row[cols.reportDate])) {
        rowDate = parseDateCell(row[cols.reportDate]);
        if (!rowDate) {
          out.add("DATE_INVALID", name, r, cols.reportDate, { vi: `Ngày báo cáo "${str(row[cols.reportDate])}" không đúng định dạng ngày/tháng/năm.`, en: `The report date "${str(row[cols.reportDate])}" is not a day/month/year date.` });
          ok = false;
        } else cells.reportDate = a1(r, cols.reportDate);
      }
      const note = cols.note !== undefined ? str(row[cols.note]) || null : null;
      const correction = note && CORRECTION_NOTE.test(normalizeName(note)) ? note : null;
      drafts.push({ sheet: name, r, unit, kind, phase, counts, cells, statedPercent, reportDate: rowDate ?? sheetDate ?? ctx.reportDate ?? null, note, correction, ok });
    }
    for (const g of pendingGroups.splice(0)) checkGroup(out, g, drafts.slice(g.from).filter((d) => d.sheet === g.sheet.name && d.unit.parentId === g.unit.id));
  }

  // Rules across rows.
  const seen = new Map<string, RowDraft>();
  const unitIncrease = new Map<string, { inc: number; first: RowDraft }>();
  const add = (d: RowDraft, code: RuleCode, f: CountField, msg: Message, cells: (string | null | undefined)[]) => {
    out.issues.push({ code, severity: RULES[code], message: msg, sheet: d.sheet, cell: d.cells[f] ?? null, row: d.r + 1, cells: cells.filter((x): x is string => !!x) });
  };
  for (const d of drafts) {
    if (d.reportDate) dates.add(d.reportDate);
    if (!d.ok) continue;
    const c = d.counts;
    if (c.entriesDigitized > c.entriesTotal) add(d, "DIGITIZED_GT_TOTAL", "entriesDigitized", { vi: `Số dữ liệu đã số hóa (${n(c.entriesDigitized)}) lớn hơn tổng số dữ liệu cần số hóa (${n(c.entriesTotal)}). Hãy kiểm tra lại hai ô này.`, en: `Entries digitized (${n(c.entriesDigitized, "en")}) exceed the entries to digitize (${n(c.entriesTotal, "en")}). Check both cells.` }, [d.cells.entriesDigitized, d.cells.entriesTotal]);
    if (c.booksDigitized > c.booksTotal) add(d, "BOOKS_DIGITIZED_GT_TOTAL", "booksDigitized", { vi: `Số sổ đã số hóa (${n(c.booksDigitized)}) lớn hơn tổng số sổ (${n(c.booksTotal)}).`, en: `Books digitized (${n(c.booksDigitized, "en")}) exceed the books total (${n(c.booksTotal, "en")}).` }, [d.cells.booksDigitized, d.cells.booksTotal]);
    if (c.entriesChecked > c.entriesDigitized) add(d, "CHECKED_GT_DIGITIZED", "entriesChecked", { vi: `Số dữ liệu đã kiểm tra (${n(c.entriesChecked)}) lớn hơn số đã số hóa (${n(c.entriesDigitized)}): chỉ kiểm tra được dữ liệu đã nhập.`, en: `Entries checked (${n(c.entriesChecked, "en")}) exceed entries digitized (${n(c.entriesDigitized, "en")}): only digitized entries can be checked.` }, [d.cells.entriesChecked, d.cells.entriesDigitized]);
    if (c.entriesLoaded > c.entriesDigitized) add(d, "LOADED_GT_DIGITIZED", "entriesLoaded", { vi: `Số dữ liệu đã đưa vào CSDL (${n(c.entriesLoaded)}) lớn hơn số đã số hóa (${n(c.entriesDigitized)}).`, en: `Entries loaded (${n(c.entriesLoaded, "en")}) exceed entries digitized (${n(c.entriesDigitized, "en")}).` }, [d.cells.entriesLoaded, d.cells.entriesDigitized]);

    const key = `${d.unit.code}|${d.kind}|${d.phase}|${d.reportDate}`;
    const dup = seen.get(key);
    if (dup) {
      out.issues.push({ code: "DUPLICATE_ROW", severity: RULES.DUPLICATE_ROW, sheet: d.sheet, cell: d.cells.unit ?? d.cells.registerKind ?? d.cells.entriesDigitized ?? null, row: d.r + 1, cells: [dup.cells.unit ?? dup.cells.registerKind ?? "", d.cells.unit ?? d.cells.registerKind ?? ""].filter(Boolean), message: { vi: `${d.unit.fullName}${d.kind !== "*" ? `, ${d.kind}` : ""}${d.phase !== "*" ? `, ${d.phase}` : ""} đã có ở dòng ${dup.r + 1} (${dup.sheet}). Mỗi đơn vị, loại sổ, giai đoạn chỉ ghi một dòng.`, en: `${d.unit.fullName}${d.kind !== "*" ? `, ${d.kind}` : ""}${d.phase !== "*" ? `, ${d.phase}` : ""} is already on row ${dup.r + 1} (${dup.sheet}). One row per unit, kind and phase.` } });
      continue;
    }
    seen.set(key, d);

    const prevKey = `${d.unit.code}|${d.kind}|${d.phase}`;
    const prev = ctx.previous?.get(prevKey) ?? (d.kind === "*" || d.phase === "*" ? sumPrevious(ctx.previous, d) : undefined);
    const corrected = !!(ctx.correction?.reason || d.correction);
    if (prev) {
      for (const f of ["entriesDigitized", "entriesChecked", "entriesLoaded", "booksDigitized"] as const) {
        if (d.cells[f] && c[f] < prev[f] && !corrected) {
          add(d, "DECREASE_WITHOUT_CORRECTION", f, { vi: `${FIELD_NAMES[f].vi} (${n(c[f])}) thấp hơn lần báo cáo trước (${n(prev[f])}). Số liệu cộng dồn không giảm; nếu là sửa sai, hãy gửi dưới dạng điều chỉnh và ghi lý do.`, en: `${FIELD_NAMES[f].en} (${n(c[f], "en")}) is lower than in the last report (${n(prev[f], "en")}). Cumulative figures do not fall; if this fixes a mistake, send it as a correction with a reason.` }, [d.cells[f]]);
        }
      }
      const u = unitIncrease.get(d.unit.code) ?? { inc: 0, first: d };
      u.inc += c.entriesDigitized - prev.entriesDigitized;
      unitIncrease.set(d.unit.code, u);
    }
    const inv = ctx.inventory?.get(prevKey);
    if (inv && (c.entriesTotal !== inv.entriesTotal || (d.cells.booksTotal && c.booksTotal !== inv.booksTotal))) {
      const f: CountField = c.entriesTotal !== inv.entriesTotal ? "entriesTotal" : "booksTotal";
      add(d, "INVENTORY_MISMATCH", f, { vi: `${FIELD_NAMES[f].vi} (${n(c[f])}) khác với số đã đăng ký trong danh mục sổ (${n(inv[f])}). Nếu số đăng ký đã thay đổi, hãy ghi chú lý do.`, en: `${FIELD_NAMES[f].en} (${n(c[f], "en")}) differs from the registered inventory (${n(inv[f], "en")}). If the inventory changed, add a note.` }, [d.cells[f]]);
    }
  }
  for (const [code, { inc, first }] of unitIncrease) {
    const normal = ctx.recentDailyOutput?.get(code);
    if (normal !== undefined && inc > Math.max(500, normal * 10)) {
      out.issues.push({ code: "OUTLIER_JUMP", severity: RULES.OUTLIER_JUMP, sheet: first.sheet, cell: first.cells.entriesDigitized ?? null, row: first.r + 1, message: { vi: `${first.unit.fullName} tăng ${n(inc)} dữ liệu so với lần báo cáo trước, cao bất thường so với mức thường ngày (khoảng ${n(normal)}/ngày). Hãy kiểm tra lại; nếu đúng, xác nhận để gửi.`, en: `${first.unit.fullName} rose by ${n(inc, "en")} entries since the last report, far above its usual output (about ${n(normal, "en")}/day). Check it; if right, confirm to submit.` } });
    }
  }

  // The report date.
  let reportDate: string | null = null;
  if (dates.size > 1) {
    out.add("DATES_MIXED", tables[0]!.sheet.name, null, null, { vi: `Bảng tính có nhiều ngày báo cáo khác nhau (${[...dates].sort().map((d) => formatDate(d)).join(", ")}). Mỗi lần gửi chỉ một ngày báo cáo.`, en: `The workbook has several report dates (${[...dates].sort().map((d) => formatDate(d, "en")).join(", ")}). Send one report date at a time.` });
  } else reportDate = [...dates][0] ?? ctx.reportDate ?? null;
  if (!reportDate && drafts.length) {
    out.add("DATE_MISSING", tables[0]!.sheet.name, null, null, { vi: "Chưa ghi ngày báo cáo. Hãy ghi \"Ngày báo cáo: ngày/tháng/năm\" phía trên bảng.", en: "No report date. Write \"Report date: day/month/year\" above the table." });
  }
  if (reportDate) {
    const where = drafts.find((d) => d.cells.reportDate);
    const cellRef = where?.cells.reportDate ?? null;
    if (reportDate > ctx.today) {
      out.issues.push({ code: "DATE_IN_FUTURE", severity: "error", sheet: where?.sheet ?? tables[0]!.sheet.name, cell: cellRef, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} ở tương lai (hôm nay là ${formatDate(ctx.today)}).`, en: `The report date ${formatDate(reportDate, "en")} is in the future (today is ${formatDate(ctx.today, "en")}).` } });
    }
    if (ctx.campaign && (reportDate < ctx.campaign.startDate || reportDate > ctx.campaign.endDate)) {
      out.issues.push({ code: "DATE_OUTSIDE_CAMPAIGN", severity: "warning", sheet: where?.sheet ?? tables[0]!.sheet.name, cell: cellRef, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} nằm ngoài thời gian của đợt số hóa (${formatDate(ctx.campaign.startDate)} – ${formatDate(ctx.campaign.endDate)}).`, en: `The report date ${formatDate(reportDate, "en")} is outside the campaign (${formatDate(ctx.campaign.startDate, "en")} – ${formatDate(ctx.campaign.endDate, "en")}).` } });
    }
  }

  const rows: ProgressRow[] = drafts
    .filter((d) => d.ok)
    .map((d) => ({
      sheet: d.sheet, row: d.r + 1, unit: d.unit, registerKind: d.kind, phase: d.phase, counts: d.counts, statedPercent: d.statedPercent,
      reportDate: d.reportDate ?? reportDate ?? "", note: d.note, isCorrection: !!(ctx.correction?.reason || d.correction), correctionReason: ctx.correction?.reason ?? d.correction, cells: d.cells,
    }));
  // Rows with an error of their own are not returned as accepted rows.
  const bad = new Set(out.issues.filter((i) => i.severity === "error" && i.row !== undefined).map((i) => `${i.sheet}|${i.row}`));
  const clean = rows.filter((r) => !bad.has(`${r.sheet}|${r.row}`));
  const hasErrors = out.issues.some((i) => i.severity === "error");
  return { rows: hasErrors ? clean : rows, issues: out.issues, reportDate, template, hasErrors };
}

function sumPrevious(prev: Map<string, ProgressCounts> | undefined, d: RowDraft): ProgressCounts | undefined {
  if (!prev) return undefined;
  let found = false;
  const acc = { ...ZERO_COUNTS };
  for (const [k, v] of prev) {
    const [u, kind, phase] = k.split("|");
    if (u !== d.unit.code || (d.kind !== "*" && kind !== d.kind) || (d.phase !== "*" && phase !== d.phase)) continue;
    found = true;
    for (const f of COUNT_FIELDS) acc[f] += v[f];
  }
  return found ? acc : undefined;
}

interface PendingGroup { sheet: Sheet; r: number; cols: TableLayout["columns"]; unit: UnitRef; from: number }

function statedCounts(row: CellValue[], cols: TableLayout["columns"]): Partial<ProgressCounts> {
  const s: Partial<ProgressCounts> = {};
  for (const f of COUNT_FIELDS) {
    const c = cols[f];
    if (c === undefined) continue;
    const p = parseNumberCell(row[c]);
    if (p.kind === "number") s[f] = p.value;
  }
  return s;
}

function compareTotals(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], members: RowDraft[], what: Message): void {
  const stated = statedCounts(sheet.rows[r] ?? [], cols);
  const sum = { ...ZERO_COUNTS };
  for (const m of members) if (m.ok) for (const f of COUNT_FIELDS) sum[f] += m.counts[f];
  for (const f of COUNT_FIELDS) {
    const v = stated[f];
    if (v === undefined || v === sum[f]) continue;
    out.add("TOTAL_MISMATCH", sheet.name, r, cols[f]!, {
      vi: `${what.vi}: ${FIELD_NAMES[f].vi} ghi ${n(v)} nhưng cộng các dòng được ${n(sum[f])} (chênh ${n(v - sum[f])}). Hãy sửa dòng tổng hoặc các dòng chi tiết.`,
      en: `${what.en}: ${FIELD_NAMES[f].en} says ${n(v, "en")} but its rows add up to ${n(sum[f], "en")} (off by ${n(v - sum[f], "en")}). Correct the total or the rows.`,
    });
  }
}

function checkTotal(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], members: RowDraft[], grand: boolean): void {
  compareTotals(out, sheet, r, cols, members, grand ? { vi: "Dòng tổng cộng", en: "Grand total" } : { vi: "Dòng cộng", en: "Subtotal" });
}

function checkGroup(out: Collector, g: PendingGroup, members: RowDraft[]): void {
  if (members.length === 0) return;
  compareTotals(out, g.sheet, g.r, g.cols, members, { vi: `Dòng cộng của ${g.unit.fullName}`, en: `Subtotal of ${g.unit.fullName}` });
}

export const COUNT_FIELD_NAMES = FIELD_NAMES;
export { countsEqual };

/**
 * The report date a workbook states (above a table, or in a report-date column), without any reference data:
 * callers use it to pick the map of units that applies before validating.
 */
export function detectReportDate(grid: Grid): string | null {
  try {
    for (const sheet of grid?.sheets ?? []) {
      const layout = findTable(sheet);
      if (!layout) continue;
      const hd = headerDate(sheet, layout.headerRow);
      if (hd?.date) return hd.date;
      const c = layout.columns.reportDate;
      if (c !== undefined) {
        for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
          const d = parseDateCell(sheet.rows[r]?.[c]);
          if (d) return d;
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}
