import { useTranslate, useGetLocale } from "@refinedev/core";
import { Card, Col, List, Typography } from "antd";
import type { UnitProgress } from "../../lib/api-types";
import { atRiskUnits, forecastReason, laggards } from "../../lib/dashboard";
import { formatPercent, formatProgress } from "../../lib/format";
import { ForecastTag } from "./forecast-tag";

export function RiskLists({ units: children, parentCompletion, onOpen }: { units: UnitProgress[]; parentCompletion: number | null; onOpen: (u: UnitProgress) => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const lag = laggards(children, parentCompletion);
  const risk = atRiskUnits(children).slice(0, 10);
  const reason = (u: UnitProgress) => forecastReason(u.forecast, lang, (required, rate) => t("dashboard.reason", { required, rate }));
  return (
    <>
      <Col xs={24} lg={12}>
      <Card size="small" title={t("dashboard.laggards")} data-testid="laggards" style={{ height: "100%" }}>
        <List
          size="small"
          dataSource={lag}
          locale={{ emptyText: t("dashboard.noLaggards") }}
          renderItem={(u) => (
            <List.Item onClick={() => onOpen(u)} style={{ cursor: "pointer" }} extra={<Typography.Text strong>{formatPercent(u.completion)}</Typography.Text>}>
              <List.Item.Meta title={u.name} description={formatProgress(u.counts.entriesDigitized, u.counts.entriesTotal)} />
            </List.Item>
          )}
        />
      </Card>
      </Col>
      <Col xs={24} lg={12}>
      <Card size="small" title={t("dashboard.atRisk")} data-testid="at-risk" style={{ height: "100%" }}>
        <List
          size="small"
          dataSource={risk}
          locale={{ emptyText: t("dashboard.noAtRisk") }}
          renderItem={(u) => (
            <List.Item onClick={() => onOpen(u)} style={{ cursor: "pointer" }} extra={<ForecastTag forecast={u.forecast} />}>
              <List.Item.Meta title={u.name} description={reason(u) ?? formatPercent(u.completion)} />
            </List.Item>
          )}
        />
      </Card>
      </Col>
    </>
  );
}
