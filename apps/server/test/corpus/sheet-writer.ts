/**
 * A thin layer over an exceljs worksheet that writes a sheet row by row the way an office lays it out, and
 * remembers what each row is meant to be (its role), so that the expectation is taken from what was written.
 */
import { columnLetters } from "@sohoa/core";
import type ExcelJS from "exceljs";
// Not exported by @sohoa/core yet: the contract is read from its file.
import type { RowRole } from "../../../../packages/core/src/reading/types";
import { FIELDS, type Counts } from "./units";

export type Cell = ExcelJS.CellValue;

/** A formula with its cached result, as Excel stores it (the readers take the result). */
export const f = (formula: string, result: number | string | { error: ExcelJS.ValueType.Error | string }): Cell =>
  ({ formula, result } as unknown as Cell);
/** A formula whose result is an error (e.g. #DIV/0! left in a percent cell of a 0-total row). */
export const fErr = (formula: string, error: "#DIV/0!" | "#N/A" | "#VALUE!"): Cell => ({ formula, result: { error } } as unknown as Cell);

/** Column letters from a 1-based index (exceljs numbers columns from 1). */
export const col = (c: number): string => columnLetters(c - 1);

/** SUM over rows of one column, with contiguous rows as ranges: SUM(C12:C22,C24:C33). */
export function sumOf(column: string, rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${column}${sorted[i]}` : `${column}${sorted[i]}:${column}${sorted[j]}`);
    i = j + 1;
  }
  return `SUM(${parts.join(",")})`;
}

/** The roles a test can assert without arguing over the frame (title vs blank rows around it). */
export const ASSERTED_ROLES = ["header", "numbering", "data", "group", "subtotal", "total", "section", "note", "signature"] as const satisfies readonly RowRole[];
export type AssertedRole = (typeof ASSERTED_ROLES)[number];

export interface RowStyle { bold?: boolean; italic?: boolean; size?: number; align?: "left" | "center" | "right"; numFmt?: Record<number, string> }

export class SheetWriter {
  readonly ws: ExcelJS.Worksheet;
  /** the last written 1-based row */
  r = 0;
  readonly roles = new Map<number, RowRole>();
  font = "Times New Roman";

  constructor(wb: ExcelJS.Workbook, readonly name: string) {
    this.ws = wb.addWorksheet(name);
  }

  /** Writes the next row (values from column A; undefined leaves a cell empty) and returns its number. */
  row(role: RowRole, values: (Cell | undefined)[] = [], style: RowStyle = {}): number {
    const r = ++this.r;
    this.roles.set(r, role);
    values.forEach((v, i) => {
      if (v === undefined || v === null) return;
      const cell = this.ws.getCell(r, i + 1);
      cell.value = v;
      cell.font = { name: this.font, size: style.size ?? 12, bold: style.bold, italic: style.italic };
      if (style.align) cell.alignment = { horizontal: style.align, vertical: "middle", wrapText: true };
      const fmt = style.numFmt?.[i + 1];
      if (fmt) cell.numFmt = fmt;
    });
    return r;
  }

  /** Fills cells of a row written before (a total placed above the rows it sums). */
  set(r: number, values: (Cell | undefined)[], style: RowStyle = {}): void {
    values.forEach((v, i) => {
      if (v === undefined || v === null) return;
      const cell = this.ws.getCell(r, i + 1);
      cell.value = v;
      cell.font = { name: this.font, size: style.size ?? 12, bold: style.bold, italic: style.italic };
      const fmt = style.numFmt?.[i + 1];
      if (fmt) cell.numFmt = fmt;
    });
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.row("blank");
  }

  merge(range: string): void {
    this.ws.mergeCells(range);
  }

  /** Rows written with the role, for the asserted roles (zeros left out). */
  tally(): Partial<Record<AssertedRole, number>> {
    const t: Partial<Record<AssertedRole, number>> = {};
    for (const role of this.roles.values()) if ((ASSERTED_ROLES as readonly string[]).includes(role)) t[role as AssertedRole] = (t[role as AssertedRole] ?? 0) + 1;
    return t;
  }

  count(role: RowRole): number {
    let n = 0;
    for (const r of this.roles.values()) if (r === role) n++;
    return n;
  }

  /** Thin borders over a block (what makes a table look like one when printed). */
  border(top: number, left: number, bottom: number, right: number): void {
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) this.ws.getCell(r, c).border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  }

  widths(w: number[]): void {
    w.forEach((x, i) => (this.ws.getColumn(i + 1).width = x));
  }
}

/** A count as a cell: the number, or what an office types instead (`dash`: "-" for 0; `dots`: "3.417" text). */
export function countCell(v: number, how: "number" | "dash" | "dots" = "number"): Cell {
  if (how === "dash" && v === 0) return "-";
  if (how === "dots") return v.toLocaleString("de-DE"); // 3.417 / 12.345.678: dots for thousands
  return v;
}

/** The counts of a row in FIELDS order. */
export const countValues = (c: Counts): number[] => FIELDS.map((k) => c[k]);
