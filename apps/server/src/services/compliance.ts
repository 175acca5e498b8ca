/**
 * Reporting compliance: for a unit's subtree and a period of a schedule, which reporting units (the leaves of
 * the subtree valid on the date: communes, agencies, districts without communes) submitted an accepted report
 * for a date of the period before the cut-off (on time), only after it (late), or not at all (missing).
 * Carried figures (a reorganization moving a predecessor's numbers) are not reports and do not count.
 */
import type { Database } from "@sohoa/db";
import type { UnitSummary } from "../context";
import { toUnitSummary, unitSelect, validOn } from "../lib/units";
import { periodOf, shiftDate, type Cadence, type Period, type ScheduleRule } from "./schedule";

export type PeriodParam = "day" | "week" | "month";
export const CADENCE_OF: Record<PeriodParam, Cadence> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY" };
export const PERIOD_TYPE: Record<Cadence, "DAY" | "WEEK" | "MONTH"> = { DAILY: "DAY", WEEKLY: "WEEK", MONTHLY: "MONTH" };

export interface AppliedSchedule extends ScheduleRule {
  /** null: no schedule is configured for the unit; the national default (17:00 / Friday 18:00 / before the 16th) applies. */
  id: string | null;
  unitId: string | null;
  name: string;
  cadence: Cadence;
  daysOff: unknown;
  reminderMinutesBefore: number | null;
}

const DEFAULTS: Record<Cadence, Omit<AppliedSchedule, "id" | "unitId" | "daysOff" | "reminderMinutesBefore">> = {
  DAILY: { name: "Báo cáo ngày (17:00)", cadence: "DAILY", cutoffMinutes: 17 * 60 },
  WEEKLY: { name: "Báo cáo tuần (trước 18:00 thứ Sáu)", cadence: "WEEKLY", cutoffMinutes: 18 * 60, weekday: 5 },
  MONTHLY: { name: "Báo cáo tháng (trước ngày 16)", cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 },
};

/** The active schedule of that cadence on the unit or its nearest ancestor; the national default otherwise. */
export async function scheduleFor(db: Database, unitId: string, cadence: Cadence): Promise<AppliedSchedule> {
  const rows = await db.prisma.reportingSchedule.findMany({
    where: { cadence, active: true, unit: { descendants: { some: { descendantId: unitId } } } },
    include: { unit: { select: { depth: true } } },
  });
  const s = rows.sort((a, b) => b.unit.depth - a.unit.depth || a.id.localeCompare(b.id))[0];
  if (!s) return { ...DEFAULTS[cadence], id: null, unitId: null, daysOff: [], reminderMinutesBefore: null };
  return { id: s.id, unitId: s.unitId, name: s.name, cadence: s.cadence, cutoffMinutes: s.cutoffMinutes, weekday: s.weekday, monthDay: s.monthDay, daysOff: s.daysOff, reminderMinutesBefore: s.reminderMinutesBefore };
}

export interface ReportingUnit { unit: UnitSummary; district: UnitSummary | null }

/** The leaves of a unit's subtree valid on a date, ordered by district then code, each with its district. */
export async function reportingUnits(db: Database, unitId: string, date: string): Promise<ReportingUnit[]> {
  const at = new Date(`${date}T00:00:00Z`);
  const subtree = await db.prisma.unit.findMany({
    where: { ancestors: { some: { ancestorId: unitId } }, active: true, ...validOn(at) },
    select: { ...unitSelect, parent: { select: unitSelect } },
  });
  const parents = new Set(subtree.map((u) => u.parentId));
  return subtree
    .filter((u) => !parents.has(u.id))
    .map((u) => ({ unit: toUnitSummary(u), district: u.parent && u.parent.level === "DISTRICT" ? toUnitSummary(u.parent) : u.level === "DISTRICT" ? toUnitSummary(u) : null }))
    .sort((a, b) => (a.district?.code ?? "").localeCompare(b.district?.code ?? "") || a.unit.code.localeCompare(b.unit.code));
}

export interface ComplianceRow { unit: UnitSummary; submittedAt: string | null; district: UnitSummary | null }
export interface ComplianceView {
  period: { start: string; end: string; cutoffAt: string };
  dayOff: boolean;
  schedule: { id: string | null; name: string; cadence: Cadence };
  onTime: ComplianceRow[];
  late: ComplianceRow[];
  missing: ComplianceRow[];
}

