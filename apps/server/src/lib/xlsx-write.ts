/**
 * The one way the server writes .xlsx: rows through `addSafeRow` (every text escaped by core's `safeCellText`,
 * so a unit named `=HYPERLINK(…)` stays text), the workbook through `xlsxBuffer`, served by `xlsxResponse`
 * with the xlsx type and an attachment disposition.
 */
import type ExcelJS from "exceljs";
import { safeCellText, safeCellValue } from "@sohoa/core";

export { safeCellText as safeText };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function addSafeRow(ws: ExcelJS.Worksheet, values: readonly unknown[]): ExcelJS.Row {
  return ws.addRow(values.map((v) => safeCellValue(v)));
}

export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A filename safe in a Content-Disposition header: ASCII letters, digits, `.`, `-`, `_` only, ending in .xlsx. */
export function safeXlsxFilename(name: string, fallback = "sohoa.xlsx"): string {
  const base = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .replace(/\.xlsx$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 100);
  return base ? `${base}.xlsx` : fallback;
}

export function xlsxHeaders(filename: string): Record<string, string> {
  return { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${safeXlsxFilename(filename)}"` };
}
