/**
 * Reports: preview the report of a unit in scope for a day / week / month (the server's JSON, rendered), download
 * it as .xlsx or PDF on demand; and the reports the scheduler generated at each cut-off, with their downloads.
 * The choice lives in the URL (?unit=49&period=day&date=2025-02-18&schedule=…) so a report can be linked.
 */
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useList, useTranslate } from "@refinedev/core";
import { useTable } from "@refinedev/antd";
import { Alert, App, Button, Card, DatePicker, Segmented, Select, Space, Table, Tabs, Typography } from "antd";
import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import type { GeneratedReport, ReportData, ReportingSchedule } from "@sohoa/contract";
import { formatDate, formatDateTime } from "../../lib/format";
import { errorText } from "../../providers/api-client";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { UnitCodeSelect } from "../../components/unit-code-select";
import { DATE_FORMAT } from "../../components/form-items";
import { useApiGet } from "../dashboard/use-api";
import { CADENCE_OF, useReportParams } from "./use-report-params";
import { ReportView } from "./report-view";
import { downloadFile } from "./download";


function Preview() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { unit, period, date, schedule, set } = useReportParams();
  const schedules = useList<ReportingSchedule>({ resource: "schedules", filters: [{ field: "cadence", operator: "eq", value: CADENCE_OF[period] }, { field: "active", operator: "eq", value: "true" }], pagination: { pageSize: 100 } });
  const query = { unit, period, date, schedule };
  const report = useApiGet<ReportData>("/reports/preview", query, Boolean(unit));
  const shownDate = date ?? report.data?.asOf;
  const [busy, setBusy] = useState<"xlsx" | "pdf" | null>(null);
  const download = async (format: "xlsx" | "pdf") => {
    setBusy(format);
    try {
      await downloadFile("/reports/preview", { ...query, date: date ?? report.data?.asOf, format }, `bao-cao.${format}`);
    } catch (e) {
      void message.error(t("reporting.reports.downloadFailed", { message: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} data-testid="report-filters">
        <UnitCodeSelect date={shownDate} value={unit || undefined} onChange={(v) => set({ unit: v })} placeholder={t("reporting.unit")} style={{ width: 230 }} data-testid="report-unit" />
        <Segmented value={period} onChange={(v) => set({ period: String(v), schedule: undefined })} options={(["day", "week", "month"] as const).map((p) => ({ value: p, label: t(`reporting.periods.${p}`) }))} data-testid="report-period" />
        <DatePicker format={DATE_FORMAT} value={shownDate ? dayjs(shownDate) : null} onChange={(d) => set({ date: d ? d.format("YYYY-MM-DD") : undefined })} placeholder={t("reporting.date")} allowClear data-testid="report-date" />
        <Select
          style={{ width: 250 }}
          value={schedule ?? ""}
          onChange={(v) => set({ schedule: v || undefined })}
          loading={schedules.query.isLoading}
          options={[{ value: "", label: t("reporting.scheduleAuto") }, ...(schedules.result.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.unit.fullName}` }))]}
          aria-label={t("reporting.schedule")}
        />
        <Button icon={<FileExcelOutlined />} onClick={() => void download("xlsx")} loading={busy === "xlsx"} disabled={!report.data || report.stale} data-testid="download-xlsx">{t("reporting.reports.downloadXlsx")}</Button>
        <Button icon={<FilePdfOutlined />} onClick={() => void download("pdf")} loading={busy === "pdf"} disabled={!report.data || report.stale} data-testid="download-pdf">{t("reporting.reports.downloadPdf")}</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="report-language">{t("reporting.reports.officialVi")}</Typography.Paragraph>
      {/* the previous report is not left on screen while another period or unit loads */}
      {!unit ? <EmptyState text={t("reporting.reports.pickUnit")} /> : report.isLoading || report.stale ? <div data-testid="report-loading" aria-busy="true"><Typography.Text type="secondary">{t("reporting.reports.loading")}</Typography.Text><LoadingState rows={8} /></div> : report.error ? <ErrorState error={report.error} onRetry={report.refetch} /> : report.data ? <ReportView data={report.data} /> : null}
    </>
  );
}

function Generated() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { tableProps, setFilters } = useTable<GeneratedReport>({ resource: "reports", sorters: { initial: [{ field: "cutoffAt", order: "desc" }] }, syncWithLocation: false, pagination: { pageSize: 20 } });
  const schedules = useList<ReportingSchedule>({ resource: "schedules", pagination: { pageSize: 200 } });
  const byId = new Map((schedules.result.data ?? []).map((s) => [s.id, s]));
  const get = async (r: GeneratedReport, format: "xlsx" | "pdf") => {
    try {
      await downloadFile(`/reports/${encodeURIComponent(r.id)}/download`, { format }, `bao-cao.${format}`);
    } catch (e) {
      void message.error(t("reporting.reports.downloadFailed", { message: errorText(e) }));
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t("reporting.reports.generated.schedule")}
          style={{ width: 320 }}
          options={(schedules.result.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.unit.fullName}` }))}
          onChange={(v) => setFilters(v ? [{ field: "scheduleId", operator: "eq", value: v }] : [], "replace")}
        />
      </Space>
      <Table {...tableProps} rowKey="id" size="small" data-testid="generated-reports" locale={{ emptyText: <EmptyState text={schedules.query.isLoading ? undefined : t(byId.size === 0 ? "reporting.reports.generated.emptyNoSchedule" : "reporting.reports.generated.emptyNotYet")} /> }} scroll={{ x: 900 }}>
        <Table.Column<GeneratedReport> title={t("reporting.reports.generated.schedule")} render={(_, r) => (r.scheduleId ? byId.get(r.scheduleId)?.name ?? "—" : "—")} />
        <Table.Column<GeneratedReport> title={t("reporting.reports.generated.unit")} render={(_, r) => r.unit.fullName} />
        <Table.Column<GeneratedReport> dataIndex="periodType" title={t("reporting.reports.generated.periodType")} render={(v: string) => t(`reporting.periodTypes.${v}`)} />
        <Table.Column<GeneratedReport> dataIndex="periodStart" sorter title={t("reporting.reports.generated.period")} render={(_, r) => (r.periodStart === r.periodEnd ? formatDate(r.periodStart) : `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}`)} />
        <Table.Column<GeneratedReport> dataIndex="cutoffAt" sorter title={t("reporting.reports.generated.cutoffAt")} render={formatDateTime} />
        <Table.Column<GeneratedReport> dataIndex="generatedAt" sorter title={t("reporting.reports.generated.generatedAt")} render={formatDateTime} />
        <Table.Column<GeneratedReport> dataIndex="progressLine" title={t("reporting.reports.generated.progress")} render={(v: string | null) => v ?? "—"} />
        <Table.Column<GeneratedReport>
          title={t("reporting.reports.generated.download")}
          render={(_, r) => (
            <Space>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void get(r, "xlsx")}>xlsx</Button>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void get(r, "pdf")}>pdf</Button>
            </Space>
          )}
        />
      </Table>
    </>
  );
}

export function ReportsPage() {
  const t = useTranslate();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "generated" ? "generated" : "preview";
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t("reporting.reports.title")}</Typography.Title>} data-testid="reports-page">
      <Alert type="info" showIcon={false} message={t("reporting.timezone")} style={{ marginBottom: 8, padding: "2px 8px" }} />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          if (k === "generated") next.set("tab", k); else next.delete("tab");
          setParams(next, { replace: true });
        }}
        items={[
          { key: "preview", label: t("reporting.reports.previewTab"), children: <Preview /> },
          { key: "generated", label: t("reporting.reports.generatedTab"), children: <Generated /> },
        ]}
      />
    </Card>
  );
}
