/**
 * Pure rules behind the dashboard: forecast status colours and reasons, laggards and at-risk lists,
 * breadcrumbs limited to the person's scope.
 */
import type { Forecast, ForecastStatus, UnitProgress, UnitSummary } from "@sohoa/contract";
import { laggingUnits } from "@sohoa/core";
import { formatNumber } from "./format";

/** A unit's forecast status as the server sends it (core's), or "unknown" when it has none. */
export type ForecastState = ForecastStatus | "unknown";
export function forecastStatus(f: Forecast | null | undefined): ForecastState {
  return f?.status ?? "unknown";
}

export const FORECAST_COLOR: Record<ForecastState, string> = {
  on_track: "green", at_risk: "orange", will_miss: "red", done: "blue", no_data: "default", unknown: "default",
};

/** "needs 1.250 entries/day, does 310": the server's reason when given, else built from the rates. */
export function forecastReason(f: Forecast | null | undefined, lang: "vi" | "en", template: (required: string, rate: string) => string): string | null {
  if (!f) return null;
  if (f.reason?.[lang]) return f.reason[lang];
  if (f.requiredRate === null) return null;
  return template(formatNumber(Math.ceil(f.requiredRate)), formatNumber(Math.round(f.dailyRate ?? 0)));
}

/** Children that are at risk or will miss, the worst (largest gap between required and actual rate) first. */
export function atRiskUnits(children: UnitProgress[]): UnitProgress[] {
  const gap = (u: UnitProgress) => (u.forecast.requiredRate ?? 0) - (u.forecast.dailyRate ?? 0);
  const order = (u: UnitProgress) => (u.forecast.status === "will_miss" ? 0 : 1);
  return children
    .filter((u) => u.forecast.status === "at_risk" || u.forecast.status === "will_miss")
    .sort((a, b) => order(a) - order(b) || gap(b) - gap(a));
}

/** Laggards by core's rule of "chậm tiến độ" (LAGGARD_RULE, said on the card), lowest completion first. */
export function laggards(children: UnitProgress[]): UnitProgress[] {
  return laggingUnits(children, (u) => ({ level: u.level, completion: u.completion, entriesTotal: u.counts.entriesTotal, dailyRate: u.forecast.dailyRate, requiredRate: u.forecast.requiredRate }));
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
