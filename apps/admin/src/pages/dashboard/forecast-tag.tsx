import { useTranslate, useGetLocale } from "@refinedev/core";
import { Tag } from "antd";
import type { Forecast } from "@sohoa/contract";
import { FORECAST_COLOR, forecastReason, forecastStatus } from "../../lib/dashboard";

export function ForecastTag({ forecast }: { forecast: Forecast | null }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const status = forecastStatus(forecast);
  const reason = forecastReason(forecast, lang, (required, rate) => t("dashboard.reason", { required, rate }));
  // the reason as a native tooltip: an antd Tooltip per row costs more than the whole row on a 233-unit table
  return <Tag color={FORECAST_COLOR[status]} data-status={status} title={reason ?? undefined}>{t(`dashboard.forecast.${status}`)}</Tag>;
}
