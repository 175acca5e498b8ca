import { useTranslate, useGetLocale } from "@refinedev/core";
import { Card, Col, List, Typography } from "antd";
import type { UnitProgress } from "@sohoa/contract";
import { atRiskUnits, forecastReason, laggards } from "../../lib/dashboard";
import { LAGGARD_RULE } from "@sohoa/core";
import { formatDate, formatPercent, formatProgress } from "../../lib/format";
import { ForecastTag } from "./forecast-tag";

export function RiskLists({ units: children, onOpen }: { units: UnitProgress[]; onOpen: (u: UnitProgress) => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const lag = laggards(children);
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
              <List.Item.Meta title={u.name} description={[formatProgress(u.counts.entriesDigitized, u.counts.entriesTotal), u.deadline ? `${t("dashboard.deadline")} ${formatDate(u.deadline)}` : null, reason(u)].filter(Boolean).join(" · ")} />
            </List.Item>
          )}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }} data-testid="laggard-rule">{LAGGARD_RULE[lang]}</Typography.Paragraph>
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
