/**
 * A unit's template (core's TemplateSheet grid) as an .xlsx file for the web upload: the same cells the task
 * pane inserts, text cells as text (a code "20491" stays a code), the rate column as its formula, whole
 * numbers ≥ 0 enforced on the input columns. Text goes through `safeText` like the report writer, so a unit
 * name starting with = + - @ never becomes a formula.
 */
import ExcelJS from "exceljs";
import type { TemplateSheet } from "@sohoa/core";
import { safeText } from "./report-xlsx";

const col = (c: number) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function writeTemplateXlsx(sheet: TemplateSheet, opts: { dvTitle: string; dvMessage: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sohoa";
  const ws = wb.addWorksheet(sheet.name.slice(0, 31));
  const { layout } = sheet;
  const width = Math.max(layout.columns, ...sheet.rows.map((r) => r.length));
  const inputs = new Set(layout.inputColumns);
  const validation: ExcelJS.DataValidation = { type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: opts.dvTitle, error: opts.dvMessage };
  const isData = (r: number) => r >= layout.firstDataRow && (r <= layout.lastDataRow || layout.totalRows.includes(r));
  for (let r = 0; r < sheet.rows.length; r++) {
    const src = sheet.rows[r] ?? [];
    for (let c = 0; c < width; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      const formula = sheet.formulas[`${col(c)}${r + 1}`];
      const v = src[c];
      if (formula) cell.value = { formula: formula.replace(/^=/, "") };
      else if (typeof v === "string") {
        cell.value = safeText(v);
        cell.numFmt = "@";
      } else if (v !== null && v !== undefined) cell.value = v;
      if (isData(r) && inputs.has(c) && !formula) cell.numFmt = "#,##0";
      if (r >= layout.firstDataRow && r <= layout.lastDataRow && inputs.has(c) && !layout.totalRows.includes(r)) cell.dataValidation = validation;
      else if (isData(r) && c === layout.percentColumn && typeof v !== "string") cell.numFmt = "0.0";
    }
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  ws.getRow(layout.headerRow + 1).font = { bold: true };
  ws.getRow(layout.headerRow + 1).alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const t of layout.totalRows) ws.getRow(t + 1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 6 : i === 2 ? 34 : 14));
  ws.views = [{ state: "frozen", ySplit: layout.headerRow + 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