/** First accepted (non-carried) submission of each unit per report date in [from, to]. */
async function firstSubmissions(db: Database, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  const rows = await db.prisma.submission.groupBy({
    by: ["unitId", "reportDate"],
    where: { unitId: { in: unitIds }, status: "ACCEPTED", source: { not: "CARRIED" }, reportDate: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    _min: { submittedAt: true },
  });
  return rows.filter((r) => r.reportDate && r._min.submittedAt).map((r) => ({ unitId: r.unitId, date: r.reportDate!.toISOString().slice(0, 10), at: r._min.submittedAt! }));
}

export async function complianceFor(db: Database, opts: { unitId: string; date: string; schedule: AppliedSchedule; period?: Period }): Promise<ComplianceView> {
  const period = opts.period ?? periodOf(opts.schedule, opts.date);
  const units = await reportingUnits(db, opts.unitId, opts.date);
  const firsts = await firstSubmissions(db, units.map((u) => u.unit.id), period.start, period.end);
  const first = new Map<string, Date>();
  for (const f of firsts) {
    const cur = first.get(f.unitId);
    if (!cur || f.at < cur) first.set(f.unitId, f.at);
  }
  const cutoff = new Date(period.cutoffAt);
  const view: ComplianceView = {
    period: { start: period.start, end: period.end, cutoffAt: period.cutoffAt },
    dayOff: period.dayOff,
    schedule: { id: opts.schedule.id, name: opts.schedule.name, cadence: opts.schedule.cadence },
    onTime: [],
    late: [],
    missing: [],
  };
  for (const u of units) {
    const t = first.get(u.unit.id);
    const row = { unit: u.unit, district: u.district, submittedAt: t ? t.toISOString() : null };
    if (!t) view.missing.push(row);
    else if (t <= cutoff) view.onTime.push(row);
    else view.late.push(row);
  }
  return view;
}

export type Status = "onTime" | "late" | "missing" | "off";
export interface ComplianceHistory {
  schedule: { id: string | null; name: string; cadence: Cadence };
  periods: { start: string; end: string; cutoffAt: string; dayOff: boolean; onTime: number; late: number; missing: number }[];
  units: { unit: UnitSummary; district: UnitSummary | null; statuses: Status[]; submittedAt: (string | null)[] }[];
}

/** Per period of [from, to]: counts, and each reporting unit's status (a day off is "off"). One query. */
export async function complianceHistory(db: Database, opts: { unitId: string; from: string; to: string; schedule: AppliedSchedule }): Promise<ComplianceHistory> {
  const periods: Period[] = [];
  for (let d = opts.from; d <= opts.to; ) {
    const p = periodOf(opts.schedule, d);
    periods.push(p);
    d = shiftDate(p.end, 1);
  }
  const units = await reportingUnits(db, opts.unitId, opts.to);
  const firsts = await firstSubmissions(db, units.map((u) => u.unit.id), periods[0]?.start ?? opts.from, periods[periods.length - 1]?.end ?? opts.to);
  const index = new Map(units.map((u, i) => [u.unit.id, i]));
  const at: (Date | null)[][] = units.map(() => periods.map(() => null));
  for (const f of firsts) {
    const pi = periods.findIndex((p) => p.start <= f.date && f.date <= p.end);
    const ui = index.get(f.unitId);
    if (pi < 0 || ui === undefined) continue;
    const cur = at[ui]![pi];
    if (!cur || f.at < cur) at[ui]![pi] = f.at;
  }
  const counts = periods.map((p) => ({ start: p.start, end: p.end, cutoffAt: p.cutoffAt, dayOff: p.dayOff, onTime: 0, late: 0, missing: 0 }));
  const rows = units.map((u, ui) => {
    const statuses = periods.map((p, pi): Status => {
      const t = at[ui]![pi];
      const s: Status = t ? (t.toISOString() <= p.cutoffAt ? "onTime" : "late") : p.dayOff ? "off" : "missing";
      if (s !== "off") counts[pi]![s]++;
      return s;
    });
    return { unit: u.unit, district: u.district, statuses, submittedAt: at[ui]!.map((t) => (t ? t.toISOString() : null)) };
  });
  return { schedule: { id: opts.schedule.id, name: opts.schedule.name, cadence: opts.schedule.cadence }, periods: counts, units: rows };
}
