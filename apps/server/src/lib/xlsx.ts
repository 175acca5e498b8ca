/**
 * .xlsx → core Grid, with limits checked before the workbook is inflated: the ZIP central directory is read
 * to sum the declared uncompressed sizes (zip bombs), then exceljs loads it and the sheet dimensions are
 * checked. Cached formula results are used as values; dates become yyyy-mm-dd; a number under a percent format
 * is read as the percent it shows. LibreOffice's .ods and Excel 97's .xls are named and refused.
 */
import ExcelJS from "exceljs";
import { withNumberFormat, type CellValue, type Grid, type Sheet } from "@sohoa/core";
import { ApiError } from "./errors";

export interface XlsxLimits { maxUncompressedBytes: number; maxRows: number; maxColumns: number; maxEntries?: number }

const badFile = (vi: string, en: string) => new ApiError(400, "bad_request", { vi, en }, { field: "file" });

/** Sum of the uncompressed sizes declared in the ZIP central directory. */
export function zipUncompressedSize(buf: Uint8Array): { entries: number; bytes: number } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badFile("Tệp không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.", "The file is not a valid Excel (.xlsx) file, or it is damaged.");
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let bytes = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buf.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw badFile("Tệp Excel bị hỏng (mục lục nén không đọc được).", "The Excel file is damaged (its zip directory cannot be read).");
    }
    const size = view.getUint32(offset + 24, true);
    bytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size; // ZIP64 sizes: treat as too large
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { entries, bytes };
}

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue); // cached formula result
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ("error" in v) return null;
  }
  return null;
}

/** Formats people send instead of .xlsx, by their first bytes: each is named, with how to save it as .xlsx. */
function otherFormat(bytes: Uint8Array): ApiError | null {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return badFile("Tệp là bảng tính Excel 97–2003 (.xls). Hãy mở trong Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi tải lên lại.", "The file is an Excel 97–2003 workbook (.xls). Open it in Excel, Save As → Excel Workbook (.xlsx), and upload it again.");
  }
  const head = Buffer.from(bytes.subarray(0, 120)).toString("latin1");
  if (head.includes("application/vnd.oasis.opendocument.spreadsheet")) {
    return badFile("Tệp là bảng tính OpenDocument (.ods, LibreOffice/OpenOffice). Hãy chọn Tệp → Lưu thành → định dạng Excel 2007-365 (.xlsx), rồi tải lên lại.", "The file is an OpenDocument spreadsheet (.ods, LibreOffice/OpenOffice). Use File → Save As → Excel 2007-365 (.xlsx), and upload it again.");
  }
  return null;
}

export async function readXlsxGrid(bytes: Uint8Array, limits: XlsxLimits): Promise<Grid> {
  const other = otherFormat(bytes);
  if (other) throw other;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw badFile("Tệp không phải là tệp Excel .xlsx (Excel 2007 trở lên). Nếu là tệp .xls cũ, hãy lưu lại dưới dạng .xlsx.", "The file is not an .xlsx workbook (Excel 2007 or later). If it is an old .xls file, save it as .xlsx.");
  }
  const { entries, bytes: inflated } = zipUncompressedSize(bytes);
  if (inflated > limits.maxUncompressedBytes || entries > (limits.maxEntries ?? 2000)) {
    throw new ApiError(413, "payload_too_large", {
      vi: `Tệp Excel khi giải nén quá lớn (${Math.round(inflated / 1e6)} MB, tối đa ${Math.round(limits.maxUncompressedBytes / 1e6)} MB).`,
      en: `The workbook is too large once uncompressed (${Math.round(inflated / 1e6)} MB, at most ${Math.round(limits.maxUncompressedBytes / 1e6)} MB).`,
    }, { field: "file" });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw badFile("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.", "The Excel file could not be read: it is damaged or not in .xlsx format.");
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== "visible") continue;
    if (ws.rowCount > limits.maxRows || ws.columnCount > limits.maxColumns) {
      throw new ApiError(413, "payload_too_large", {
        vi: `Trang tính "${ws.name}" có ${ws.rowCount} dòng × ${ws.columnCount} cột, vượt giới hạn ${limits.maxRows} dòng × ${limits.maxColumns} cột.`,
        en: `Sheet "${ws.name}" has ${ws.rowCount} rows × ${ws.columnCount} columns, over the limit of ${limits.maxRows} × ${limits.maxColumns}.`,
      }, { field: "file" });
    }
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: CellValue[] = [];
      for (let col = 1; col <= ws.columnCount; col++) {
        const cell = row.getCell(col);
        // As Excel shows it: a merged area's value in its top-left cell only; a formula's cached result even when 0.
        if (cell.isMerged && cell.master !== cell) out.push(null);
        else {
          const v = cell.value;
          const value = v && typeof v === "object" && "formula" in v && !("result" in v) ? (cell.result as ExcelJS.CellValue) : v;
          out.push(withNumberFormat(cellValue(value), cell.numFmt));
        }
      }
      while (out.length && out[out.length - 1] === null) out.pop();
      rows.push(out);
    }
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    sheets.push({ name: ws.name, rows, merges });
  }
  return { sheets };
}
