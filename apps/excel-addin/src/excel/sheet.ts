/** Reading a sheet in one go and moving the selection. */
import type { CellValue, Sheet } from "@sohoa/core";
import { parseAddress } from "./a1";
import { runExcel } from "./host";

/**
 * The used range's values as a core Sheet anchored at A1 (so "F12" in an issue is F12 in Excel): rows above
 * and columns left of the used range are padded, empty strings become null.
 */
export function toSheet(name: string, address: string, values: unknown[][]): Sheet {
  const b = parseAddress(address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows: CellValue[][] = [];
  for (let r = 0; r < b.top; r++) rows.push([]);
  const pad: CellValue[] = new Array<CellValue>(b.left).fill(null);
  for (const line of values) {
    const row: CellValue[] = pad.slice();
    for (const v of line) row.push(v === "" || v === undefined ? null : (v as CellValue));
    // trailing blanks are noise for the server's size limits
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return { name, rows };
}

/** Queues the read of a worksheet's used range; call `.result()` after the sync. */
export function queueRead(sheet: Excel.Worksheet): { result(): Sheet } {
  sheet.load("name");
  const used = sheet.getUsedRange();
  used.load("address,values");
  return { result: () => toSheet(sheet.name, used.address, used.values) };
}

/** The active sheet (or the named one), read with a single sync. */
export async function readSheet(name?: string): Promise<Sheet> {
  return runExcel(async (context) => {
    const ws = name ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getActiveWorksheet();
    const read = queueRead(ws);
    await context.sync();
    return read.result();
  });
}

/**
 * Every visible sheet of the workbook (a district's workbook: a summary and one sheet per commune goes in one
 * submission), read in two syncs whatever the number of sheets: their names, then their used ranges. The active
 * sheet's name comes with them, for marking. ExcelApi 1.1.
 */
export async function readWorkbook(): Promise<{ sheets: Sheet[]; active: string }> {
  return runExcel(async (context) => {
    const all = context.workbook.worksheets;
    all.load("items/name,items/visibility");
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    const reads = all.items.filter((ws) => ws.visibility === "Visible").map((ws) => queueRead(ws));
    await context.sync();
    // an empty sheet's used range is its first cell, with nothing in it: no sheet to send
    const sheets = reads.map((r) => r.result()).filter((sh) => sh.rows.some((row) => row.length > 0));
    return { sheets, active: active.name };
  });
}

/** Activates the sheet and selects the cell (or range) of a problem: one sync. */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The active sheet's name (one sync). */
export async function activeSheetName(): Promise<string> {
  return runExcel(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return ws.name;
  });
}
