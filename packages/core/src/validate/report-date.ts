/**
 * The workbook's report date: one date for the whole submission (DATES_MIXED otherwise), stated somewhere
 * (DATE_MISSING otherwise), not in the future, inside the campaign; and where it was read from, for the reading.
 */
import { formatDate } from "../format";
import { cellRef, type FrameDates } from "../reading/frame";
import type { SheetReading, WorkbookReading } from "../reading/types";
import type { ProgressRow } from "../types";
import { RULES, type Collector } from "./rules";
import type { WorkbookState } from "./state";

/** The report date a sheet's frame states, or a DATE_INVALID for a label whose date cannot be read. */
export function sheetFrameDate(out: Collector, name: string, frame: FrameDates): { date: string; cell: string } | null {
  if (frame.reportDate) return { date: frame.reportDate.date, cell: cellRef(frame.reportDate.r, frame.reportDate.c) };
  if (frame.invalid) {
    const raw = frame.invalid.text.slice(0, 60);
    out.add("DATE_INVALID", name, frame.invalid.r, frame.invalid.c, { vi: `Ngày báo cáo "${raw}" không đúng định dạng; hãy ghi theo dạng ngày/tháng/năm, ví dụ 18/02/2025.`, en: `The report date "${raw}" is not a valid date; write it as day/month/year, e.g. 18/02/2025.` });
  }
  return null;
}

/** The report date of the rows read (the request's when they state none), its rules applied. */
export function workbookDate(w: WorkbookState, firstName: string): string | null {
  const { ctx, out, rows, dateWhere } = w;
  const dates = new Map<string, ProgressRow>();
  for (const r of rows) if (r.reportDate && !dates.has(r.reportDate)) dates.set(r.reportDate, r);
  let reportDate: string | null = null;
  if (dates.size > 1) {
    const sorted = [...dates.keys()].sort();
    out.add("DATES_MIXED", firstName, null, null, {
      vi: `Bảng tính có nhiều ngày báo cáo khác nhau (${sorted.map((d) => formatDate(d)).join(", ")}). Mỗi lần gửi chỉ một ngày báo cáo; hãy tách thành nhiều lần gửi.`,
      en: `The workbook has several report dates (${sorted.map((d) => formatDate(d, "en")).join(", ")}). Send one report date at a time.`,
    }, sorted.map((d) => dates.get(d)!.cells.reportDate));
  } else reportDate = dates.keys().next().value ?? ctx.reportDate ?? null;
  if (!reportDate && dates.size <= 1 && rows.length) {
    out.add("DATE_MISSING", firstName, null, null, { vi: "Chưa ghi ngày báo cáo. Hãy ghi \"Ngày báo cáo: ngày/tháng/năm\" phía trên bảng, ví dụ \"Ngày báo cáo: 18/02/2025\".", en: "No report date. Write \"Report date: day/month/year\" above the table, e.g. \"Report date: 18/02/2025\"." });
  }
  if (reportDate) {
    const sheet = dateWhere?.sheet ?? firstName;
    const cell = dateWhere?.cell ?? null;
    const at = cell ? { row: Number(cell.replace(/^[A-Z]+/, "")) } : {};
    if (at.row !== undefined && reportDate > ctx.today) out.badRows.add(`${sheet}|${at.row}`);
    if (ctx.today && reportDate > ctx.today) {
      out.issues.push({ code: "DATE_IN_FUTURE", severity: RULES.DATE_IN_FUTURE, sheet, cell, ...at, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} ở tương lai (hôm nay là ${formatDate(ctx.today)}). Hãy sửa ngày báo cáo.`, en: `The report date ${formatDate(reportDate, "en")} is in the future (today is ${formatDate(ctx.today, "en")}). Correct the report date.` } });
    }
    if (ctx.campaign && (reportDate < ctx.campaign.startDate || reportDate > ctx.campaign.endDate)) {
      out.issues.push({ code: "DATE_OUTSIDE_CAMPAIGN", severity: RULES.DATE_OUTSIDE_CAMPAIGN, sheet, cell, ...at, message: { vi: `Ngày báo cáo ${formatDate(reportDate)} nằm ngoài thời gian của đợt số hóa (${formatDate(ctx.campaign.startDate)} – ${formatDate(ctx.campaign.endDate)}). Hãy kiểm tra lại ngày báo cáo.`, en: `The report date ${formatDate(reportDate, "en")} is outside the campaign (${formatDate(ctx.campaign.startDate, "en")} – ${formatDate(ctx.campaign.endDate, "en")}). Check the report date.` } });
    }
  }
  return reportDate;
}

/** Where the submission's report date came from, for the reading. */
export function readingDate(date: string | null, where: { sheet: string; cell: string } | null, sheets: SheetReading[]): WorkbookReading["reportDate"] {
  if (!date) return null;
  if (where) {
    const s = sheets.find((x) => x.name === where.sheet && x.reportDate?.cell === where.cell);
    return s?.reportDate ? { date, sheet: where.sheet, cell: where.cell, source: s.reportDate.source, ...(s.reportDate.text ? { text: s.reportDate.text } : {}) } : { date, sheet: where.sheet, cell: where.cell, source: "column" };
  }
  return { date, sheet: null, cell: null, source: "request" };
}
