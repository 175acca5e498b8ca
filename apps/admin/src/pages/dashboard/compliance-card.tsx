import { useState } from "react";
import { useTranslate } from "@refinedev/core";
import { Card, Col, List, Row, Segmented, Typography, Badge } from "antd";
import type { Compliance, ComplianceRow, PeriodParam as Period } from "@sohoa/contract";
import { formatDate, formatDateTime } from "../../lib/format";
import { ErrorState, LoadingState } from "../../components/states";
import { useApiGet } from "./use-api";


/** Who reported before the cut-off (Asia/Ho_Chi_Minh, computed by the server), who was late, who is missing. */
export function ComplianceCard({ unitCode, date }: { unitCode: string; date: string | undefined }) {
  const t = useTranslate();
  const [period, setPeriod] = useState<Period>("day");
  const { data, isLoading, error, refetch } = useApiGet<Compliance>("/compliance", { unit: unitCode, period, date }, Boolean(date));
  const column = (key: "onTime" | "late" | "missing", color: string, rows: ComplianceRow[]) => (
    <Col xs={24} md={8} key={key}>
      <Typography.Text strong><Badge color={color} /> {t(`dashboard.${key}`)} ({rows.length})</Typography.Text>
      <List
        size="small"
        dataSource={rows}
        data-testid={`compliance-${key}`}
        style={{ maxHeight: 220, overflow: "auto" }}
        locale={{ emptyText: "—" }}
        renderItem={(r) => (
          <List.Item style={{ padding: "2px 0" }}>
            <span>{r.unit.name}</span>
            {r.submittedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(r.submittedAt)}</Typography.Text>}
          </List.Item>
        )}
      />
    </Col>
  );
  return (
    <Card
      size="small"
      title={t("dashboard.compliance")}
      extra={<Segmented size="small" value={period} onChange={(v) => setPeriod(v as Period)} options={(["day", "week", "month"] as const).map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))} />}
      data-testid="compliance"
    >
      {isLoading ? (
        <LoadingState rows={3} />
      ) : error ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : data ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {formatDate(data.period.start)}{data.period.end !== data.period.start ? ` – ${formatDate(data.period.end)}` : ""} · {t("dashboard.cutoff")}: {formatDateTime(data.period.cutoffAt)}
          </Typography.Paragraph>
          <Row gutter={16}>
            {column("onTime", "green", data.onTime)}
            {column("late", "orange", data.late)}
            {column("missing", "red", data.missing)}
          </Row>
        </>
      ) : null}
    </Card>
  );
}
