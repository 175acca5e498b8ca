import { useTranslate } from "@refinedev/core";
import { List, useTable, ShowButton } from "@refinedev/antd";
import { DatePicker, Form, Select, Table, Tag, Button, Space } from "antd";
import type { UnitSummary } from "@sohoa/contract";
import { formatDate, formatDateTime } from "../../lib/format";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

export interface SubmissionRow {
  id: string; unit?: Pick<UnitSummary, "id" | "code" | "fullName"> & { name?: string }; reportDate: string | null; status: string; source: string; submittedAt: string;
  submittedBy?: string | null; rowCount?: number; errorCount?: number; warningCount?: number; isCorrection?: boolean; correctionReason?: string | null; hasFile?: boolean;
}
interface Filters { unitId?: string; status?: string; source?: string; reportDate?: string }

export const STATUS_COLOR: Record<string, string> = { ACCEPTED: "green", REJECTED: "red", PENDING: "blue", SUPERSEDED: "default" };
export const SOURCES = ["ADDIN", "UPLOAD", "CONSOLE", "API", "DEMO"] as const;

export function SubmissionList() {
  const t = useTranslate();
  const { tableProps, searchFormProps } = useTable<SubmissionRow, { message: string; statusCode: number }, Filters>({
    resource: "submissions",
    sorters: { initial: [{ field: "submittedAt", order: "desc" }] },
    onSearch: (v) => (["unitId", "status", "source", "reportDate"] as const).map((field) => ({ field, operator: "eq" as const, value: v[field] })),
  });
  return (
    <List title={t("submissions.titles.list")}>
      <Form {...searchFormProps} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="unitId"><UnitSelect placeholder={t("submissions.fields.unitId")} style={{ width: 220 }} /></Form.Item>
        <Form.Item name="reportDate" {...dateItemProps}><DatePicker format={DATE_FORMAT} placeholder={t("submissions.fields.reportDate")} /></Form.Item>
        <Form.Item name="status"><Select allowClear placeholder={t("submissions.fields.status")} style={{ width: 150 }} options={["ACCEPTED", "REJECTED", "SUPERSEDED"].map((s) => ({ value: s, label: t(`submissions.status.${s}`) }))} /></Form.Item>
        <Form.Item name="source"><Select allowClear placeholder={t("submissions.fields.source")} style={{ width: 150 }} options={SOURCES.map((s) => ({ value: s, label: t(`submissions.source.${s}`) }))} /></Form.Item>
        <Space><Button type="primary" htmlType="submit">{t("buttons.filter")}</Button><Button onClick={() => { searchFormProps.form?.resetFields(); searchFormProps.form?.submit(); }}>{t("buttons.clear")}</Button></Space>
      </Form>
      <Table {...tableProps} rowKey="id" size="small" data-testid="submissions-table" scroll={{ x: 1000 }}>
        <Table.Column<SubmissionRow> title={t("submissions.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.fullName ?? r.unit.name} (${r.unit.code})` : "—")} />
        <Table.Column dataIndex="reportDate" title={t("submissions.fields.reportDate")} sorter render={formatDate} />
        <Table.Column dataIndex="submittedAt" title={t("submissions.fields.submittedAt")} sorter render={formatDateTime} />
        <Table.Column dataIndex="status" title={t("submissions.fields.status")} render={(s: string) => <Tag color={STATUS_COLOR[s] ?? "default"}>{t(`submissions.status.${s}`, s)}</Tag>} />
        <Table.Column dataIndex="source" title={t("submissions.fields.source")} render={(s: string) => t(`submissions.source.${s}`, s)} />
        <Table.Column<SubmissionRow> title={t("submissions.fields.submittedBy")} render={(_, r) => r.submittedBy ?? "—"} />
        <Table.Column dataIndex="rowCount" title={t("submissions.fields.rows")} align="right" />
        <Table.Column<SubmissionRow> title={t("submissions.fields.issues")} render={(_, r) => <>{r.errorCount ? <Tag color="red">{t("upload.errors", { count: r.errorCount })}</Tag> : null}{r.warningCount ? <Tag color="gold">{t("upload.warnings", { count: r.warningCount })}</Tag> : null}</>} />
        <Table.Column<SubmissionRow> title={t("table.actions")} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
      </Table>
    </List>
  );
}
