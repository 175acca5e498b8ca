/**
 * Rules across rows, run once every sheet is read. Pass 1: count invariants per row, duplicates and overlaps,
 * and the books of a per-book sheet summed into one row per unit/kind/phase. Pass 2, on the rows that stand:
 * previous report, inventory, outliers.
 */
import { NEVER_DECREASING } from "../count-fields";
import { daysBetween } from "../dates";
import { COUNT_FIELDS, ZERO_COUNTS, type CountField, type ProgressCounts, type ProgressRow, type UnitRef, type ValidationContext } from "../types";
import { FIELD_NAMES, n, type Collector } from "./rules";
import { figuresKey } from "../context";

/** Returns the rows folded into another (not returned as rows of their own). */
export function crossRowRules(rows: ProgressRow[], ctx: ValidationContext, out: Collector): Set<ProgressRow> {
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
    if (c.entriesDigitized > c.entriesTotal && L.entriesTotal) {
      // The root cause; the stated rate that follows from it is named here, not reported as a mismatch of its own.
      const rate = d.statedPercent !== null && L.statedPercent ? { vi: ` Tỷ lệ ở ô ${L.statedPercent} sẽ được kiểm tra lại sau khi sửa.`, en: ` The rate in ${L.statedPercent} is checked again once this is fixed.` } : { vi: "", en: "" };
      out.onRow("DIGITIZED_GT_TOTAL", d, L.entriesDigitized, { vi: `Số dữ liệu đã số hóa (${n(c.entriesDigitized)}) lớn hơn tổng số dữ liệu cần số hóa (${n(c.entriesTotal)}). Hãy kiểm tra lại hai ô này; nếu tổng số đã tăng, hãy cập nhật tổng số.${rate.vi}`, en: `Entries digitized (${n(c.entriesDigitized, "en")}) exceed the entries to digitize (${n(c.entriesTotal, "en")}). Check both cells; if the total grew, update it.${rate.en}` }, [L.entriesDigitized, L.entriesTotal, L.statedPercent]);
    }
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
    const prevKey = figuresKey(d.unit.code, d.registerKind, d.phase);
    const prev = ctx.previous?.get(prevKey) ?? (d.registerKind === "*" || d.phase === "*" ? sumPrevious(ctx.previous, d) : undefined);
    if (prev) {
      if (!d.isCorrection) {
        for (const f of NEVER_DECREASING) {
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
