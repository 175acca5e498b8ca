import { useTranslate, useGetLocale } from "@refinedev/core";
import { Tag, Tooltip } from "antd";
import type { Forecast } from "../../lib/api-types";
import { FORECAST_COLOR, forecastReason, normalizeForecastStatus } from "../../lib/dashboard";

export function ForecastTag({ forecast }: { forecast: Forecast | null }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const status = normalizeForecastStatus(forecast);
  const reason = forecastReason(forecast, lang, (required, rate) => t("dashboard.reason", { required, rate }));
  const tag = <Tag color={FORECAST_COLOR[status]} data-status={status}>{t(`dashboard.forecast.${status}`)}</Tag>;
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
