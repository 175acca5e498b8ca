/**
 * The progress report a Department of Justice sends to its People's Committee, as data (JSON): the official
 * header block, a table of child units grouped by district (district subtotals, grand total) with entries,
 * completion, change since the previous report, percent of the period's target and forecast, the lists of
 * reporting units at 0%, under 10% and from 10% to under 50% (the three bands are disjoint, as in the
 * province's own letters: 3 / 24 / 73), and the units that did not report before the cut-off.
 *
 * Percent of target follows the period (`periodTargets`): what was digitized from the first day of the period to
 * the as-of date, against the share of the monthly targets for those days (a month's target × days / days of
 * that month, summed over the months the days fall in). A daily report compares the day's output with one
 * day's share, a weekly report the week so far with its days' share, a monthly report (16th to 15th) the
 * period with half of one month's target and half of the next. The report's `legend` says so in words.
 * Targets are the MONTH targets of the campaign(s), a unit's own or, without one, the sum of its subtree's.
 *
 * The .xlsx and PDF writers (report-xlsx.ts, report-pdf.ts) render exactly this object, so the three formats
 * never disagree. The figures come from the same roll-ups and `unitProgress` as `/api/units/:code/progress`.
 */
import { bucketOf, completion, FORECAST_LABELS, TERMS, percentOfTarget, formatDate, formatDateInWords, formatNumber, formatPercent, formatProgress } from "@sohoa/core";
import { agencyNameUnder, periodTargetShares, rollupsAt, unitById, type Database } from "@sohoa/db";
import type { ReportData, ReportLateItem, ReportLine } from "@sohoa/contract";
import { toUnitSummary } from "../lib/units";
import { complianceFor, reportingUnits, scheduleFor, CADENCE_OF, type AppliedSchedule, type PeriodParam } from "./compliance";
import { unitProgress, type UnitProgress } from "./progress";
import { localDate, periodOf, previousPeriod, shiftDate, type Period } from "./schedule";

export type { ReportData, ReportLateItem, ReportLine, ReportListItem } from "@sohoa/contract";

const NATION_LINE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";
const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi-VN") + s.slice(1);
const ROMAN: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
export function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}
const WHOLE: Record<string, string> = { NATION: "Toàn quốc", PROVINCE: "Toàn tỉnh", DISTRICT: "Toàn huyện", COMMUNE: "Toàn xã", AGENCY: "Toàn đơn vị" };

/** The as-of date of a period: the local day of the instant just before the cut-off, never after the period's end. */
function asOfFor(p: Period): string {
  const d = localDate(new Date(Date.parse(p.cutoffAt) - 1));
  return d < p.end ? d : p.end;
}

export interface BuildReportOptions {
  /** The unit's id (already checked to be in the caller's scope). */
  unitId: string;
  periodType: PeriodParam;
  /** A date of the period; the figures are as of min(date, the cut-off's day). */
  date: string;
  schedule?: AppliedSchedule;
  now: Date;
}

