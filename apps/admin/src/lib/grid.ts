/**
 * Grid helpers for previews: A1 addresses, and a tolerant reading of core's Grid (sheets of rows of cells)
 * into plain matrices. Tolerant because the preview must show whatever the server stored, including grids
 * from older versions, rather than fail.
 */
import { a1 as toA1 } from "@sohoa/core";
import type { ValidationIssue } from "@sohoa/contract";

export type CellValue = string | number | boolean | null;
export interface Matrix { name: string; rows: CellValue[][] }

/** "F12" → { row: 11, col: 5 } (zero-based); "$AB$3" works too. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim().replace(/^.*!/, ""));
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function cellValue(c: unknown): CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === "string" || typeof c === "number" || typeof c === "boolean") return c;
  if (typeof c === "object") {
    const o = c as Record<string, unknown>;
    for (const k of ["value", "v", "text", "raw"]) if (k in o) return cellValue(o[k]);
  }
  return String(c);
}

function isRows(x: unknown): x is unknown[][] {
  return Array.isArray(x) && x.every((r) => Array.isArray(r));
}

/** Reads `{ sheets: [{ name, rows|cells|values }] }`, a single sheet object, or a bare matrix. */
export function gridToMatrices(grid: unknown): Matrix[] {
  if (!grid) return [];
  if (isRows(grid)) return [{ name: "Sheet1", rows: grid.map((r) => r.map(cellValue)) }];
  if (typeof grid !== "object") return [];
  const g = grid as Record<string, unknown>;
  if (Array.isArray(g.sheets)) return g.sheets.flatMap((s) => gridToMatrices(s));
  for (const k of ["rows", "cells", "values", "data"]) {
    const v = g[k];
    if (isRows(v)) return [{ name: typeof g.name === "string" ? g.name : "Sheet1", rows: v.map((r) => r.map(cellValue)) }];
  }
  return [];
}

export interface CellMark { severity: "error" | "warning"; messages: string[] }

/** Issues → a map "Sheet!F12" → mark (errors win over warnings). Issues without a sheet apply to every sheet. */
export function issueMarks(issues: ValidationIssue[], lang: "vi" | "en"): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  for (const i of issues) {
    const refs = [...(i.cell ? [i.cell] : []), ...(i.cells ?? [])];
    for (const ref of new Set(refs)) {
      const p = parseA1(ref);
      if (!p) continue;
      const key = `${i.sheet ?? "*"}!${toA1(p.row, p.col)}`;
      const m = marks.get(key) ?? { severity: i.severity, messages: [] };
      if (i.severity === "error") m.severity = "error";
      m.messages.push(i.message[lang]);
      marks.set(key, m);
    }
  }
  return marks;
}

export function markAt(marks: Map<string, CellMark>, sheet: string, row: number, col: number): CellMark | undefined {
  const a1 = toA1(row, col);
  return marks.get(`${sheet}!${a1}`) ?? marks.get(`*!${a1}`);
}
