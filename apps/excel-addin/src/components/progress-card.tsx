import { Badge, Caption1, Text } from "@fluentui/react-components";
import { formatDate, formatNumber, formatPercent, formatProgress, type Locale } from "@sohoa/core";
import { translate } from "../i18n";
import { stack } from "../layout";
import type { Tr } from "../tr";
import type { UnitData } from "../validation";

const forecastColor = (s: string) => (s === "on_track" || s === "done" ? "success" : s === "no_data" ? "informative" : s === "at_risk" ? "warning" : "danger");

export function ProgressCard({ data, locale, tr }: { data: UnitData; locale: Locale; tr: Tr }) {
  const u = data.progress.unit;
  return (
    <section aria-label={tr("progress.title")} style={stack(4)} data-testid="progress">
      <Caption1>{tr("progress.asOf", { date: formatDate(data.progress.date, locale) })}</Caption1>
      <Text>{translate("metric.completion", locale)}: <Text weight="semibold" data-testid="progress-line">{formatProgress(u.counts.entriesDigitized, u.counts.entriesTotal, locale)}</Text></Text>
      <Text data-testid="deadline">{translate("metric.deadline", locale)}: {u.deadline ? formatDate(u.deadline, locale) : tr("progress.noDeadline")}</Text>
      {u.rank !== null && <Text data-testid="rank">{translate("metric.rank", locale)}: {u.rank}/{u.siblings}</Text>}
      {u.target && (
        <Text data-testid="target">
          {tr("progress.target")}: {formatNumber(u.target.achieved, locale)}/{formatNumber(u.target.entriesTarget, locale)}
          {u.target.percent !== null ? ` (${formatPercent(u.target.percent, locale)})` : ""}
        </Text>
      )}
      <div>
        <Badge data-testid="forecast" appearance="tint" color={forecastColor(u.forecast.status)}>{translate(`forecast.${u.forecast.status}`, locale)}</Badge>{" "}
        <Text size={200}>{u.forecast.reason[locale]}</Text>
      </div>
    </section>
  );
}
