/**
 * Vietnamese number/date formatting through Intl (vi-VN), the same output as core's formatters
 * (`642.806/1.443.893 (44,5%)`). Kept local because the console must render even if core's exports move;
 * format.test.ts pins the expected strings.
 */
const TZ = "Asia/Ho_Chi_Minh";
const intNf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const pctNf = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dec1 = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "—" : intNf.format(n);
}

/** 0.445 → "44,5%" */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? "—" : pctNf.format(ratio);
}

/** Growth as a signed percentage: 3.73 → "+373%", -0.1 → "−10%". */
export function formatGrowth(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  const pct = dec1.format(Math.abs(ratio) * 100);
  return `${ratio > 0 ? "+" : ratio < 0 ? "−" : ""}${pct}%`;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** "642.806/1.443.893 (44,5%)" */
export function formatProgress(done: number, total: number): string {
  return `${formatNumber(done)}/${formatNumber(total)} (${formatPercent(ratio(done, total))})`;
}

/** "642.806/1.443.893 — 44,5%", the dashboard headline form. */
export function formatCompletionLine(done: number, total: number): string {
  return `${formatNumber(done)}/${formatNumber(total)} — ${formatPercent(ratio(done, total))}`;
}

const dateNf = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const instantNf = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TZ, hourCycle: "h23" });

/** A calendar date "2025-02-18" → "18/02/2025" (no time zone shift: it is a date, not an instant). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return dateNf.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An instant → "18/02/2025 17:00" in Asia/Ho_Chi_Minh. Intl vi-VN puts the time first; we want date first. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(instantNf.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Today's calendar date in Asia/Ho_Chi_Minh, "yyyy-mm-dd". */
export function todayInVietnam(now: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
