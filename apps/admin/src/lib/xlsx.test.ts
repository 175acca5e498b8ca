import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { excelCellValue, gridKey, parseTypedValue, readXlsx, setCell, trimRows, XlsxReadError } from "./xlsx";

describe("reading cells", () => {
  it("takes cached formula results, rich text, dates, and empties errors", () => {
    expect(excelCellValue({ formula: "SUM(A1:A2)", result: 12 })).toBe(12);
    expect(excelCellValue({ formula: "A1" })).toBeNull();
    expect(excelCellValue({ richText: [{ text: "Xã " }, { text: "Za Hung" }] })).toBe("Xã Za Hung");
    expect(excelCellValue(new Date("2025-02-18T00:00:00Z"))).toBe("2025-02-18");
    expect(excelCellValue({ error: "#REF!" })).toBeNull();
  });
  it("trims trailing empties", () => {
    expect(trimRows([["a", null, ""], [null], []])).toEqual([["a"]]);
  });
  it("parses what people type, the Vietnamese way", () => {
    expect(parseTypedValue("1.250")).toBe(1250);
    expect(parseTypedValue("12,5")).toBe(12.5);
    expect(parseTypedValue("310")).toBe(310);
    expect(parseTypedValue(" ")).toBeNull();
    expect(parseTypedValue("Khai sinh")).toBe("Khai sinh");
  });
});

describe("workbooks", () => {
  it("reads a real .xlsx into a Grid and skips hidden sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tiến độ");
    ws.addRow(["Mã xã", "Loại sổ", "Tổng", "Đã số hóa"]);
    ws.addRow(["20491", "Khai sinh", 1200, { formula: "C2/2", result: 600 }]);
    ws.addRow(["BÁO CÁO"]);
    ws.mergeCells("A3:D3");
    const hidden = wb.addWorksheet("Danh mục");
    hidden.state = "hidden";
    hidden.addRow(["x"]);
    const buf = await wb.xlsx.writeBuffer();
    const grid = await readXlsx(buf as ArrayBuffer);
    expect(grid).toEqual({ sheets: [{ name: "Tiến độ", rows: [["Mã xã", "Loại sổ", "Tổng", "Đã số hóa"], ["20491", "Khai sinh", 1200, 600], ["BÁO CÁO"]], merges: ["A3:D3"] }] });
  });
  it("refuses files that are not .xlsx with a message in both languages", async () => {
    const e = await readXlsx(new TextEncoder().encode("a,b\n1,2").buffer as ArrayBuffer).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as XlsxReadError).msg.vi).toMatch(/xlsx/);
  });
  it("edits cells immutably and keys content for idempotency", async () => {
    const g = { sheets: [{ name: "S", rows: [["a"]] }] };
    const g2 = setCell(g, "S", 2, 1, 5);
    expect(g.sheets[0]!.rows).toEqual([["a"]]);
    expect(g2.sheets[0]!.rows).toEqual([["a"], [], [null, 5]]);
    const k1 = await gridKey("20491", g, undefined);
    expect(k1).toMatch(/^console-[0-9a-f]{32}$/);
    expect(await gridKey("20491", g, undefined)).toBe(k1);
    expect(await gridKey("20491", g2, undefined)).not.toBe(k1);
    expect(await gridKey("20491", g, undefined, true)).not.toBe(k1);
  });
});
