/** Vietnamese (default) and English formatting through Intl: 642.806/1.443.893 (44,5%). */
import type { Locale } from "./types";

const tag = (l: Locale) => (l === "vi" ? "vi-VN" : "en-US");
const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, opts: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  const k = `${locale}|${key}`;
  let f = numberFormats.get(k);
  if (!f) numberFormats.set(k, (f = new Intl.NumberFormat(tag(locale), opts)));
  return f;
}

export function formatNumber(n: number, locale: Locale = "vi", digits = 0): string {
  return nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }, `n${digits}`).format(n);
}

/** A ratio (0.445) as a percentage ("44,5%"). */
export function formatPercent(ratio: number, locale: Locale = "vi", digits = 1): string {
  return nf(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }, `p${digits}`).format(ratio);
}

/** "642.806/1.443.893 (44,5%)" */
export function formatProgress(done: number, total: number, locale: Locale = "vi"): string {
  const pct = total > 0 ? formatPercent(done / total, locale) : "—";
  return `${formatNumber(done, locale)}/${formatNumber(total, locale)} (${pct})`;
}

/** A signed change as a percentage: +373%, −12,5%. */
export function formatGrowth(ratio: number, locale: Locale = "vi", digits = 0): string {
  const s = formatPercent(Math.abs(ratio), locale, digits);
  return ratio > 0 ? `+${s}` : ratio < 0 ? `−${s}` : s;
}

/** yyyy-mm-dd → 18/02/2025 (both languages use day-first in Vietnam's documents). */
export function formatDate(iso: string, _locale: Locale = "vi"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "ngày 18 tháng 02 năm 2025" as in the date line of an official document. */
export function formatDateInWords(iso: string, locale: Locale = "vi"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  if (locale === "en") return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
}
