/**
 * Reporting compliance of a unit's subtree: today / this week / this month (relative to the figures' date, by
 * default the latest report date in scope), on time / late / missing per expected unit with counts, filters,
 * a link to each unit's dashboard, and the history per period as stacked bars.
 */
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useList, useTranslate } from "@refinedev/core";
import { Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { Compliance, ComplianceHistory, ComplianceRow, PeriodParam, ReportingSchedule } from "@sohoa/contract";
import { formatDate, formatDateTime, formatNumber } from "../../lib/format";
import { matchesQuery } from "../../lib/text";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { UnitCodeSelect } from "../../components/unit-code-select";
import { DATE_FORMAT } from "../../components/form-items";
import { useApiGet } from "../dashboard/use-api";
import { CADENCE_OF, useReportParams } from "../reports/use-report-params";
import { ComplianceHistoryChart, STATUS_COLORS } from "./history-chart";

type Status = "onTime" | "late" | "missing";
type Row = ComplianceRow & { status: Status };
const TAB_OF: Record<PeriodParam, string> = { day: "today", week: "thisWeek", month: "thisMonth" };

export function CompliancePage() {
  const t = useTranslate();
  const { unit: ownOrChosen, unitChosen, userLevel, period, date, schedule, set } = useReportParams();
  const [status, setStatus] = useState<Status | undefined>();
  const [district, setDistrict] = useState<string | undefined>();
  const [q, setQ] = useState("");

  const schedules = useList<ReportingSchedule>({ resource: "schedules", filters: [{ field: "cadence", operator: "eq", value: CADENCE_OF[period] }, { field: "active", operator: "eq", value: "true" }], pagination: { pageSize: 100 } });
  // The whole country has no schedule of its own: a national user starts on the units with one in force (the
  // nearest to the top first), not on every commune of the country; with none anywhere, they pick a unit.
  const scheduled = [...(schedules.result.data ?? [])].sort((a, b) => a.unit.code.length - b.unit.code.length || a.unit.code.localeCompare(b.unit.code));
  const national = !unitChosen && userLevel === "NATION";
  const schedulesKnown = schedules.query.isSuccess || schedules.query.isError;
  const unit = !national ? ownOrChosen : !schedulesKnown ? "" : (scheduled[0]?.unit.code ?? "");
  const scheduledUnits = [...new Map(scheduled.map((s) => [s.unit.code, s.unit])).values()];
  const view = useApiGet<Compliance>("/compliance", { unit, period, date, schedule }, Boolean(unit));
  // Without a date the server takes the latest report date in scope for both.
  const history = useApiGet<ComplianceHistory>("/compliance/history", { unit, period, to: date, schedule }, Boolean(unit) && Boolean(view.data));

  const rows: Row[] = useMemo(() => {
    const d = view.data;
    if (!d) return [];
    return [...d.missing.map((r) => ({ ...r, status: "missing" as const })), ...d.late.map((r) => ({ ...r, status: "late" as const })), ...d.onTime.map((r) => ({ ...r, status: "onTime" as const }))];
  }, [view.data]);
  const districts = useMemo(() => [...new Map(rows.filter((r) => r.district).map((r) => [r.district!.code, r.district!])).values()].sort((a, b) => a.code.localeCompare(b.code)), [rows]);
  const shown = rows.filter((r) => (!status || r.status === status) && (!district || r.district?.code === district) && (!q || matchesQuery(`${r.unit.fullName} ${r.unit.code}`, q)));
  const counts = { onTime: view.data?.onTime.length ?? 0, late: view.data?.late.length ?? 0, missing: view.data?.missing.length ?? 0 };
  const refDate = date ?? (period === "day" ? view.data?.period.start : undefined);

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t("reporting.compliance.title")}</Typography.Title>} data-testid="compliance-page">
      <Space wrap style={{ marginBottom: 8 }}>
        <UnitCodeSelect date={refDate} value={unit || undefined} onChange={(v) => set({ unit: v })} placeholder={t("reporting.unit")} style={{ width: 240 }} />
        <DatePicker format={DATE_FORMAT} value={date ? dayjs(date) : null} onChange={(d) => set({ date: d ? d.format("YYYY-MM-DD") : undefined })} placeholder={t("reporting.date")} />
        <Select
          style={{ width: 300 }}
          value={schedule ?? ""}
          onChange={(v) => set({ schedule: v || undefined })}
          options={[{ value: "", label: t("reporting.scheduleAuto") }, ...(schedules.result.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${t(`levels.${s.level}`)}` }))]}
          aria-label={t("reporting.schedule")}
        />
        <Typography.Text type="secondary">{t("reporting.timezone")}</Typography.Text>
      </Space>
      <Tabs
        activeKey={period}
        onChange={(k) => set({ period: k, schedule: undefined })}
        items={(["day", "week", "month"] as const).map((p) => ({ key: p, label: t(`reporting.compliance.${TAB_OF[p]}`) }))}
        data-testid="compliance-tabs"
      />
      {national && scheduledUnits.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="compliance-default-unit">
          {t("reporting.compliance.nationalDefault", { units: scheduledUnits.map((u) => u.fullName).join(", ") })}
        </Typography.Paragraph>
      )}
      {!unit ? (
        <EmptyState text={national && schedulesKnown ? t("reporting.compliance.pickUnit") : undefined} />
      ) : view.isLoading || view.stale ? (
        <LoadingState rows={6} />
      ) : view.error ? (
        <ErrorState error={view.error} onRetry={view.refetch} />
      ) : view.data ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="compliance-reference">
            {view.data.schedule.name} · {t("reporting.compliance.reference", { start: formatDate(view.data.period.start), end: formatDate(view.data.period.end), cutoff: formatDateTime(view.data.period.cutoffAt) })}
          </Typography.Paragraph>
          {view.data.dayOff && <Typography.Paragraph><Tag>{t("reporting.compliance.off")}</Tag>{t("reporting.compliance.dayOff")}</Typography.Paragraph>}
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {(["onTime", "late", "missing"] as const).map((k) => (
              <Col span={8} key={k}>
                <Card size="small" hoverable onClick={() => setStatus(status === k ? undefined : k)} style={{ borderColor: status === k ? STATUS_COLORS[k] : undefined }} data-testid={`compliance-count-${k}`}>
                  <Statistic title={t(`reporting.compliance.${k}`)} value={counts[k]} formatter={(v) => formatNumber(Number(v))} valueStyle={{ color: STATUS_COLORS[k] }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t("reporting.compliance.history")} style={{ marginBottom: 12 }}>
            {history.isLoading ? <LoadingState rows={3} /> : history.error ? <ErrorState error={history.error} onRetry={history.refetch} /> : history.data?.periods.length ? <ComplianceHistoryChart history={history.data} /> : <EmptyState text={t("reporting.compliance.noHistory")} />}
          </Card>
          <Space wrap style={{ marginBottom: 8 }}>
            <Select allowClear value={status} onChange={setStatus} placeholder={t("reporting.compliance.allStatuses")} style={{ width: 180 }} options={(["onTime", "late", "missing"] as const).map((k) => ({ value: k, label: t(`reporting.compliance.${k}`) }))} />
            {districts.length > 0 && <Select allowClear value={district} onChange={setDistrict} placeholder={t("reporting.compliance.allDistricts")} style={{ width: 220 }} options={districts.map((d) => ({ value: d.code, label: d.fullName }))} />}
            <Input.Search allowClear placeholder={t("reporting.compliance.search")} onChange={(e) => setQ(e.target.value)} style={{ width: 220 }} />
          </Space>
          <Table<Row> dataSource={shown} rowKey={(r) => r.unit.id} size="small" pagination={{ pageSize: 50, showSizeChanger: false }} scroll={{ x: 800 }} data-testid="compliance-table">
            <Table.Column<Row> title={t("reporting.unit")} render={(_, r) => `${r.unit.fullName} (${r.unit.code})`} />
            <Table.Column<Row> title={t("reporting.compliance.district")} render={(_, r) => (r.district && r.district.id !== r.unit.id ? r.district.fullName : "—")} />
            <Table.Column<Row> title={t("reporting.compliance.status")} render={(_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`reporting.compliance.${r.status}`)}</Tag>} />
            <Table.Column<Row> title={t("reporting.compliance.submittedAt")} render={(_, r) => formatDateTime(r.submittedAt)} />
            {rows.some((r) => (r.members ?? 1) > 1) && <Table.Column<Row> title={t("reporting.compliance.members")} render={(_, r) => (r.members && r.members > 1 ? `${formatNumber(r.membersReported ?? 0)}/${formatNumber(r.members)}` : "")} />}
            <Table.Column<Row> render={(_, r) => <Link to={`/dashboard/${encodeURIComponent(r.unit.code)}${refDate ? `?date=${refDate}` : ""}`}>{t("reporting.compliance.dashboard")}</Link>} />
          </Table>
        </>
      ) : null}
    </Card>
  );
}
