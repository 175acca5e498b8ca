import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { readXlsxGrid } from "../lib/xlsx";
import { body, type Client, type DemoUser, setup, unitId } from "./resources/test-kit";

let db: Database;
let as: Record<DemoUser, Client>;
beforeAll(async () => {
  ({ db, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const LIMITS = { maxUncompressedBytes: 50_000_000, maxRows: 10_000, maxColumns: 100 };
async function grid(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  return (await readXlsxGrid(new Uint8Array(await res.arrayBuffer()), LIMITS)).sheets[0]!;
}

describe("GET /api/units/{code}/template.xlsx", () => {
  it("a commune's template: one row per register kind × phase, pre-filled with its last figures", async () => {
    const res = await as.zahung.get("/api/units/20491/template.xlsx?date=2025-02-18");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="sohoa-mau-xa-20491-2025-02-18.xlsx"');
    const sheet = await grid(res);
    const text = sheet.rows.map((r) => r.join("|")).join("\n");
    expect(text).toContain("Xã Za Hung");
    const header = sheet.rows.findIndex((r) => r[0] === "STT");
    const data = sheet.rows.slice(header + 1).filter((r) => typeof r[0] === "number");
    expect(data.length).toBeGreaterThan(1);
    // Za Hung is at 0% on 18/02/2025 but has its totals: the entries-to-digitize column is filled in
    expect(data.some((r) => typeof r[5] === "number" && (r[5] as number) > 0)).toBe(true);
  });

  it("a district's roll-up: its communes with their last totals (the same figures the progress API gives)", async () => {
    const res = await as.donggiang.get("/api/units/505/template.xlsx?kind=rollup&date=2025-02-18");
    const sheet = await grid(res);
    const progress = await body<{ children: { code: string; counts: { entriesTotal: number } }[] }>(await as.donggiang.get("/api/units/505/progress?date=2025-02-18"));
    const zahung = sheet.rows.find((r) => r[1] === "20491")!;
    expect(zahung[2]).toBe("Xã Za Hung");
    expect(zahung[5]).toBe(progress.children.find((c) => c.code === "20491")!.counts.entriesTotal);
  });

  it("a unit name starting with = is written as text, never as a formula", async () => {
    const d505 = await unitId(db, "505");
    expect((await as.donggiang.post("/api/units", { code: "20498", name: "=HYPERLINK(\"http://x\")", fullName: "=HYPERLINK(\"http://x\")", level: "COMMUNE", parentId: d505 })).status).toBe(201);
    const res = await as.donggiang.get("/api/units/505/template.xlsx?kind=rollup&date=2025-02-18");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    let found = false;
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => {
      if (String(cell.value).includes("HYPERLINK")) {
        found = true;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.value).toBe("'=HYPERLINK(\"http://x\")");
      }
    }));
    expect(found).toBe(true);
  });

  it("outside the user's scope, or an unknown code: 404 with a message", async () => {
    expect((await as.zahung.get("/api/units/505/template.xlsx")).status).toBe(404);
    expect((await as.admin.get("/api/units/99999/template.xlsx")).status).toBe(404);
    expect((await as.admin.get("/api/units/505/template.xlsx?kind=other")).status).toBe(400);
  });
});
