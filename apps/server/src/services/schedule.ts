/**
 * Reporting periods and cut-offs in Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975): daily at a time
 * (17:00), weekly on a weekday at a time (Friday 18:00; the period is the Monday–Sunday week holding that
 * Friday), monthly before a day of the month (before the 16th: the period runs from the 16th of the previous
 * month to the 15th, the cut-off is the 16th at `cutoffMinutes`, 00:00 by default).
 *
 * Pure functions: every "now" is passed in. Dates are calendar dates (yyyy-mm-dd) in Vietnam, instants are
 * `Date`s / ISO strings in UTC. Days off (`daysOff`: ISO weekdays 1–7 and/or dates) mean no report is expected:
 * a daily period on a day off has no cut-off to meet; a weekly or monthly period is off only when all of its
 * days are.
 */
import type { Cadence } from "@sohoa/contract";
export type { Cadence } from "@sohoa/contract";
export interface ScheduleRule { cadence: Cadence; cutoffMinutes: number; weekday?: number | null; monthDay?: number | null; daysOff?: unknown }
export interface Period { start: string; end: string; cutoffAt: string; dayOff: boolean }

/** Vietnam's offset from UTC; the `timezone` column is Asia/Ho_Chi_Minh everywhere this system is used. */
const OFFSET_MS = 7 * 3600_000;
const DAY = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
export const shiftDate = (date: string, days: number) => iso(ms(date) + days * DAY);

/** A local wall-clock time on a local date, as a UTC instant. */
export const localInstant = (date: string, minutes: number) => new Date(ms(date) + minutes * 60_000 - OFFSET_MS);
/** The local calendar date of an instant. */
export const localDate = (at: Date) => iso(at.getTime() + OFFSET_MS);
/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((new Date(ms(date)).getUTCDay() + 6) % 7) + 1;

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

/** Whether no report is expected on that date (a listed ISO weekday or date). */
export function isDayOff(rule: Pick<ScheduleRule, "daysOff">, date: string): boolean {
  const off = Array.isArray(rule.daysOff) ? (rule.daysOff as unknown[]) : [];
  const wd = isoWeekday(date);
  return off.some((d) => d === date || d === wd || (typeof d === "string" && /^[1-7]$/.test(d) && Number(d) === wd));
}

function allOff(rule: ScheduleRule, start: string, end: string): boolean {
  for (let d = start; d <= end; d = shiftDate(d, 1)) if (!isDayOff(rule, d)) return false;
  return true;
}

/** The due date of a monthly rule in a month, clamped to the month's last day ("before the 31st" in February). */
function monthlyDue(y: number, m: number, day: number): string {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return iso(Date.UTC(yy, mm - 1, Math.min(day, daysInMonth(yy, mm))));
}

/** The period a date belongs to, with its cut-off. */
export function periodOf(rule: ScheduleRule, date: string): Period {
  if (rule.cadence === "DAILY") {
    return { start: date, end: date, cutoffAt: localInstant(date, rule.cutoffMinutes).toISOString(), dayOff: isDayOff(rule, date) };
  }
  if (rule.cadence === "WEEKLY") {
    const monday = shiftDate(date, -(isoWeekday(date) - 1));
    const end = shiftDate(monday, 6);
    const cutoffDay = shiftDate(monday, (rule.weekday ?? 5) - 1);
    return { start: monday, end, cutoffAt: localInstant(cutoffDay, rule.cutoffMinutes).toISOString(), dayOff: allOff(rule, monday, end) };
  }
  // MONTHLY: due before `monthDay` (16 → the report covers the 16th of last month to the 15th).
  const d = rule.monthDay ?? 16;
  const [y, m] = date.split("-").map(Number) as [number, number];
  let due = monthlyDue(y, m, d);
  if (date >= due) due = monthlyDue(y, m + 1, d);
  const [dy, dm] = due.split("-").map(Number) as [number, number];
  const start = monthlyDue(dy, dm - 1, d);
  const end = shiftDate(due, -1);
  return { start, end, cutoffAt: localInstant(due, rule.cutoffMinutes).toISOString(), dayOff: allOff(rule, start, end) };
}

/** The period before this one (the "previous report" a report compares itself with). */
export function previousPeriod(rule: ScheduleRule, p: Period): Period {
  return periodOf(rule, shiftDate(p.start, -1));
}

/**
 * Periods whose cut-off falls in (from, to], in order, days off left out. The interval is bounded
 * (`maxDays`) so that a caller's mistake cannot loop for years.
 */
export function cutoffsBetween(rule: ScheduleRule, from: Date, to: Date, maxDays = 400): Period[] {
  if (to.getTime() <= from.getTime()) return [];
  if (to.getTime() - from.getTime() > maxDays * DAY) throw new RangeError(`interval longer than ${maxDays} days`);
  const out: Period[] = [];
  const seen = new Set<string>();
  // A period with its cut-off in the window holds a date between the day before `from` and `to` (local):
  // the daily date itself, the weekly cut-off weekday, the monthly due date's eve.
  const last = localDate(to);
  for (let d = shiftDate(localDate(from), -1); d <= last; d = shiftDate(d, 1)) {
    const p = periodOf(rule, d);
    if (seen.has(p.start)) continue;
    seen.add(p.start);
    const t = Date.parse(p.cutoffAt);
    if (t > from.getTime() && t <= to.getTime() && !p.dayOff) out.push(p);
  }
  return out.sort((a, b) => a.cutoffAt.localeCompare(b.cutoffAt));
}

/** The first cut-off strictly after an instant (days off skipped); null if none within `horizonDays`. */
export function nextCutoff(rule: ScheduleRule, after: Date, horizonDays = 400): Period | null {
  const step = 45;
  for (let k = 0; k * step < horizonDays; k++) {
    const from = new Date(after.getTime() + k * step * DAY);
    const found = cutoffsBetween(rule, from, new Date(from.getTime() + step * DAY))[0];
    if (found) return found;
  }
  return null;
}

/** The latest cut-off at or before an instant (days off skipped); null if none within `horizonDays`. */
export function lastCutoff(rule: ScheduleRule, at: Date, horizonDays = 400): Period | null {
  const step = 45;
  for (let k = 0; k * step < horizonDays; k++) {
    const to = new Date(at.getTime() - k * step * DAY);
    const found = cutoffsBetween(rule, new Date(to.getTime() - step * DAY), to);
    if (found.length) return found[found.length - 1]!;
  }
  return null;
}
