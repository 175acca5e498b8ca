/**
 * .xlsx → Grid in the browser, with the same reading rules as the server (visible sheets only; cached formula
 * results as values; rich text joined; dates as yyyy-mm-dd; error cells empty). exceljs is imported lazily so
 * it never weighs on the first view.
 */
import { withNumberFormat } from "@sohoa/core";
import type { CellValue } from "./grid";

export interface GridSheet { name: string; rows: CellValue[][]; merges?: string[] }
export interface Grid { sheets: GridSheet[] }

export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 100;

export function excelCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("result" in o) return excelCellValue(o.result);
    if ("formula" in o || "sharedFormula" in o) return null; // formula never calculated: no cached value
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("text" in o) return String(o.text);
    if ("error" in o) return null;
  }
  return null;
}

/** Trailing empty cells and rows are dropped so a grid's size is its content's. */
export function trimRows(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((r) => {
    let n = r.length;
    while (n > 0 && (r[n - 1] === null || r[n - 1] === "")) n--;
    return r.slice(0, n);
  });
  let m = out.length;
  while (m > 0 && out[m - 1]!.length === 0) m--;
  return out.slice(0, m);
}

export class XlsxReadError extends Error {
  constructor(readonly msg: { vi: string; en: string }) {
    super(msg.en);
  }
}

export async function readXlsx(file: ArrayBuffer): Promise<Grid> {
  const bytes = new Uint8Array(file);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new XlsxReadError({ vi: "Tệp không phải là tệp Excel .xlsx. Nếu là tệp .xls cũ, hãy lưu lại dưới dạng .xlsx.", en: "The file is not an .xlsx workbook. If it is an old .xls file, save it as .xlsx." });
  }
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file);
  } catch {
    throw new XlsxReadError({ vi: "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng.", en: "The Excel file could not be read: it is damaged or not an .xlsx file." });
  }
  const sheets: GridSheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== "visible") continue;
    if (ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLUMNS) {
      throw new XlsxReadError({ vi: `Trang tính "${ws.name}" quá lớn (${ws.rowCount} dòng × ${ws.columnCount} cột).`, en: `Sheet "${ws.name}" is too large (${ws.rowCount} rows × ${ws.columnCount} columns).` });
    }
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        // exceljs reads a merged range's value in every covered cell; the Grid keeps it in the top-left one only.
        // A formula whose cached result is 0 has no "result" in its value (cell.result keeps it); a number under
        // a percent format is read as the percent shown, as the server reads the file.
        if (cell.isMerged && cell.master !== cell) cells.push(null);
        else {
          const v = cell.value as unknown;
          const value = v && typeof v === "object" && "formula" in v && !("result" in v) ? cell.result : v;
          cells.push(withNumberFormat(excelCellValue(value), cell.numFmt));
        }
      }
      rows.push(cells);
    }
    const merges = (ws.model as { merges?: string[] }).merges;
    sheets.push({ name: ws.name, rows: trimRows(rows), ...(merges?.length ? { merges } : {}) });
  }
  if (sheets.length === 0) throw new XlsxReadError({ vi: "Tệp không có trang tính nào hiển thị.", en: "The workbook has no visible sheet." });
  return { sheets };
}

/** A typed-in value: numbers in Vietnamese ("1.250", "12,5") or plain; empty → null; anything else stays text. */
export function parseTypedValue(s: string): CellValue {
  const v = s.trim();
  if (v === "") return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(v)) return Number(v.replace(/\./g, "").replace(",", "."));
  if (/^-?\d+(,\d+)?$/.test(v)) return Number(v.replace(",", "."));
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

export function setCell(grid: Grid, sheet: string, row: number, col: number, value: CellValue): Grid {
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const rows = s.rows.map((r) => r.slice());
      while (rows.length <= row) rows.push([]);
      const r = rows[row]!;
      while (r.length <= col) r.push(null);
      r[col] = value;
      return { ...s, rows };
    }),
  };
}

/** Stable content hash → Idempotency-Key: a retry of the same sheet reuses the key, an edited sheet gets a new one. */
export async function gridKey(unitCode: string, grid: Grid, reportDate: string | undefined, acceptWarnings = false): Promise<string> {
  const data = new TextEncoder().encode(JSON.stringify([unitCode, reportDate ?? null, acceptWarnings, grid]));
  const digest = await crypto.subtle.digest("SHA-256", data);
  return "console-" + Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}