export async function buildReport(db: Database, opts: BuildReportOptions): Promise<ReportData> {
  const schedule = opts.schedule ?? (await scheduleFor(db, opts.unitId, CADENCE_OF[opts.periodType]));
  const period = periodOf(schedule, opts.date);
  const cutDay = asOfFor(period);
  const asOf = opts.date < cutDay ? opts.date : cutDay;
  const prev = previousPeriod(schedule, period);
  const prevAsOf = asOfFor(prev);

  const unitRow = await unitById(db, opts.unitId);
  const unit = toUnitSummary(unitRow);
  const all = async () => true; // scope is checked by the caller on the unit; its subtree follows
  const top = await unitProgress(db, { code: unit.code, date: asOf, scopeUnitId: unit.id, isInScope: all, breakdown: false });
  // Children with children of their own (districts) become groups with a subtotal line.
  const groupsP: { subtotal: UnitProgress | null; rows: UnitProgress[] }[] = [];
  // The districts' views at once (the pool runs them side by side; one after another cost ~0,5 s for a province).
  const subs = new Map(await Promise.all(top.children.filter((k) => k.hasChildren).map(async (k) => [k.id, await unitProgress(db, { code: k.code, date: asOf, scopeUnitId: unit.id, isInScope: all, breakdown: false })] as const)));
  for (const k of top.children) {
    const sub = subs.get(k.id);
    if (sub) {
      groupsP.push({ subtotal: k, rows: sub.children });
    } else {
      const last = groupsP[groupsP.length - 1];
      if (last && last.subtotal === null) last.rows.push(k);
      else groupsP.push({ subtotal: null, rows: [k] });
    }
  }
  const ids = [top.unit.id, ...groupsP.flatMap((g) => [...(g.subtotal ? [g.subtotal.id] : []), ...g.rows.map((r) => r.id)])];
  const windowStart = period.start <= asOf ? period.start : asOf;
  const [before, atStart, shares] = await Promise.all([
    rollupsAt(db.sql, ids, prevAsOf),
    rollupsAt(db.sql, ids, shiftDate(windowStart, -1)),
    periodTargets(db, unit.id, ids, windowStart, asOf),
  ]);

  const line = (p: UnitProgress, kind: ReportLine["kind"], no: string | null): ReportLine => {
    const previousDigitized = before.get(p.id)?.entriesDigitized ?? 0;
    const periodDigitized = p.counts.entriesDigitized - (atStart.get(p.id)?.entriesDigitized ?? 0);
    const share = shares.get(p.id);
    const entriesTarget = share === undefined ? null : Math.round(share);
    return {
      kind, no,
      unit: { id: p.id, code: p.code, name: p.name, fullName: p.fullName, level: p.level },
      entriesTotal: p.counts.entriesTotal,
      entriesDigitized: p.counts.entriesDigitized,
      completion: p.completion,
      booksTotal: p.counts.booksTotal,
      booksDigitized: p.counts.booksDigitized,
      previousDigitized,
      change: p.counts.entriesDigitized - previousDigitized,
      periodDigitized,
      entriesTarget,
      targetPercent: entriesTarget === null ? null : percentOfTarget(periodDigitized, entriesTarget),
      forecast: { status: p.forecast.status, label: FORECAST_LABELS[p.forecast.status].vi, reason: p.forecast.reason.vi },
    };
  };
  let g = 0;
  const groups = groupsP.map((gp) => ({
    subtotal: gp.subtotal ? line(gp.subtotal, "subtotal", roman(++g)) : null,
    rows: gp.rows.map((r, i) => line(r, "row", String(i + 1))),
  }));
  const total = line(top.unit, "total", null);

  // Bands over the units at the bottom of the tree (communes, agencies), whatever its depth and the schedule's
  // level; who had to report follows the schedule's level (compliance.ts).
  const [comp, leaves] = await Promise.all([complianceFor(db, { unitId: unit.id, date: asOf, schedule, period }), reportingUnits(db, unit.id, asOf)]);
  const expected = comp.onTime.length + comp.late.length + comp.missing.length;
  const leafRoll = await rollupsAt(db.sql, leaves.map((l) => l.unit.id), asOf);
  const lists: ReportData["lists"] = { zero: [], under10: [], under50: [] };
  const sorted = [...leaves].sort((a, b) => (a.district?.code ?? "").localeCompare(b.district?.code ?? "") || a.unit.code.localeCompare(b.unit.code));
  for (const l of sorted) {
    const r = leafRoll.get(l.unit.id);
    const d = r?.entriesDigitized ?? 0;
    const t = r?.entriesTotal ?? 0;
    const c = completion(d, t);
    const b = bucketOf(c);
    if (b === "zero" || b === "under10" || b === "under50") lists[b].push({ code: l.unit.code, name: l.unit.name, fullName: l.unit.fullName, district: l.district?.fullName ?? null, completion: c, entriesDigitized: d, entriesTotal: t });
  }
  const notReported: ReportLateItem[] = [
    ...comp.missing.map((r) => ({ code: r.unit.code, name: r.unit.name, fullName: r.unit.fullName, district: r.district?.fullName ?? null, submittedAt: null, status: "missing" as const })),
    ...comp.late.map((r) => ({ code: r.unit.code, name: r.unit.name, fullName: r.unit.fullName, district: r.district?.fullName ?? null, submittedAt: r.submittedAt, status: "late" as const })),
  ];

  // Header block: the issuing agency is the unit's own justice agency when it has one (Sở Tư pháp), else by level.
  const agencyName = await agencyNameUnder(db, unit.id, new Date(`${asOf}T00:00:00Z`));
  const agency = upper(
    agencyName ??
      (unit.level === "NATION" ? "Bộ Tư pháp" : unit.level === "PROVINCE" ? `Sở Tư pháp ${lowerFirst(unit.fullName)}` : unit.level === "DISTRICT" ? `Phòng Tư pháp ${lowerFirst(unit.fullName)}` : `Ủy ban nhân dân ${lowerFirst(unit.fullName)}`),
  );
  const province = unit.level === "PROVINCE" ? unit : top.ancestors.find((a) => a.level === "PROVINCE") ?? null;
  const place = unit.level === "NATION" ? "Hà Nội" : province?.name ?? unit.name;
  const dateLine = `${place}, ${formatDateInWords(asOf)}`;
  const cutoffLocal = new Date(Date.parse(period.cutoffAt) + 7 * 3600_000);
  const hhmm = `${String(cutoffLocal.getUTCHours()).padStart(2, "0")}:${String(cutoffLocal.getUTCMinutes()).padStart(2, "0")}`;
  const periodLine =
    opts.periodType === "day"
      ? `Số liệu tính đến ${hhmm} ngày ${formatDate(asOf)}`
      : opts.periodType === "week"
        ? `Tuần từ ngày ${formatDate(period.start)} đến ngày ${formatDate(period.end)} (số liệu tính đến ngày ${formatDate(asOf)}; hạn báo cáo ${hhmm} ngày ${formatDate(localDate(new Date(period.cutoffAt)))})`
        : `Kỳ báo cáo tháng từ ngày ${formatDate(period.start)} đến ngày ${formatDate(period.end)} (số liệu tính đến ngày ${formatDate(asOf)})`;
  const kind = opts.periodType === "day" ? "ngày" : opts.periodType === "week" ? "tuần" : "tháng";
  const windowText = windowStart === asOf ? `trong ngày ${formatDate(asOf)}` : `từ ngày ${formatDate(windowStart)} đến ngày ${formatDate(asOf)}`;
  const progressLine = formatProgress(total.entriesDigitized, total.entriesTotal);
  const summary =
    `${WHOLE[unit.level] ?? "Toàn đơn vị"} đã số hóa ${progressLine} dữ liệu hộ tịch, ` +
    `${total.change >= 0 ? "tăng" : "giảm"} ${formatNumber(Math.abs(total.change))} dữ liệu so với kỳ báo cáo trước (${formatDate(prevAsOf)}). ` +
    `Có ${lists.zero.length} đơn vị chưa triển khai (0%), ${lists.under10.length} đơn vị đạt dưới 10%, ${lists.under50.length} đơn vị đạt từ 10% đến dưới 50%. ` +
    (comp.dayOff ? "Kỳ này là ngày nghỉ, không yêu cầu báo cáo." : `${comp.onTime.length}/${expected} đơn vị báo cáo đúng hạn, ${comp.late.length} đơn vị ${TERMS.reportedLate.vi.toLowerCase()}, ${comp.missing.length} đơn vị chưa báo cáo.`) +
    (total.targetPercent !== null ? ` Kết quả ${windowText} đạt ${formatPercent(total.targetPercent)} kế hoạch (${formatNumber(total.periodDigitized)}/${formatNumber(total.entriesTarget ?? 0)} dữ liệu).` : "");
  const legend = [
    `Tỷ lệ hoàn thành = số dữ liệu đã số hóa / tổng số dữ liệu cần số hóa, tính đến ngày ${formatDate(asOf)}.`,
    `Tăng so với kỳ trước = số dữ liệu đã số hóa đến ngày ${formatDate(asOf)} trừ số đã số hóa đến ngày ${formatDate(prevAsOf)} (kỳ báo cáo trước).`,
    `Tỷ lệ đạt kế hoạch kỳ = số dữ liệu số hóa ${windowText} / phần chỉ tiêu tháng của các ngày đó (chỉ tiêu tháng × số ngày / số ngày của tháng` +
      (opts.periodType === "day" ? ", tức chỉ tiêu một ngày" : opts.periodType === "week" ? ", cộng dồn theo ngày của tuần" : ", cộng dồn theo ngày của kỳ tháng") + "). Đơn vị không có chỉ tiêu: để trống.",
    schedule.level && schedule.level !== "COMMUNE"
      ? `Đơn vị phải báo cáo: cấp ${LEVEL_VI[schedule.level] ?? schedule.level}; đơn vị cấp trên được tính là đã báo cáo khi tất cả đơn vị cơ sở trực thuộc đã gửi số liệu, vào thời điểm đơn vị cuối cùng gửi.`
      : "Đơn vị phải báo cáo: các xã, phường, thị trấn và cơ quan tự số hóa (đơn vị cơ sở).",
  ];

  return {
    version: 1,
    unit,
    periodType: opts.periodType,
    period: { start: period.start, end: period.end, cutoffAt: period.cutoffAt },
    asOf,
    previous: { start: prev.start, end: prev.end, asOf: prevAsOf },
    schedule: { id: schedule.id, name: schedule.name },
    header: { agency, number: `Số:        /BC-${agencyName ? "STP" : "TP"}`, nation: NATION_LINE, motto: MOTTO, place, dateLine },
    title: "BÁO CÁO",
    subtitle: `Tiến độ số hóa dữ liệu hộ tịch (báo cáo ${kind}) trên địa bàn ${lowerFirst(unit.fullName)}`,
    periodLine,
    recipient: unit.level === "NATION" ? "Kính gửi: Chính phủ" : `Kính gửi: Ủy ban nhân dân ${lowerFirst(unit.level === "AGENCY" && province ? province.fullName : unit.fullName)}`,
    summary,
    progressLine,
    groups,
    total,
    lists,
    compliance: { cutoffAt: period.cutoffAt, dayOff: comp.dayOff, level: schedule.level, reportingUnits: expected, onTime: comp.onTime.length, late: comp.late.length, missing: comp.missing.length, notReported },
    legend,
    targetWindow: { start: windowStart, end: asOf },
    generatedAt: opts.now.toISOString(),
  };
}

const LEVEL_VI: Record<string, string> = { NATION: "toàn quốc", PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã", AGENCY: "cơ quan" };

/** Each unit's share of the MONTH targets for the days [from, to] (see periodTargetShares). */
export function periodTargets(db: Database, rootId: string, unitIds: string[], from: string, to: string): Promise<Map<string, number>> {
  return periodTargetShares(db, rootId, unitIds, from, to);
}

/** A file name safe in a Content-Disposition header: bao-cao-ngay-49-2025-02-18.xlsx */
export function reportFileName(d: Pick<ReportData, "unit" | "periodType" | "asOf" | "period">, ext: "xlsx" | "pdf" | "json"): string {
  const kind = d.periodType === "day" ? "ngay" : d.periodType === "week" ? "tuan" : "thang";
  const when = d.periodType === "day" ? d.asOf : `${d.period.start}_${d.period.end}`;
  return `bao-cao-${kind}-${d.unit.code.replace(/[^A-Za-z0-9-]/g, "")}-${when}.${ext}`;
}
