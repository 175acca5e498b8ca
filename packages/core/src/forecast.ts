/**
 * Forecast per unit: the recent daily rate (over a window, robust to missing days and weekends because the
 * series is cumulative), the projected finish date, the daily rate required to meet the deadline, and a
 * status — done / on track / at risk / will miss / no data — with the reason in words.
 */
import { formatDate, formatNumber } from "./format";
import type { Message } from "./types";
import { TERMS } from "./glossary";

export type ForecastStatus = "done" | "on_track" | "at_risk" | "will_miss" | "no_data";

export interface Forecast {
  status: ForecastStatus;
  dailyRate: number | null;
  requiredRate: number | null;
  projectedFinish: string | null;
  remaining: number;
  daysLeft: number | null;
  reason: Message;
}

export interface ForecastInput {
  /** cumulative entries digitized by date (any order, gaps allowed) */
  series: readonly { date: string; value: number }[];
  total: number;
  today: string;
  deadline?: string | null;
  /** days of history used for the rate (default 14) */
  windowDays?: number;
  /** count only Monday–Friday, for both the rate and the days left */
  workingDaysOnly?: boolean;
}

const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
// Dashboards forecast every child unit on every view, over the same few dozen dates: parse each date once.
const parsed = new Map<string, number>();
/** Milliseconds of a yyyy-mm-dd date (NaN for anything else). */
const t = (iso: string) => {
  let ms = parsed.get(iso);
  if (ms === undefined) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(iso, (ms = ISO_DAY.test(iso) ? Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) : NaN));
  }
  return ms;
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function workingDaysBetween(fromMs: number, toMs: number): number {
  let n = 0;
  for (let d = fromMs + DAY; d <= toMs; d += DAY) {
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

function addWorkingDays(fromMs: number, n: number): number {
  let left = Math.ceil(n);
  if (!Number.isFinite(left) || left > 36_500) return fromMs + 36_501 * DAY * 2; // beyond any forecast: no day-by-day walk
  // whole weeks at once (5 working days = 7 days), the rest day by day
  const weeks = Math.max(0, Math.floor((left - 1) / 5));
  let d = fromMs + weeks * 7 * DAY;
  left -= weeks * 5;
  while (left > 0) {
    d += DAY;
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

/** Latest value on or before a date (the series is cumulative). */
/** The value of the latest point at or before `ms` (points carry their parsed time). */
function valueAt(points: readonly { ms: number; value: number }[], ms: number): number | null {
  let best: { ms: number; value: number } | null = null;
  for (const p of points) if (p.ms <= ms && (!best || p.ms > best.ms)) best = p;
  return best ? best.value : null;
}

export function forecastCompletion(raw: ForecastInput): Forecast {
  // Points with a bad date or value are ignored, not thrown on (the series comes from stored reports).
  const series = (raw.series ?? []).filter((p) => p && typeof p.date === "string" && Number.isFinite(p.value) && Number.isFinite(t(p.date)));
  const points = series.map((p) => ({ ms: t(p.date), value: p.value }));
  const input: ForecastInput = { ...raw, series, total: Number.isFinite(raw.total) ? raw.total : 0 };
  const window = Math.max(1, Math.floor(input.windowDays ?? 14));
  const today = t(input.today);
  const nowValue = valueAt(points, today);
  const remaining = Math.max(0, input.total - (nowValue ?? 0));
  const deadlineMs = input.deadline ? t(input.deadline) : null;
  const span = (a: number, b: number) => (input.workingDaysOnly ? workingDaysBetween(a, b) : Math.round((b - a) / DAY));
  const daysLeft = deadlineMs === null ? null : Math.max(0, span(today, deadlineMs));
  const n = (x: number, l: "vi" | "en") => formatNumber(Math.round(x), l);

  if (input.total <= 0 || nowValue === null) {
    return { status: "no_data", dailyRate: null, requiredRate: null, projectedFinish: null, remaining, daysLeft, reason: { vi: "chưa có số liệu", en: "no figures yet" } };
  }
  if (remaining === 0) {
    return { status: "done", dailyRate: null, requiredRate: 0, projectedFinish: null, remaining, daysLeft, reason: { vi: "đã hoàn thành", en: "done" } };
  }
  const startMs = today - window * DAY;
  const startValue = valueAt(points, startMs);
  const firstMs = Math.min(...points.map((p) => p.ms));
  // With less history than the window, use what there is.
  const fromMs = startValue === null ? firstMs : startMs;
  const fromValue = startValue ?? valueAt(points, firstMs) ?? 0;
  const days = span(fromMs, today);
  const dailyRate = days > 0 ? Math.max(0, (nowValue - fromValue) / days) : null;
  const requiredRate = daysLeft === null ? null : daysLeft > 0 ? remaining / daysLeft : remaining;
  const finishAt = dailyRate && dailyRate > 0 ? (input.workingDaysOnly ? addWorkingDays(today, remaining / dailyRate) : today + Math.ceil(remaining / dailyRate) * DAY) : null;
  // A finish more than a century away is no forecast (and past year 9999 no date Date can write as yyyy-mm-dd).
  const projectedFinish = finishAt !== null && finishAt - today <= 36_500 * DAY ? iso(finishAt) : null;

  if (dailyRate === null) {
    return { status: "no_data", dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: { vi: "chưa đủ số liệu để dự báo", en: "not enough history to forecast" } };
  }
  const needs: Message = requiredRate === null ? { vi: "", en: "" } : { vi: `cần ${n(requiredRate, "vi")} dữ liệu/ngày, hiện đạt ${n(dailyRate, "vi")}`, en: `needs ${n(requiredRate, "en")} entries/day, does ${n(dailyRate, "en")}` };
  if (deadlineMs === null || requiredRate === null) {
    if (dailyRate > 0) return { status: "on_track", dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: projectedFinish ? { vi: `dự kiến xong ngày ${formatDate(projectedFinish)}`, en: `expected to finish on ${formatDate(projectedFinish, "en")}` } : { vi: "tiến độ quá chậm để dự báo ngày xong", en: "too slow to forecast a finish date" } };
    return { status: "at_risk", dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: { vi: "không có tiến độ trong thời gian gần đây", en: "no progress recently" } };
  }
  if (daysLeft === 0) {
    return { status: "will_miss", dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: { vi: `đã quá hạn ${formatDate(input.deadline!)}, còn ${n(remaining, "vi")} dữ liệu`, en: `past the deadline ${formatDate(input.deadline!, "en")}, ${n(remaining, "en")} entries left` } };
  }
  if (dailyRate >= requiredRate) {
    return { status: "on_track", dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: projectedFinish ? { vi: `dự kiến xong ngày ${formatDate(projectedFinish)}, trước hạn ${formatDate(input.deadline!)}`, en: `expected to finish on ${formatDate(projectedFinish, "en")}, before the deadline ${formatDate(input.deadline!, "en")}` } : { vi: `trước hạn ${formatDate(input.deadline!)}`, en: `before the deadline ${formatDate(input.deadline!, "en")}` } };
  }
  const status: ForecastStatus = dailyRate >= 0.7 * requiredRate ? "at_risk" : "will_miss";
  return { status, dailyRate, requiredRate, projectedFinish, remaining, daysLeft, reason: needs };
}

export const FORECAST_LABELS: Record<ForecastStatus, Message> = {
  done: { vi: "Đã hoàn thành", en: "Done" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  at_risk: { vi: "Có nguy cơ chậm", en: "At risk" },
  will_miss: TERMS.willMiss,
  no_data: { vi: "Chưa có số liệu", en: "No data" },
};
