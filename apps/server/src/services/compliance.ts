/**
 * Reporting compliance: for a unit's subtree and a period of a schedule, which expected units submitted an
 * accepted report for a date of the period before the cut-off (on time), only after it (late), or not at all
 * (missing). Carried figures (a reorganization moving a predecessor's numbers) are not reports and do not count.
 *
 * Who is expected follows the schedule's `level` (`expectedUnits`):
 *  - the units of that level in the schedule's subtree valid on the date (level COMMUNE: the communes);
 *  - where a branch never reaches that level, its leaf reports itself: the Department of Justice directly under
 *    the province, a district without communes, and — after the 2025 reform removed districts — the communes
 *    of a province under a DISTRICT-level schedule (they report straight to the province);
 *  - AGENCY level: agencies only.
 * Figures are typed in by the units at the bottom of the tree (submissions are for leaves), so a unit above
 * them (a district, a province) "has reported" once every reporting leaf under it has: its time is the latest
 * of its leaves' first submissions of the period, and it is missing while any of them is. That is the rule of
 * the provinces' letters: a district reports its communes' figures, all of them, before the cut-off.
 * Without a configured schedule (the national default), the leaves are expected, as with level COMMUNE.
 */
import type { UnitLevel } from "@sohoa/core";
import { firstSubmissions, schedulesCovering, subtreeUnitsOn, type Database } from "@sohoa/db";
import type { UnitSummary } from "../context";
import { toUnitSummary } from "../lib/units";
import { periodOf, shiftDate, type Cadence, type Period, type ScheduleRule } from "./schedule";

// The answers' shapes are the contract's; the names here are the ones this service has always used.
import type { Compliance as ComplianceView, ComplianceHistory, ComplianceRow, ComplianceStatus as Status, PeriodParam } from "@sohoa/contract";
export type { Compliance as ComplianceView, ComplianceHistory, ComplianceRow, ComplianceStatus as Status, PeriodParam } from "@sohoa/contract";
export const CADENCE_OF: Record<PeriodParam, Cadence> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY" };
export const PERIOD_TYPE: Record<Cadence, "DAY" | "WEEK" | "MONTH"> = { DAILY: "DAY", WEEKLY: "WEEK", MONTHLY: "MONTH" };

export type { UnitLevel } from "@sohoa/core";

export interface AppliedSchedule extends ScheduleRule {
  /** null: no schedule is configured for the unit; the national default (17:00 / Friday 18:00 / before the 16th) applies. */
  id: string | null;
  unitId: string | null;
  /** The level expected to report (null: the leaves, as with COMMUNE). */
  level: UnitLevel | null;
  name: string;
  cadence: Cadence;
  daysOff: unknown;
  reminderMinutesBefore: number | null;
}

const DEFAULTS: Record<Cadence, Omit<AppliedSchedule, "id" | "unitId" | "level" | "daysOff" | "reminderMinutesBefore">> = {
  DAILY: { name: "Báo cáo ngày (17:00)", cadence: "DAILY", cutoffMinutes: 17 * 60 },
  WEEKLY: { name: "Báo cáo tuần (trước 18:00 thứ Sáu)", cadence: "WEEKLY", cutoffMinutes: 18 * 60, weekday: 5 },
  MONTHLY: { name: "Báo cáo tháng (trước ngày 16)", cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16 },
};

/**
 * The active schedule of that cadence on the unit or its nearest ancestor; the national default otherwise.
 * With `scheduleId`, that schedule, if it is active, of that cadence and set on the unit or an ancestor (else null).
 */
export async function scheduleFor(db: Database, unitId: string, cadence: Cadence, scheduleId?: string): Promise<AppliedSchedule>;
export async function scheduleFor(db: Database, unitId: string, cadence: Cadence | null, scheduleId: string): Promise<AppliedSchedule | null>;
export async function scheduleFor(db: Database, unitId: string, cadence: Cadence | null, scheduleId?: string): Promise<AppliedSchedule | null> {
  const rows = await schedulesCovering(db, unitId, cadence, scheduleId);
  const s = rows.sort((a, b) => b.unit.depth - a.unit.depth || a.id.localeCompare(b.id))[0];
  if (!s) return scheduleId || !cadence ? null : { ...DEFAULTS[cadence], id: null, unitId: null, level: null, daysOff: [], reminderMinutesBefore: null };
  return { id: s.id, unitId: s.unitId, level: s.level, name: s.name, cadence: s.cadence, cutoffMinutes: s.cutoffMinutes, weekday: s.weekday, monthDay: s.monthDay, daysOff: s.daysOff, reminderMinutesBefore: s.reminderMinutesBefore };
}

