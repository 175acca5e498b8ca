/**
 * The report as an .xlsx workbook (exceljs), in the layout of an official report: the header block (issuing
 * agency and number on the left, national title and motto and the place-and-date line on the right), title,
 * recipient, summary, then the table with its header row repeated on every printed page, and the lists.
 *
 * Numbers are numeric cells with display formats (`#,##0`, `0.0%`): Excel shows them with the reader's
 * locale (1.443.893 and 44,5% on a Vietnamese Windows). Text that came from people (unit names, codes, notes)
 * goes through `safeText`, so that nothing written here can turn into a formula when re-typed, pasted or
 * exported to CSV.
 */
import ExcelJS from "exceljs";
import { formatDate } from "@sohoa/core";
import { safeText, xlsxBuffer } from "../lib/xlsx-write";
import type { ReportData, ReportLine } from "./report";

export { safeText };

export const COLUMNS = [
  { key: "no", header: "STT", width: 6 },
  { key: "name", header: "Đơn vị", width: 34 },
  { key: "code", header: "Mã đơn vị", width: 10 },
  { key: "entriesTotal", header: "Tổng số dữ liệu cần số hóa", width: 15 },
  { key: "entriesDigitized", header: "Số dữ liệu đã số hóa", width: 15 },
  { key: "completion", header: "Tỷ lệ hoàn thành", width: 11 },
  { key: "previousDigitized", header: "Đã số hóa đến kỳ trước", width: 15 },
  { key: "change", header: "Tăng so với kỳ trước", width: 13 },
  { key: "targetPercent", header: "Tỷ lệ đạt kế hoạch kỳ (*)", width: 12 },
  { key: "forecast", header: "Dự báo", width: 18 },
  { key: "note", header: "Ghi chú", width: 40 },
] as const;
const LAST = COLUMNS.length; // K
export const NUM_FMT = { count: "#,##0", percent: "0.0%", change: "+#,##0;-#,##0;0" } as const;
const FONT = "Times New Roman";


const localTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} ${formatDate(d.toISOString())}`;
};

export async function writeReportXlsx(data: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sohoa";
  wb.created = new Date(data.generatedAt);
  wb.title = `${data.title} ${data.subtitle}`;
  const ws = wb.addWorksheet("Báo cáo", {
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "Trang &P / &N" },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const merged = (row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font> = {}, align: Partial<ExcelJS.Alignment> = {}) => {
    ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true, ...align };
    return cell;
  };

  // Header block (rows 1–3), title (5–9)
  merged(1, 1, 4, safeText(data.header.agency), { bold: true });
  merged(1, 6, LAST, data.header.nation, { bold: true });
  merged(2, 1, 4, data.header.number);
  merged(2, 6, LAST, data.header.motto, { bold: true, underline: true });
  merged(3, 6, LAST, safeText(data.header.dateLine), { italic: true });
  merged(5, 1, LAST, data.title, { bold: true, size: 14 });
  merged(6, 1, LAST, safeText(data.subtitle), { bold: true });
  merged(7, 1, LAST, data.periodLine, { italic: true });
  merged(8, 1, LAST, safeText(data.recipient));
  merged(9, 1, LAST, safeText(data.summary), {}, { horizontal: "left" });
  ws.getRow(9).height = 48;

  // Table header
  const HEADER_ROW = 11;
  const head = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  head.height = 45;
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 0 }];

  const border: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
  let r = HEADER_ROW + 1;
  const writeLine = (l: ReportLine) => {
    const row = ws.getRow(r++);
    const bold = l.kind !== "row";
    row.getCell(1).value = l.no ?? "";
    row.getCell(2).value = l.kind === "total" ? `TỔNG CỘNG (${safeText(l.unit.fullName)})` : safeText(l.unit.fullName);
    row.getCell(3).value = safeText(l.unit.code);
    row.getCell(4).value = l.entriesTotal;
    row.getCell(5).value = l.entriesDigitized;
    row.getCell(6).value = l.completion;
    row.getCell(7).value = l.previousDigitized;
    row.getCell(8).value = l.change;
    row.getCell(9).value = l.targetPercent;
    row.getCell(10).value = l.forecast.label;
    row.getCell(11).value = safeText(l.forecast.reason);
    for (const [col, fmt] of [[4, NUM_FMT.count], [5, NUM_FMT.count], [6, NUM_FMT.percent], [7, NUM_FMT.count], [8, NUM_FMT.change], [9, NUM_FMT.percent]] as const) row.getCell(col).numFmt = fmt;
    for (let c = 1; c <= LAST; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, bold };
      cell.border = border;
      cell.alignment = { vertical: "middle", wrapText: c === 2 || c >= 10, horizontal: c === 1 || c === 3 ? "center" : undefined };
      if (l.kind === "subtotal") cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
      if (l.kind === "total") cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    }
  };
  for (const g of data.groups) {
    if (g.subtotal) writeLine(g.subtotal);
    for (const l of g.rows) writeLine(l);
  }
  writeLine(data.total);

  // Lists
  r++;
  const section = (title: string) => {
    merged(r++, 1, LAST, title, { bold: true }, { horizontal: "left" });
  };
  const list = (title: string, items: ReportData["lists"]["zero"]) => {
    section(`${title}: ${items.length} đơn vị`);
    items.forEach((it, i) => {
      const row = ws.getRow(r++);
      row.getCell(1).value = i + 1;
      row.getCell(2).value = safeText(it.fullName);
      row.getCell(3).value = safeText(it.code);
      row.getCell(4).value = it.entriesTotal;
      row.getCell(5).value = it.entriesDigitized;
      row.getCell(6).value = it.completion;
      row.getCell(10).value = safeText(it.district);
      row.getCell(4).numFmt = NUM_FMT.count;
      row.getCell(5).numFmt = NUM_FMT.count;
      row.getCell(6).numFmt = NUM_FMT.percent;
      for (let c = 1; c <= LAST; c++) row.getCell(c).font = { name: FONT, size: 11 };
    });
  };
  list("I. Đơn vị chưa triển khai số hóa (0%)", data.lists.zero);
  list("II. Đơn vị đạt dưới 10%", data.lists.under10);
  list("III. Đơn vị đạt từ 10% đến dưới 50%", data.lists.under50);
  const c = data.compliance;
  section(
    c.dayOff
      ? "IV. Đơn vị chưa báo cáo: kỳ này là ngày nghỉ, không yêu cầu báo cáo"
      : `IV. Đơn vị không báo cáo đúng hạn (hạn ${localTime(c.cutoffAt)}): ${c.missing} chưa báo cáo, ${c.late} báo cáo muộn / ${c.reportingUnits} đơn vị`,
  );
  c.notReported.forEach((it, i) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = safeText(it.fullName);
    row.getCell(3).value = safeText(it.code);
    row.getCell(10).value = safeText(it.district);
    row.getCell(11).value = it.status === "missing" ? "Chưa báo cáo" : `Báo cáo muộn lúc ${localTime(it.submittedAt!)}`;
    for (let col = 1; col <= LAST; col++) row.getCell(col).font = { name: FONT, size: 11 };
  });

  // Legend: how the columns are computed (reports stored before it existed have none)
  if (data.legend?.length) {
    r++;
    section("Ghi chú:");
    for (const text of data.legend) {
      merged(r, 1, LAST, `${text.startsWith("Tỷ lệ đạt") ? "(*)" : "-"} ${text}`, { italic: true, size: 10 }, { horizontal: "left" });
      ws.getRow(r++).height = 28;
    }
  }

  // Signature block
  r += 1;
  merged(r, 1, 4, "Nơi nhận:", { bold: true, italic: true, size: 11 }, { horizontal: "left" });
  merged(r, 8, LAST, "THỦ TRƯỞNG ĐƠN VỊ", { bold: true });
  merged(r + 1, 1, 4, `- ${safeText(data.recipient.replace(/^Kính gửi:\s*/, ""))};\n- Lưu: VT.`, { size: 11 }, { horizontal: "left" });
  merged(r + 1, 8, LAST, "(Ký, ghi rõ họ tên, đóng dấu)", { italic: true, size: 11 });
  ws.getRow(r + 1).height = 32;

  ws.pageSetup.printArea = `A1:K${r + 1}`;
  return xlsxBuffer(wb);
}
