/**
 * What Sohoa understood of a workbook, returned beside the issues so that a person can see it before sending:
 * per sheet its unit and report date with the cell each came from, the header mapping, and each row's role.
 * Plain data (JSON as is): the server sends it with every answer, the console and the task pane draw it.
 */
import type { ProgressCounts } from "../types";

/** What a row of a sheet is. Only "data" rows are counted; the others are checked or skipped. */
export type RowRole =
  | "title" // the document frame above the table: agency, motto, number, place-and-date, title, subtitle
  | "header" // the table's header rows
  | "numbering" // the row of column numbers under the header: (1) (2) … (8)=(7)/(5)
  | "data" // a unit (or a register kind of the sheet's unit): counted
  | "group" // a parent unit (district) heading the units under it; its figures, if any, are their subtotal
  | "subtotal" // "Cộng", "Cộng toàn huyện", "Cộng giai đoạn 1": checked against the rows it sums
  | "total" // "Tổng cộng", "Tổng cộng (I + II)": checked against every row of the sheet
  | "section" // "I. Giai đoạn 1 (2006–2018)": sets the phase of the rows below
  | "note" // under the table: "Ghi chú:", "- …", "* …", "Nơi nhận:"
  | "signature" // "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "KT. CHỦ TỊCH", a name
  | "blank"
  | "ignored"; // anything else that is not data (e.g. a row marked "not data" by a layout)

export interface RowReading {
  /** 1-based sheet row */
  row: number;
  role: RowRole;
  /** the row's label as written (unit name, kind, total label, section title…) */
  label?: string;
  /** data and group rows: the unit it was read as */
  unitCode?: string;
  /** data rows of a commune sheet: the register kind and phase codes */
  registerKind?: string;
  phase?: string;
  /** subtotal and total rows: the 1-based rows they were compared with (first and last) */
  sums?: [number, number];
}

export type DateSource = "column" | "label" | "subtitle" | "title" | "date-line" | "request";
export type UnitSource = "column" | "title" | "cell" | "sheet-name" | "submitter" | "layout";

export interface ColumnReading {
  /** the field the column was read as (a count, unit name, kind, percent, note…) */
  field: string;
  /** column letter, e.g. "E" */
  column: string;
  /** the cell of the header label, e.g. "E6" */
  cell: string;
  /** the header label as written (group header first when there is one) */
  label: string;
}

export interface SheetReading {
  name: string;
  /** "table": its rows count; "summary": a summary of the other sheets, checked against them and not counted; "none": no table */
  kind: "table" | "summary" | "none";
  unit: { code: string; fullName: string; cell: string | null; source: UnitSource } | null;
  reportDate: { date: string; cell: string | null; source: DateSource; text?: string } | null;
  /** the date the document was signed (place-and-date line), when it differs from the report date */
  signedOn?: { date: string; cell: string } | null;
  header: { firstRow: number; lastRow: number; columns: ColumnReading[] } | null;
  rows: RowReading[];
  tally: Record<RowRole, number>;
  /** sum of the sheet's data rows (what it adds to the submission; zero for a summary sheet) */
  totals: ProgressCounts | null;
  /** the header's signature, under which a correction of this layout is saved (reading/saved-layouts.ts) */
  signature?: string;
  /** "saved": read with the unit's saved layout for this header */
  layout?: "saved";
}

export interface WorkbookReading {
  sheets: SheetReading[];
  /** the submission's report date and where it came from (null: none found, the person must give it) */
  reportDate: { date: string; sheet: string | null; cell: string | null; source: DateSource; text?: string } | null;
}

export const ROW_ROLES: readonly RowRole[] = ["title", "header", "numbering", "data", "group", "subtotal", "total", "section", "note", "signature", "blank", "ignored"];

export function emptyTally(): Record<RowRole, number> {
  const t = {} as Record<RowRole, number>;
  for (const r of ROW_ROLES) t[r] = 0;
  return t;
}
