/**
 * Totals comparison: a total, subtotal, section or group row, and each row of a summary sheet, against the sum
 * of the rows it covers. A row whose counts could not be read stops the comparison (it must be fixed first).
 */
import type { TableLayout } from "../headers";
import type { SheetRecorder } from "../reading/recorder";
import type { UnitIndex } from "../reference";
import { COUNT_FIELDS, ZERO_COUNTS, type Message, type ProgressCounts, type ProgressRow, type Sheet, type UnitRef } from "../types";
import { parseNumberCell } from "../values";
import { FIELD_NAMES, n, type Collector } from "./rules";

/** A total row compared with the parsed rows from `from` on (rows of this sheet only). */
export function compareTotals(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], rows: ProgressRow[], from: number, what: Message): void {
  const sum = { ...ZERO_COUNTS };
  for (let i = Math.max(0, from); i < rows.length; i++) {
    const m = rows[i]!;
    if (m.sheet !== sheet.name) continue;
    if (out.unreadable.size && out.unreadable.has(m)) return;
    for (const f of COUNT_FIELDS) sum[f] += m.counts[f];
  }
  compareSum(out, sheet, r, cols, sum, what);
}

export function compareRows(out: Collector, sheet: Sheet, r: number, cols: TableLayout["columns"], members: ProgressRow[], what: Message): void {
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

export interface SummaryRow { row: ProgressRow; sheet: Sheet; r: number; cols: TableLayout["columns"]; rec: SheetRecorder }

/**
 * A summary sheet ("Tổng hợp", often formulas over the other sheets) is checked against them: each of its rows
 * against the rows of that unit (and the units under it) elsewhere in the workbook. A row whose unit has no
 * other sheet is the only source of its figures: it is counted.
 */
export function checkSummaries(out: Collector, summaryRows: SummaryRow[], rows: ProgressRow[], units: UnitIndex): void {
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
