/**
 * The report as the server builds it (GET /api/reports/preview, the same JSON the .xlsx and PDF are written
 * from): header lines, the grouped table with subtotals and the total, the three bands, the units that did not
 * report, and the legend of how the columns are computed.
 */
import { useTranslate } from "@refinedev/core";
import { Card, Col, List, Row, Table, Tag, Typography } from "antd";
import type { ReportData, ReportLine, ReportListItem } from "@sohoa/contract";
import { FORECAST_COLOR } from "../../lib/dashboard";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../lib/format";

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
const LINE_STYLE: Record<ReportLine["kind"], React.CSSProperties | undefined> = {
  row: undefined,
  subtotal: { fontWeight: 600, background: "#f5f5f5" },
  total: { fontWeight: 700, background: "#fff7e0" },
};

export function ReportTable({ data }: { data: ReportData }) {
  const t = useTranslate();
  const rows = [...data.groups.flatMap((g) => [...(g.subtotal ? [g.subtotal] : []), ...g.rows]), data.total];
  const right = { align: "right" as const };
  return (
    <Table<ReportLine>
      data-testid="report-table"
      size="small"
      rowKey={(r) => `${r.kind}-${r.unit.id}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900, y: 420 }}
      onRow={(r) => ({ style: LINE_STYLE[r.kind], "data-kind": r.kind } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { key: "no", title: t("reporting.reports.columns.no"), width: 44, align: "center", render: (_, r) => r.no ?? "" },
        { key: "name", title: t("reporting.reports.columns.name"), width: 200, render: (_, r) => (r.kind === "total" ? `${t("reporting.reports.total")} (${r.unit.fullName})` : r.unit.fullName) },
        { key: "code", title: t("reporting.reports.columns.code"), width: 64, render: (_, r) => r.unit.code },
        { key: "entriesTotal", title: t("reporting.reports.columns.entriesTotal"), width: 100, ...right, render: (_, r) => formatNumber(r.entriesTotal) },
        { key: "entriesDigitized", title: t("reporting.reports.columns.entriesDigitized"), width: 100, ...right, render: (_, r) => formatNumber(r.entriesDigitized) },
        { key: "completion", title: t("reporting.reports.columns.completion"), width: 84, ...right, render: (_, r) => formatPercent(r.completion) },
        { key: "change", title: <span title={t("reporting.reports.columns.changeHelp")}>{t("reporting.reports.columns.change")}</span>, width: 90, ...right, render: (_, r) => signed(r.change) },
        {
          key: "targetPercent", title: `${t("reporting.reports.columns.targetPercent")} (*)`, width: 90, ...right,
          render: (_, r) => <span title={r.entriesTarget !== null && r.periodDigitized !== undefined ? `${formatNumber(r.periodDigitized)}/${formatNumber(r.entriesTarget)}` : undefined}>{formatPercent(r.targetPercent)}</span>,
        },
        { key: "forecast", title: t("reporting.reports.columns.forecast"), width: 116, render: (_, r) => <Tag color={FORECAST_COLOR[r.forecast.status] ?? "default"} title={r.forecast.reason}>{r.forecast.label}</Tag> },
      ]}
    />
  );
}

function BandList({ title, items, testId }: { title: string; items: ReportListItem[]; testId: string }) {
  const t = useTranslate();
  return (
    <Card size="small" title={`${title}: ${t("reporting.reports.units", { count: items.length })}`} data-testid={testId} styles={{ body: { padding: "4px 12px" } }}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: "—" }}
        style={{ maxHeight: 200, overflow: "auto" }}
        renderItem={(it) => (
          <List.Item style={{ padding: "2px 0" }}>
            <span>{it.fullName}{it.district ? <Typography.Text type="secondary"> · {it.district}</Typography.Text> : null}</span>
            <span>{formatPercent(it.completion)}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function ReportView({ data }: { data: ReportData }) {
  const t = useTranslate();
  const c = data.compliance;
  return (
    <div data-testid="report-view">
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={10} style={{ textAlign: "center" }}>
          <Typography.Text strong>{data.header.agency}</Typography.Text>
          <div><Typography.Text type="secondary">{data.header.number}</Typography.Text></div>
        </Col>
        <Col span={14} style={{ textAlign: "center" }}>
          <Typography.Text strong>{data.header.nation}</Typography.Text>
          <div><Typography.Text strong underline>{data.header.motto}</Typography.Text></div>
          <div><Typography.Text italic>{data.header.dateLine}</Typography.Text></div>
        </Col>
      </Row>
      <div style={{ textAlign: "center", marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{data.title}</Typography.Title>
        <Typography.Text strong>{data.subtitle}</Typography.Text>
        <div><Typography.Text italic>{data.periodLine}</Typography.Text></div>
      </div>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="report-progress">{data.progressLine}</Typography.Text>
        <Typography.Text type="secondary"> · {t("reporting.reports.periodRange", { start: formatDate(data.period.start), end: formatDate(data.period.end) })} · {t("reporting.reports.asOf", { date: formatDate(data.asOf) })}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="report-summary">{data.summary}</Typography.Paragraph>
      <ReportTable data={data} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={8}><BandList title={t("reporting.reports.lists.zero")} items={data.lists.zero} testId="report-list-zero" /></Col>
        <Col xs={24} lg={8}><BandList title={t("reporting.reports.lists.under10")} items={data.lists.under10} testId="report-list-under10" /></Col>
        <Col xs={24} lg={8}><BandList title={t("reporting.reports.lists.under50")} items={data.lists.under50} testId="report-list-under50" /></Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        data-testid="report-not-reported"
        title={`${t("reporting.reports.lists.notReported")} (${t("reporting.cutoff").toLowerCase()} ${formatDateTime(c.cutoffAt)})`}
        extra={c.dayOff ? null : <Typography.Text type="secondary">{t("reporting.reports.complianceLine", { onTime: c.onTime, total: c.reportingUnits, late: c.late, missing: c.missing })}</Typography.Text>}
        styles={{ body: { padding: "4px 12px" } }}
      >
        {c.dayOff ? (
          <Typography.Text>{t("reporting.reports.dayOff")}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={c.notReported}
            locale={{ emptyText: "—" }}
            style={{ maxHeight: 220, overflow: "auto" }}
            renderItem={(it) => (
              <List.Item style={{ padding: "2px 0" }}>
                <span>{it.fullName}{it.district ? <Typography.Text type="secondary"> · {it.district}</Typography.Text> : null}</span>
                {it.status === "missing" ? <Tag color="red">{t("reporting.reports.missing")}</Tag> : <Tag color="orange">{t("reporting.reports.lateAt", { time: formatDateTime(it.submittedAt) })}</Tag>}
              </List.Item>
            )}
          />
        )}
      </Card>
      {data.legend?.length ? (
        <Card size="small" style={{ marginTop: 12 }} title={t("reporting.reports.legend")} data-testid="report-legend">
          {data.legend.map((l) => (
            <Typography.Paragraph key={l} type="secondary" style={{ marginBottom: 4, fontSize: 12 }}>{l.startsWith("Tỷ lệ đạt") ? "(*) " : "• "}{l}</Typography.Paragraph>
          ))}
        </Card>
      ) : null}
    </div>
  );
}