export interface ReportingUnit {
  unit: UnitSummary;
  district: UnitSummary | null;
  /** The leaves whose submissions make this unit's report: itself for a leaf, every reporting leaf under it otherwise. */
  members: string[];
}

/**
 * The units expected to report under a schedule of `level` in a unit's subtree valid on a date (see the top of
 * this file), ordered by district then code, each with its district and its reporting leaves. `level` null: the
 * leaves.
 */
export async function reportingUnits(db: Database, unitId: string, date: string, level: UnitLevel | null = null): Promise<ReportingUnit[]> {
  const at = new Date(`${date}T00:00:00Z`);
  const subtree = await subtreeUnitsOn(db, unitId, at);
  type Row = (typeof subtree)[number];
  const kids = new Map<string, Row[]>();
  for (const u of subtree) {
    if (!u.parentId) continue;
    const list = kids.get(u.parentId);
    if (list) list.push(u);
    else kids.set(u.parentId, [u]);
  }
  const leavesOf = (u: Row): string[] => {
    const ks = kids.get(u.id);
    return ks?.length ? ks.flatMap(leavesOf) : [u.id];
  };
  const out: { row: Row; members: string[] }[] = [];
  const walk = (u: Row) => {
    const ks = kids.get(u.id) ?? [];
    if (level && u.level === level) out.push({ row: u, members: leavesOf(u) });
    else if (ks.length === 0) {
      if (level !== "AGENCY") out.push({ row: u, members: [u.id] });
    } else for (const k of ks) walk(k);
  };
  const root = subtree.find((u) => u.id === unitId);
  if (root) walk(root);
  return out
    .map(({ row: u, members }) => ({ unit: toUnitSummary(u), members, district: u.level === "DISTRICT" ? toUnitSummary(u) : u.parent && u.parent.level === "DISTRICT" ? toUnitSummary(u.parent) : null }))
    .sort((a, b) => (a.district?.code ?? "").localeCompare(b.district?.code ?? "") || a.unit.code.localeCompare(b.unit.code));
}

/**
 * When an expected unit reported for a period: its own first submission for a leaf; for a unit above the
 * leaves, the latest of its leaves' first submissions, or null while one of them has not reported.
 */
function reportedAt(members: string[], first: (unitId: string) => Date | null | undefined): Date | null {
  let latest: Date | null = null;
  for (const m of members) {
    const t = first(m);
    if (!t) return null;
    if (!latest || t > latest) latest = t;
  }
  return latest;
}


export async function complianceFor(db: Database, opts: { unitId: string; date: string; schedule: AppliedSchedule; period?: Period }): Promise<ComplianceView> {
  const period = opts.period ?? periodOf(opts.schedule, opts.date);
  const units = await reportingUnits(db, opts.unitId, opts.date, opts.schedule.level);
  const firsts = await firstSubmissions(db, [...new Set(units.flatMap((u) => u.members))], period.start, period.end);
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
    const t = reportedAt(u.members, (m) => first.get(m));
    const row: ComplianceRow = { unit: u.unit, district: u.district, submittedAt: t ? t.toISOString() : null, members: u.members.length, membersReported: u.members.filter((m) => first.has(m)).length };
    if (!t) view.missing.push(row);
    else if (t <= cutoff) view.onTime.push(row);
    else view.late.push(row);
  }
  return view;
}

/** Per period of [from, to]: counts, and each reporting unit's status (a day off is "off"). One query. */
export async function complianceHistory(db: Database, opts: { unitId: string; from: string; to: string; schedule: AppliedSchedule }): Promise<ComplianceHistory> {
  const periods: Period[] = [];
  for (let d = opts.from; d <= opts.to; ) {
    const p = periodOf(opts.schedule, d);
    periods.push(p);
    d = shiftDate(p.end, 1);
  }
  const units = await reportingUnits(db, opts.unitId, opts.to, opts.schedule.level);
  const memberIds = [...new Set(units.flatMap((u) => u.members))];
  const firsts = await firstSubmissions(db, memberIds, periods[0]?.start ?? opts.from, periods[periods.length - 1]?.end ?? opts.to);
  // Earliest submission of each reporting leaf per period, then each expected unit's time from its leaves.
  const index = new Map(memberIds.map((id, i) => [id, i]));
  const leafAt: (Date | null)[][] = memberIds.map(() => periods.map(() => null));
  for (const f of firsts) {
    const pi = periods.findIndex((p) => p.start <= f.date && f.date <= p.end);
    const mi = index.get(f.unitId);
    if (pi < 0 || mi === undefined) continue;
    const cur = leafAt[mi]![pi];
    if (!cur || f.at < cur) leafAt[mi]![pi] = f.at;
  }
  const at: (Date | null)[][] = units.map((u) => periods.map((_, pi) => reportedAt(u.members, (m) => leafAt[index.get(m)!]![pi])));
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
