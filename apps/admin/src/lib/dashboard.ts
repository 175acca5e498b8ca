/**
 * Pure rules behind the dashboard: forecast status normalisation and reasons, laggards and at-risk lists,
 * breadcrumbs limited to the person's scope.
 */
import type { Forecast, Msg, UnitProgress, UnitSummary } from "./api-types";
import { laggingUnits } from "@sohoa/core";
import { formatNumber } from "./format";

export type ForecastStatus = "ON_TRACK" | "AT_RISK" | "WILL_MISS" | "DONE" | "NO_DATA" | "NO_DEADLINE" | "UNKNOWN";

/** core's forecast status in whatever casing it comes ("at_risk", "atRisk", "AT_RISK") → one of ours. */
export function normalizeForecastStatus(f: Forecast | null | undefined): ForecastStatus {
  const raw = (f?.status ?? "").replace(/([a-z])([A-Z])/g, "$1_$2").replace(/[-\s]/g, "_").toUpperCase();
  switch (raw) {
    case "ON_TRACK": case "AHEAD": return "ON_TRACK";
    case "AT_RISK": case "BEHIND": return "AT_RISK";
    case "WILL_MISS": case "MISSED": case "OFF_TRACK": case "OVERDUE": return "WILL_MISS";
    case "DONE": case "COMPLETE": case "COMPLETED": case "FINISHED": return "DONE";
    case "NO_DATA": case "INSUFFICIENT_DATA": case "UNKNOWN_RATE": case "STALLED": return raw === "STALLED" ? "WILL_MISS" : "NO_DATA";
    case "NO_DEADLINE": return "NO_DEADLINE";
    default: return "UNKNOWN";
  }
}

export const FORECAST_COLOR: Record<ForecastStatus, string> = {
  ON_TRACK: "green", AT_RISK: "orange", WILL_MISS: "red", DONE: "blue", NO_DATA: "default", NO_DEADLINE: "default", UNKNOWN: "default",
};

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Forecast's required and actual daily rates, whichever names core uses. */
export function forecastRates(f: Forecast | null | undefined): { required: number | null; rate: number | null } {
  if (!f) return { required: null, rate: null };
  const required = num(f.requiredRate) ?? num(f.requiredDailyRate);
  const rate = num(f.dailyRate);
  return { required, rate };
}

/** "needs 1.250 entries/day, does 310": core's own message when given, else built from the rates. */
export function forecastReason(f: Forecast | null | undefined, lang: "vi" | "en", template: (required: string, rate: string) => string): string | null {
  if (!f) return null;
  const msg = (f.reason ?? f["message"]) as Msg | string | null | undefined;
  if (msg && typeof msg === "object" && msg[lang]) return msg[lang];
  if (typeof msg === "string" && msg) return msg;
  const { required, rate } = forecastRates(f);
  if (required === null) return null;
  return template(formatNumber(Math.ceil(required)), formatNumber(Math.round(rate ?? 0)));
}

/** Children that are at risk or will miss, the worst (largest gap between required and actual rate) first. */
export function atRiskUnits(children: UnitProgress[]): UnitProgress[] {
  const gap = (u: UnitProgress) => {
    const { required, rate } = forecastRates(u.forecast);
    return (required ?? 0) - (rate ?? 0);
  };
  const order: Record<ForecastStatus, number> = { WILL_MISS: 0, AT_RISK: 1, ON_TRACK: 9, DONE: 9, NO_DATA: 9, NO_DEADLINE: 9, UNKNOWN: 9 };
  return children
    .filter((u) => { const s = normalizeForecastStatus(u.forecast); return s === "AT_RISK" || s === "WILL_MISS"; })
    .sort((a, b) => order[normalizeForecastStatus(a.forecast)] - order[normalizeForecastStatus(b.forecast)] || gap(b) - gap(a));
}

/** Laggards by core's rule of "chậm tiến độ" (LAGGARD_RULE, said on the card), lowest completion first. */
export function laggards(children: UnitProgress[]): UnitProgress[] {
  return laggingUnits(children, (u) => ({ level: u.level, completion: u.completion, entriesTotal: u.counts.entriesTotal, ...forecastRatesOf(u) }));
}

function forecastRatesOf(u: UnitProgress): { dailyRate: number | null; requiredRate: number | null } {
  const { required, rate } = forecastRates(u.forecast);
  return { dailyRate: rate, requiredRate: required };
}

export interface Crumb { code: string; name: string; link: boolean }

/**
 * Breadcrumbs root first. Ancestors above the person's own unit are shown but not linked: the server would
 * refuse them (a commune official cannot open the province).
 */
export function breadcrumbs(ancestors: UnitSummary[], current: UnitSummary, scope: { code: string; level: string } | null): Crumb[] {
  const chain = [...ancestors, current];
  const scopeIndex = scope ? (scope.level === "NATION" ? 0 : chain.findIndex((u) => u.code === scope.code)) : 0;
  return chain.map((u, i) => ({ code: u.code, name: u.name, link: i !== chain.length - 1 && scopeIndex >= 0 && i >= scopeIndex }));
}

export const BUCKETS = ["zero", "under10", "under50", "under100", "done"] as const;
export const BUCKET_COLORS: Record<(typeof BUCKETS)[number], string> = {
  zero: "#8c1d18", under10: "#d4380d", under50: "#fa8c16", under100: "#7cb305", done: "#237804",
};
