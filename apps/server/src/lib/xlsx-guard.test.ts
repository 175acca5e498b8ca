import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildZip, lyingZipBomb } from "../test-support/zip";
import { readXlsxGridGuarded, scanXlsx } from "./xlsx-guard";

const MB = 1024 * 1024;
const LIMITS = { maxUncompressedBytes: 50 * MB, maxRows: 5000, maxColumns: 100 };

/** A worksheet of Excel's maximum, 1,048,576 rows, compressed. */
function maxRowsSheet(): { zip: Uint8Array; compressed: number } {
  const parts: string[] = ['<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= 1_048_576; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  const data = deflateRawSync(Buffer.from(parts.join("")), { level: 1 });
  return { zip: buildZip([{ name: "xl/worksheets/sheet1.xml", data, method: 8 }]), compressed: data.length };
}

describe("streaming limits of an uploaded workbook", () => {
  it("stops inflating a zip bomb (declares 1 KB, inflates to 1.2 GB) as soon as the limit is crossed", async () => {
    const { zip, compressed } = lyingZipBomb(1200);
    const scan = await scanXlsx(zip, LIMITS);
    expect(scan.exceeded).toEqual({ limit: "bytes", entry: "xl/worksheets/sheet1.xml" });
    // stopped within a chunk of the limit, having read a small part of the entry
    expect(scan.inflatedBytes).toBeGreaterThan(LIMITS.maxUncompressedBytes);
    expect(scan.inflatedBytes).toBeLessThan(LIMITS.maxUncompressedBytes + MB);
    expect(scan.compressedBytesRead).toBeLessThan(compressed / 10);
    await expect(readXlsxGridGuarded(zip, LIMITS)).rejects.toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("stops reading a sheet of 1,048,576 rows as soon as it passes the row limit", async () => {
    const { zip, compressed } = maxRowsSheet();
    const scan = await scanXlsx(zip, LIMITS);
    expect(scan.exceeded).toEqual({ limit: "rows", entry: "xl/worksheets/sheet1.xml" });
    const seen = scan.rows["xl/worksheets/sheet1.xml"]!;
    expect(seen).toBeGreaterThan(LIMITS.maxRows);
    expect(seen).toBeLessThan(LIMITS.maxRows + 2000);
    expect(scan.compressedBytesRead).toBeLessThan(compressed / 20);
    const error = await readXlsxGridGuarded(zip, LIMITS).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, msg: { vi: expect.stringContaining("5000 dòng"), en: expect.stringContaining("5000 rows") } });
  });

  it("reads an ordinary workbook whole, counting its rows exactly, and hands it to exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tiến độ");
    for (let r = 0; r < 1200; r++) ws.addRow([`Xã ${r}`, r, r * 2]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const scan = await scanXlsx(bytes, LIMITS);
    expect(scan.exceeded).toBeNull();
    expect(scan.rows["xl/worksheets/sheet1.xml"]).toBe(1200);
    expect(scan.compressedBytesRead).toBeGreaterThan(0);
    const grid = await readXlsxGridGuarded(bytes, LIMITS);
    expect(grid.sheets[0]!.rows).toHaveLength(1200);
    // the same rows past a limit of 1000 are refused, as exceljs would have
    await expect(readXlsxGridGuarded(bytes, { ...LIMITS, maxRows: 1000 })).rejects.toMatchObject({ status: 413 });
  });
});
