/**
 * Formatting for the console: core's Vietnamese formatters (`642.806/1.443.893 (44,5%)`, dd/mm/yyyy), made
 * tolerant of the nulls the API uses for "not applicable" (shown as "—"), plus instants in Asia/Ho_Chi_Minh.
 * Numbers follow the console's language (642.806 / 44,5% in Vietnamese, 642,806 / 44.5% in English); dates are
 * dd/mm/yyyy in both, as the date pickers take them. The official report stays a Vietnamese document (server-side).
 */
import { completion, formatDate as coreFormatDate, formatGrowth as coreFormatGrowth, formatNumber as coreFormatNumber, formatPercent as coreFormatPercent, formatProgress as coreFormatProgress } from "@sohoa/core";

const TZ = "Asia/Ho_Chi_Minh";
let lang: "vi" | "en" = "vi";
/** Set by the i18n provider when the language is chosen or changed. */
export function setFormatLocale(l: "vi" | "en"): void {
  lang = l;
}
const ok = (n: number | null | undefined): n is number => n !== null && n !== undefined && Number.isFinite(n);

export function formatNumber(n: number | null | undefined): string {
  return ok(n) ? coreFormatNumber(n, lang) : "—";
}

/** 0.445 → "44,5%" */
export function formatPercent(ratio: number | null | undefined): string {
  return ok(ratio) ? coreFormatPercent(ratio, lang) : "—";
}

/** Growth as a signed percentage: 3.73 → "+373%", -0.12 → "−12%". */
export function formatGrowth(ratio: number | null | undefined): string {
  return ok(ratio) ? coreFormatGrowth(ratio, lang) : "—";
}

export function ratio(part: number, whole: number): number | null {
  return completion(part, whole);
}

/** "642.806/1.443.893 (44,5%)" */
export function formatProgress(done: number, total: number): string {
  return coreFormatProgress(done, total, lang);
}

/** "642.806/1.443.893 — 44,5%", the dashboard headline form. */
export function formatCompletionLine(done: number, total: number): string {
  return `${formatNumber(done)}/${formatNumber(total)} — ${formatPercent(ratio(done, total))}`;
}

/** A calendar date "2025-02-18" → "18/02/2025" (a date, not an instant: no time-zone shift). */
export function formatDate(date: string | null | undefined): string {
  return date ? coreFormatDate(date) : "—";
}

const instantNf = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TZ, hourCycle: "h23" });

/** An instant → "18/02/2025 17:00" in Asia/Ho_Chi_Minh. Intl vi-VN puts the time first; we want date first. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(instantNf.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "17:00" from minutes after midnight. */
export function minutesToTime(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
