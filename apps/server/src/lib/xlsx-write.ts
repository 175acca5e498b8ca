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

/**
 * A downloaded workbook's name, from whatever a client declared: path, markup and control characters dropped,
 * letters of any script kept, always ending in .xlsx (so `<img onerror=…>.html` cannot come back as a page).
 */
export function safeXlsxFilename(name: string, fallback = "sohoa.xlsx"): string {
  const base = name.normalize("NFC").replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, "-").replace(/\s+/g, " ").replace(/^[\s.-]+|[\s.-]+$/g, "").slice(0, 100);
  return base ? `${base}.xlsx` : fallback;
}

/** `attachment` with an ASCII name for old clients and the UTF-8 name beside it when they differ. */
export function attachmentDisposition(filename: string): string {
  const name = safeXlsxFilename(filename);
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/[^A-Za-z0-9 ._()-]/g, "_");
  return ascii === name ? `attachment; filename="${name}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function xlsxHeaders(filename: string): Record<string, string> {
  return { "content-type": XLSX_TYPE, "content-disposition": attachmentDisposition(filename) };
}
