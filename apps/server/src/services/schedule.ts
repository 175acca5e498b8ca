/**
 * Reporting periods and cut-offs in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): daily at a time, weekly on a
 * weekday at a time (Friday 18:00), monthly before a day of the month (before the 16th). Pure functions.
 */
export type Cadence = "DAILY" | "WEEKLY" | "MONTHLY";
export interface ScheduleRule { cadence: Cadence; cutoffMinutes: number; weekday?: number | null; monthDay?: number | null; daysOff?: unknown }
export interface Period { start: string; end: string; cutoffAt: string; dayOff: boolean }

const OFFSET_MS = 7 * 3600_000;
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** A local wall-clock time on a local date, as a UTC instant. */
export const localInstant = (date: string, minutes: number) => new Date(ms(date) + minutes * 60_000 - OFFSET_MS);
/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((new Date(ms(date)).getUTCDay() + 6) % 7) + 1;

function isDayOff(rule: ScheduleRule, date: string): boolean {
  const off = Array.isArray(rule.daysOff) ? rule.daysOff : [];
  return off.includes(date) || off.includes(isoWeekday(date));
}

/** The period a date belongs to, with its cut-off. */
export function periodOf(rule: ScheduleRule, date: string): Period {
  if (rule.cadence === "DAILY") {
    return { start: date, end: date, cutoffAt: localInstant(date, rule.cutoffMinutes).toISOString(), dayOff: isDayOff(rule, date) };
  }
  if (rule.cadence === "WEEKLY") {
    const monday = iso(ms(date) - (isoWeekday(date) - 1) * DAY);
    const cutoffDay = iso(ms(monday) + ((rule.weekday ?? 5) - 1) * DAY);
    return { start: monday, end: iso(ms(monday) + 6 * DAY), cutoffAt: localInstant(cutoffDay, rule.cutoffMinutes).toISOString(), dayOff: false };
  }
  // MONTHLY: due before `monthDay` (16 → the report covers the 16th of last month to the 15th).
  const d = rule.monthDay ?? 16;
  const [y, m, dd] = date.split("-").map(Number) as [number, number, number];
  const dueMonth = dd >= d ? m + 1 : m;
  const due = new Date(Date.UTC(y, dueMonth - 1, d));
  const start = new Date(Date.UTC(y, dueMonth - 2, d));
  return { start: iso(start.getTime()), end: iso(due.getTime() - DAY), cutoffAt: localInstant(iso(due.getTime()), rule.cutoffMinutes).toISOString(), dayOff: false };
}
