/**
 * Row rules: a data row's figures (counts, stated percent, report date, correction marker) read and checked as
 * the row is read, and the row built. Called once per counted row of a 100,000-row roll-up: the fast path
 * (a whole non-negative number) costs one type test, and the row is the only object built.
 */
import { formatNumber, formatPercent } from "../format";
import { normalizeName } from "../text";
import { zeroCounts } from "../count-fields";
import type { CellValue, ProgressCounts, ProgressRow, UnitRef } from "../types";
import { parseDateCell, parseNumberCell, parsePercentCell } from "../values";
import { FIELD_NAMES, n, str } from "./rules";
import type { SheetColumns, WorkbookState } from "./state";

const CORRECTION_NOTE = /^(dieu chinh|dinh chinh|cai chinh so lieu|sua so lieu|correction|corrected)\b/;
const CORRECTION_PREFIX = /^\s*(điều chỉnh|đính chính|cải chính số liệu|sửa số liệu|dieu chinh|dinh chinh|cai chinh so lieu|sua so lieu|correction|corrected)\s*(do|vì|vi|because|:|-|–)?\s*/iu;
const YES = /^(x|v|✓|✔|co|yes|y|true|1|dieu chinh|correction)$/;

/** Row r (0-based) of the sheet as a progress row of `unit`, its errors reported and the row marked by them. */
export function readDataRow(w: WorkbookState, s: SheetColumns, row: CellValue[], r: number, unit: UnitRef, unitCell: string | undefined, kind: string, phase: string): ProgressRow {
  const { out } = w;
  const { name, cols, countCols, countFields, countLetters } = s;
  const rowNum = r + 1;
  const counts: ProgressCounts = zeroCounts();
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
  if (s.hasUnitCols && unitCell) cells.unit = unitCell;
  if (s.kindL) cells.registerKind = s.kindL + rowNum;
  if (s.phaseL) cells.phase = s.phaseL + rowNum;

  // Stated percentage (within display rounding of what the sheet shows).
  let statedPercent: number | null = null;
  if (cols.statedPercent !== undefined) {
    const pv = row[cols.statedPercent];
    if (pv !== null && pv !== undefined && pv !== "") {
      cells.statedPercent = s.pctL + rowNum;
      const pp = parsePercentCell(pv);
      if (pp.kind === "percent") {
        statedPercent = pp.value;
        // Digitized above total is refused by its own rule (cross-row.ts), which names this cell: no rate to check yet.
        if (ok && s.hasTotalCol && s.hasDigitizedCol && counts.entriesTotal > 0 && counts.entriesDigitized <= counts.entriesTotal) {
          const computed = (counts.entriesDigitized / counts.entriesTotal) * 100;
          // Each reading is compared in its own unit, within the rounding it shows: 0 read as a fraction is "0%" (±0.5 points), not ±50.
          const matches = Math.abs(pp.value - computed) <= roundingOf(pp.value) || (pp.maybeRatio && Math.abs(pp.value * 100 - computed) <= roundingOf(pp.value * 100));
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

  let rowDate: string = s.defaultDate;
  if (cols.reportDate !== undefined && str(row[cols.reportDate])) {
    const d = parseDateCell(row[cols.reportDate]);
    if (!d) {
      out.add("DATE_INVALID", name, r, cols.reportDate, { vi: `Ngày báo cáo "${str(row[cols.reportDate])}" không đúng định dạng. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 18/02/2025.`, en: `The report date "${str(row[cols.reportDate])}" is not a valid date. Write it as day/month/year, e.g. 18/02/2025.` });
      ok = false;
    } else {
      rowDate = d;
      cells.reportDate = s.dateL + rowNum;
      w.dateWhere ??= { sheet: name, cell: cells.reportDate };
    }
  } else if (s.sheetDateCell && rowDate) {
    cells.reportDate = s.sheetDateCell;
    w.dateWhere ??= { sheet: name, cell: s.sheetDateCell };
  }

  // Notes and corrections: a "Lý do điều chỉnh" column, or a note starting with "Điều chỉnh: …".
  const note = cols.note !== undefined ? str(row[cols.note]) || null : null;
  let isCorrection = w.submissionCorrection !== null;
  let correctionReason: string | null = w.submissionCorrection || null;
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
  return pr;
}

/** Half a unit of the last decimal the value shows (44.5 → 0.05), the display rounding it may carry. */
function roundingOf(x: number): number {
  return Math.max(0.5 * 10 ** -Math.min(6, decimalsOf(x)), 1e-6) + 1e-9;
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
