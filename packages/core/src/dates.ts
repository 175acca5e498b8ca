/** Calendar dates as yyyy-mm-dd strings, in UTC arithmetic (a calendar date has no time zone of its own). */

const DAY_MS = 86_400_000;
/** Vietnam's offset from UTC (Asia/Ho_Chi_Minh, no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** "2025-02-27" + 2 → "2025-03-01". */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date in Asia/Ho_Chi_Minh at the instant `now` (the clock is passed in: core reads none). */
export function todayInVietnam(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
