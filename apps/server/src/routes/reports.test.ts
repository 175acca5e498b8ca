import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { bucketOf, formatProgress } from "@sohoa/core";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import { COLUMNS, NUM_FMT, safeText } from "../services/report-xlsx";
import type { ReportData } from "../services/report";

interface ProgressBody {
  unit: { id: string; code: string; counts: { entriesTotal: number; entriesDigitized: number }; completion: number };
  children: { id: string; code: string; fullName: string; level: string; hasChildren: boolean; completion: number | null; counts: { entriesTotal: number; entriesDigitized: number } }[];
}

/** Text of a PDF, page by page, read back with pdf.js. */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" ").replace(/\s+/g, " "));
  }
  await doc.destroy();
  return pages;
}

async function readXlsx(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("reports", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let token: string;
  const auth = () => ({ headers: { authorization: `Bearer ${token}` } });
  let progress: ProgressBody;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db, clock: () => new Date("2025-02-18T12:00:00Z") });
    token = await signIn(app, "quangnam");
    progress = (await (await app.request("/api/units/49/progress?date=2025-02-18", auth())).json()) as ProgressBody;
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("builds the JSON report: header block, the province line, the three bands as computed from the data", async () => {
    const res = await app.request("/api/reports/preview?unit=49&period=day&date=2025-02-18", auth());
    expect(res.status).toBe(200);
    const d = (await res.json()) as ReportData;
    expect(d.header).toMatchObject({ agency: "SỞ TƯ PHÁP TỈNH QUẢNG NAM", nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto: "Độc lập - Tự do - Hạnh phúc", dateLine: "Quảng Nam, ngày 18 tháng 02 năm 2025" });
    expect(d.progressLine).toBe("642.806/1.443.893 (44,5%)");
    expect(d.total).toMatchObject({ entriesTotal: progress.unit.counts.entriesTotal, entriesDigitized: progress.unit.counts.entriesDigitized });
    expect(d.groups.filter((g) => g.subtotal)).toHaveLength(17);
    // the bands, counted from each district's own progress view (and the agency directly under the province)
    const counts = { zero: 0, under10: 0, under50: 0 };
    for (const child of progress.children) {
      const leaves = child.hasChildren ? ((await (await app.request(`/api/units/${child.code}/progress?date=2025-02-18`, auth())).json()) as ProgressBody).children : [child];
      for (const l of leaves) {
        const b = bucketOf(l.completion);
        if (b === "zero" || b === "under10" || b === "under50") counts[b]++;
      }
    }
    expect({ zero: d.lists.zero.length, under10: d.lists.under10.length, under50: d.lists.under50.length }).toEqual(counts);
    expect(counts).toEqual({ zero: 3, under10: 24, under50: 73 });
    expect(d.lists.zero.map((u) => u.name).sort()).toEqual(["Sông Kôn", "Trà Mai", "Za Hung"]);
    // the units that did not report are those of the compliance view
    const comp = (await (await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", auth())).json()) as { late: unknown[]; missing: unknown[] };
    expect(d.compliance.notReported).toHaveLength(comp.late.length + comp.missing.length);
    expect(d.compliance.missing).toBe(comp.missing.length);
  }, 120_000);

  it("writes the .xlsx: header block, numeric cells with Vietnamese display formats, totals equal to the roll-up, print setup", async () => {
    const res = await app.request("/api/reports/preview?unit=49&period=day&date=2025-02-18&format=xlsx", auth());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain("bao-cao-ngay-49-2025-02-18.xlsx");
    const ws = await readXlsx(res);
    const text = (a: string) => ws.getCell(a).value;
    expect(text("A1")).toBe("SỞ TƯ PHÁP TỈNH QUẢNG NAM");
    expect(text("F1")).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text("F2")).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(text("F3")).toBe("Quảng Nam, ngày 18 tháng 02 năm 2025");
    expect(text("A5")).toBe("BÁO CÁO");
    expect(String(text("A6"))).toContain("tỉnh Quảng Nam");
    expect(String(text("A9"))).toContain("642.806/1.443.893 (44,5%)");
    const merges = (ws.model as { merges: string[] }).merges;
    for (const m of ["A1:D1", "F1:K1", "F2:K2", "F3:K3", "A5:K5"]) expect(merges).toContain(m);
    COLUMNS.forEach((c, i) => expect(ws.getRow(11).getCell(i + 1).value).toBe(c.header));

    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("11:11");

    // Walk the table: numeric cells are numbers with the formats; each district's rows add up to its subtotal,
    // subtotals equal the progress API's district figures, the total equals the province roll-up.
    const byCode = new Map(progress.children.map((c) => [c.code, c]));
    let r = 12;
    let subtotal: { total: number; done: number; code: string } | null = null;
    let sum = { total: 0, done: 0 };
    const closeGroup = () => {
      if (subtotal) expect(sum).toEqual({ total: subtotal.total, done: subtotal.done });
    };
    let districts = 0;
    let rows = 0;
    for (;; r++) {
      const row = ws.getRow(r);
      const name = String(row.getCell(2).value ?? "");
      for (const col of [4, 5, 7, 8]) {
        expect(row.getCell(col).type).toBe(ExcelJS.ValueType.Number);
      }
      expect(row.getCell(4).numFmt).toBe(NUM_FMT.count);
      expect(row.getCell(5).numFmt).toBe(NUM_FMT.count);
      expect(row.getCell(6).numFmt).toBe(NUM_FMT.percent);
      expect(row.getCell(8).numFmt).toBe(NUM_FMT.change);
      const total = row.getCell(4).value as number;
      const done = row.getCell(5).value as number;
      if (name.startsWith("TỔNG CỘNG")) {
        closeGroup();
        expect([total, done]).toEqual([progress.unit.counts.entriesTotal, progress.unit.counts.entriesDigitized]);
        expect(formatProgress(done, total)).toBe("642.806/1.443.893 (44,5%)");
        expect(row.getCell(6).value).toBeCloseTo(progress.unit.completion, 12);
        break;
      }
      const code = String(row.getCell(3).value);
      if (/^[IVXLC]+$/.test(String(row.getCell(1).value))) {
        closeGroup();
        districts++;
        const api = byCode.get(code)!;
        expect([total, done]).toEqual([api.counts.entriesTotal, api.counts.entriesDigitized]);
        subtotal = { total, done, code };
        sum = { total: 0, done: 0 };
      } else {
        rows++;
        if (byCode.get(code)?.level === "AGENCY") {
          closeGroup();
          subtotal = null;
        }
        sum.total += total;
        sum.done += done;
      }
      expect(r).toBeLessThan(400);
    }
    expect(districts).toBe(17);
    expect(rows).toBe(234);

    // The lists: section titles with their sizes, then one row per unit
    const titles: string[] = [];
    for (let i = r + 1; i <= ws.rowCount; i++) {
      const v = String(ws.getRow(i).getCell(1).value ?? "");
      if (/^(I|II|III|IV)\. /.test(v)) titles.push(v);
    }
    expect(titles[0]).toBe("I. Đơn vị chưa triển khai số hóa (0%): 3 đơn vị");
    expect(titles[1]).toBe("II. Đơn vị đạt dưới 10%: 24 đơn vị");
    expect(titles[2]).toBe("III. Đơn vị đạt từ 10% đến dưới 50%: 73 đơn vị");
    expect(titles[3]).toMatch(/^IV\. Đơn vị không báo cáo đúng hạn \(hạn 17:00 18\/02\/2025\)/);
  }, 120_000);

  it("writes text that cannot become a formula (a unit name starting with '=')", async () => {
    expect(safeText("=1+1")).toBe("'=1+1");
    expect(safeText("+84")).toBe("'+84");
    expect(safeText("-5")).toBe("'-5");
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeText("Xã A Rooi")).toBe("Xã A Rooi");
    const evil = '=HYPERLINK("http://example.invalid","x")';
    const commune = await db.prisma.unit.findFirstOrThrow({ where: { level: "COMMUNE", name: "Za Hung" }, include: { parent: true } });
    await db.prisma.unit.update({ where: { id: commune.id }, data: { fullName: evil } });
    try {
      const ws = await readXlsx(await app.request(`/api/reports/preview?unit=${commune.parent!.code}&period=day&date=2025-02-18&format=xlsx`, auth()));
      let found = 0;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string" && cell.value.includes("HYPERLINK")) {
            found++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.value.startsWith("'=")).toBe(true);
          }
        }),
      );
      expect(found).toBeGreaterThanOrEqual(2); // in the table and in the 0% list
    } finally {
      await db.prisma.unit.update({ where: { id: commune.id }, data: { fullName: commune.fullName } });
    }
  }, 120_000);

  it("writes the PDF with an embedded font: Vietnamese text reads back", async () => {
    const res = await app.request("/api/reports/preview?unit=49&period=day&date=2025-02-18&format=pdf", auth());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(bytes).toString("latin1")).toContain("DejaVuSerif");
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    const first = pages[0]!;
    for (const s of ["SỞ TƯ PHÁP TỈNH QUẢNG NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Nam, ngày 18 tháng 02 năm 2025", "642.806/1.443.893 (44,5%)", "Thành phố Tam Kỳ"]) expect(first).toContain(s);
    const all = pages.join(" ");
    expect(all).toContain("TỔNG CỘNG");
    expect(all).toContain("Xã Za Hung");
    // the header row is repeated on every page
    for (const p of pages.slice(0, -2)) expect(p).toContain("Tổng số dữ liệu");
    // "Nơi nhận" and the signature are kept with the notes before them, never alone on the last page
    const last = pages[pages.length - 1]!;
    expect(last).toContain("Nơi nhận");
    expect(last).toContain("THỦ TRƯỞNG ĐƠN VỊ");
    expect(last).toContain("Ghi chú");
  }, 120_000);

  it("builds weekly and monthly reports against their own previous period, for a district too", async () => {
    const week = (await (await app.request("/api/reports/preview?unit=49&period=week&date=2025-02-18", auth())).json()) as ReportData;
    expect(week.period).toMatchObject({ start: "2025-02-17", end: "2025-02-23" });
    expect(week.asOf).toBe("2025-02-18");
    expect(week.previous).toMatchObject({ start: "2025-02-10", end: "2025-02-16", asOf: "2025-02-14" });
    const month = (await (await app.request("/api/reports/preview?unit=49&period=month&date=2025-02-15", auth())).json()) as ReportData;
    expect(month.period).toMatchObject({ start: "2025-01-16", end: "2025-02-15" });
    expect(month.previous.asOf).toBe("2025-01-15");
    expect(month.total.change).toBe(month.total.entriesDigitized - month.total.previousDigitized);
    const district = progress.children.find((c) => c.level === "DISTRICT")!;
    const dr = (await (await app.request(`/api/reports/preview?unit=${district.code}&period=day&date=2025-02-18`, auth())).json()) as ReportData;
    expect(dr.header.agency).toBe(`PHÒNG TƯ PHÁP ${district.fullName.toLocaleUpperCase("vi-VN")}`);
    expect(dr.groups).toHaveLength(1);
    expect(dr.total).toMatchObject({ entriesTotal: district.counts.entriesTotal, entriesDigitized: district.counts.entriesDigitized });
  }, 120_000);

  it("is scoped and validated", async () => {
    const t = await signIn(app, "zahung");
    expect((await app.request("/api/reports/preview?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${t}` } })).status).toBe(404);
    expect((await app.request("/api/reports/preview?unit=49&period=year", auth())).status).toBe(400);
    expect((await app.request("/api/reports/preview?unit=49")).status).toBe(401);
    expect((await app.request("/api/reports/00000000-0000-0000-0000-000000000000/download?format=xlsx", auth())).status).toBe(404);
  });
});
