/**
 * Corrections a person made to how a sheet was read, saved as a layout for their unit's sheets: a column read as
 * another field (or as nothing), rows that are not data (by their label, so next month's sheet with other row
 * numbers is read the same). A layout belongs to a header: its signature is the header's labels, so the next
 * sheet laid out the same way is read right with no correction, and another layout is left alone.
 * Applied before validation (to the table layouts and the grid), so the validator itself knows nothing of them.
 */
import { parseA1 } from "../a1";
import { findTable, type Field, type TableLayout, type TableLayouts } from "../headers";
import { normalizeName } from "../text";
import type { CellValue, Grid, Sheet } from "../types";
import type { WorkbookReading } from "./types";

export interface SavedLayout {
  /** the header's signature (headerSignature) */
  signature: string;
  /** column letter → the field it holds, or null for a column not to read */
  columns?: Record<string, Field | null>;
  /** labels (as written) of rows that are not data: "Trong đó: xã biên giới", "Số liệu tháng trước" */
  notData?: string[];
}

/** FNV-1a over the header rows' normalized labels: short, stable, the same for the same header typed again. */
export function headerSignature(sheet: Sheet, layout: TableLayout): string {
  let text = "";
  for (let r = layout.headerFirstRow; r <= layout.headerRow; r++) {
    for (const v of sheet.rows[r] ?? []) text += `${typeof v === "string" ? normalizeName(v) : ""}|`;
    text += "\n";
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export interface AppliedLayout {
  sheet: string;
  signature: string;
  saved: boolean;
  /** 1-based rows set aside as not data */
  notDataRows: number[];
}

const labelKey = (v: CellValue | undefined) => (typeof v === "string" ? normalizeName(v) : "");

/**
 * The grid and table layouts to validate with, the saved layouts applied: a sheet whose header matches a saved
 * signature gets its columns remapped and its not-data rows emptied (their row numbers stay, so every issue
 * still points at the right cell). `layouts` is filled for every sheet (found, then corrected).
 */
export function applySavedLayouts(grid: Grid, saved: readonly SavedLayout[], layouts: TableLayouts): { grid: Grid; applied: AppliedLayout[] } {
  const bySignature = new Map(saved.map((s) => [s.signature, s]));
  const applied: AppliedLayout[] = [];
  const sheets = grid.sheets.map((sheet) => {
    const found = layouts.get(sheet) ?? findTable(sheet);
    if (!found) return sheet;
    const signature = headerSignature(sheet, found);
    const s = bySignature.get(signature);
    if (!s) {
      layouts.set(sheet, found);
      applied.push({ sheet: sheet.name, signature, saved: false, notDataRows: [] });
      return sheet;
    }
    const columns = { ...found.columns };
    for (const [letter, field] of Object.entries(s.columns ?? {})) {
      const c = /^[A-Z]{1,3}$/.test(letter) ? parseA1(`${letter}1`)?.col ?? null : null;
      if (c === null) continue;
      for (const [f, at] of Object.entries(columns)) if (at === c) delete columns[f as Field];
      if (field) columns[field] = c;
    }
    const skip = new Set((s.notData ?? []).map((l) => normalizeName(l)).filter(Boolean));
    const notDataRows: number[] = [];
    const rows = skip.size
      ? sheet.rows.map((row, r) => {
          if (r < found.firstDataRow || !row.some((v) => skip.has(labelKey(v)))) return row;
          notDataRows.push(r + 1);
          return [];
        })
      : sheet.rows;
    const out: Sheet = { ...sheet, rows };
    layouts.set(out, { ...found, columns });
    applied.push({ sheet: sheet.name, signature, saved: true, notDataRows });
    return out;
  });
  return { grid: { ...grid, sheets }, applied };
}

/** The reading says which sheets a saved layout read, and shows the rows it set aside as not data. */
export function markSavedLayouts(reading: WorkbookReading, applied: readonly AppliedLayout[]): void {
  for (const a of applied) {
    const s = reading.sheets.find((x) => x.name === a.sheet);
    if (!s) continue;
    s.signature = a.signature;
    if (!a.saved) continue;
    s.layout = "saved";
    const rows = new Set(a.notDataRows);
    for (const r of s.rows) {
      if (rows.has(r.row) && r.role === "blank") {
        r.role = "ignored";
        s.tally.blank--;
        s.tally.ignored++;
      }
    }
  }
}
