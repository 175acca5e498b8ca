/**
 * What the Excel add-in would send for a workbook: each sheet's values the way Office.js `range.values`
 * returns them (ExcelApi 1.1, which knows nothing of merged areas), from A1 to the last used cell:
 * - a formula cell gives its (cached) result; an error result gives its text ("#DIV/0!");
 * - a date gives its serial number (days since 1899-12-30), whatever its number format;
 * - a percent-formatted cell gives the fraction (0.445, not 44.5);
 * - a merged area gives its value in its top-left cell only and "" in the others;
 * - an empty cell gives "".
 * Read from the .xlsx with exceljs, which stores these the same way Excel does. (Its `cell.value` drops a cached
 * formula result of 0; `cell.result` keeps it, and Office gives 0.)
 */
import ExcelJS from "exceljs";

export type OfficeValue = string | number | boolean | null;
export interface OfficeGrid { sheets: { name: string; rows: OfficeValue[][] }[] }

const DAY_MS = 86_400_000;
/** Excel's serial for a date (1900 date system): exceljs reads dates as UTC instants. */
export const excelSerial = (d: Date): number => d.getTime() / DAY_MS + 25_569;

function value(v: ExcelJS.CellValue): OfficeValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object") {
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
    if ("formula" in v || "sharedFormula" in v) return ""; // a formula saved without its result (the corpus always stores results)
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return "";
}

export async function officeGrid(xlsx: Uint8Array | ArrayBuffer): Promise<OfficeGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((xlsx instanceof Uint8Array ? Buffer.from(xlsx) : Buffer.from(new Uint8Array(xlsx))) as unknown as ArrayBuffer);
  const sheets: OfficeGrid["sheets"] = [];
  for (const ws of wb.worksheets) {
    const height = ws.rowCount;
    const width = ws.columnCount;
    const rows: OfficeValue[][] = [];
    for (let r = 1; r <= height; r++) {
      const row = ws.getRow(r);
      const out: OfficeValue[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // exceljs answers a merged cell with its master's value: Office gives "" outside the top-left cell.
        if (cell.isMerged && cell.master.address !== cell.address) out.push("");
        // a formula's result through cell.result: cell.value drops a result of 0 (exceljs copies truthy fields only)
        else if (cell.type === ExcelJS.ValueType.Formula) out.push(cell.result === undefined ? "" : value(cell.result as ExcelJS.CellValue));
        else out.push(value(cell.value));
      }
      rows.push(out);
    }
    sheets.push({ name: ws.name, rows });
  }
  return { sheets };
}
