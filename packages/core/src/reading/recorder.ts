/**
 * Builds a sheet's reading while the validator walks it: each row's role, the header mapping, the unit and date
 * with their cells, the sum of the rows it counts. Rows are listed up to a cap (the tally counts them all), so a
 * 100,000-row roll-up carries a reading of bounded size.
 */
import { columnLetters } from "../a1";
import type { TableLayout } from "../headers";
import { zeroCounts } from "../count-fields";
import { COUNT_FIELDS, type ProgressCounts, type Sheet } from "../types";
import { emptyTally, type ColumnReading, type RowReading, type RowRole, type SheetReading } from "./types";

export const MAX_LISTED_ROWS = 2_000;

export class SheetRecorder {
  readonly reading: SheetReading;

  constructor(sheet: Sheet, layout: TableLayout | null, kind: SheetReading["kind"]) {
    const columns: ColumnReading[] = [];
    if (layout) {
      for (const [field, c] of Object.entries(layout.columns) as [keyof TableLayout["columns"], number][]) {
        const label = layout.labels?.[field];
        const letter = columnLetters(c);
        columns.push({ field, column: letter, cell: letter + ((label?.row ?? layout.headerRow) + 1), label: label?.text ?? "" });
      }
      // the header's other labelled columns too, read as nothing (field ""): a person may map them
      const mapped = new Set(Object.values(layout.columns));
      const last = sheet.rows[layout.headerRow] ?? [];
      for (let c = 0; c < last.length; c++) {
        if (mapped.has(c)) continue;
        let label = "";
        for (let r = layout.headerRow; r >= layout.headerFirstRow && !label; r--) label = typeof sheet.rows[r]?.[c] === "string" ? String(sheet.rows[r]![c]).trim() : "";
        if (label) columns.push({ field: "", column: columnLetters(c), cell: columnLetters(c) + (layout.headerRow + 1), label });
      }
      columns.sort((a, b) => a.column.length - b.column.length || (a.column < b.column ? -1 : 1));
    }
    this.reading = {
      name: sheet.name,
      kind,
      unit: null,
      reportDate: null,
      header: layout ? { firstRow: layout.headerFirstRow + 1, lastRow: layout.headerRow + 1, columns } : null,
      rows: [],
      tally: emptyTally(),
      totals: null,
    };
    if (!layout) return;
    // Above the table: the document frame (title rows) and the header block.
    for (let r = 0; r < layout.firstDataRow && r < sheet.rows.length; r++) {
      const filled = (sheet.rows[r] ?? []).some((v) => v !== null && v !== undefined && v !== "");
      // rows between the header and the first data row are the column numbers the header finder stepped over
      this.role(r, !filled ? "blank" : r > layout.headerRow ? "numbering" : r >= layout.headerFirstRow ? "header" : "title");
    }
  }

  /** Records row r's (0-based) role. */
  role(r: number, role: RowRole, extra?: Omit<RowReading, "row" | "role">): void {
    this.reading.tally[role]++;
    if (this.reading.rows.length < MAX_LISTED_ROWS) this.reading.rows.push({ row: r + 1, role, ...extra });
  }

  /** A counted row (the hot path of a 100,000-row roll-up: its listing is built only while under the cap). */
  data(r: number, label: string, unitCode: string, kind: string, phase: string): void {
    this.reading.tally.data++;
    if (this.reading.rows.length >= MAX_LISTED_ROWS) return;
    const x: RowReading = { row: r + 1, role: "data", label, unitCode };
    if (kind !== "*") x.registerKind = kind;
    if (phase !== "*") x.phase = phase;
    this.reading.rows.push(x);
  }

  /** Adds a counted row's figures to the sheet's totals. */
  count(c: ProgressCounts): void {
    const t = (this.reading.totals ??= zeroCounts());
    for (const f of COUNT_FIELDS) t[f] += c[f];
  }
}
