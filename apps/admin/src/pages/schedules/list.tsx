/** Reporting schedules per campaign and level: the rule in words, days off, time zone; delete deactivates. */
import { useTranslate } from "@refinedev/core";
import { List, useTable, useSelect, EditButton, DeleteButton, CreateButton } from "@refinedev/antd";
import { Select, Space, Table, Tag, Typography } from "antd";
import type { ReportingSchedule } from "@sohoa/contract";
import { formatDate, minutesToTime } from "../../lib/format";
import { TableSearchForm } from "../../components/table-search-form";

export function ScheduleRule({ s }: { s: Pick<ReportingSchedule, "cadence" | "cutoffMinutes" | "weekday" | "monthDay"> }) {
  const t = useTranslate();
  const time = minutesToTime(s.cutoffMinutes);
  return <>{t(`reporting.schedules.rule.${s.cadence}`, { time, weekday: s.weekday ? t(`reporting.schedules.weekdays.${s.weekday}`) : "", day: s.monthDay ?? "" })}</>;
}

export function ScheduleList() {
  const t = useTranslate();
  const { tableProps, setFilters, filters, searchFormProps } = useTable<ReportingSchedule>({ resource: "schedules", sorters: { initial: [{ field: "name", order: "asc" }] }, syncWithLocation: true });
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  const current = (field: string) => (filters.find((f) => "field" in f && f.field === field)?.value as string | undefined) ?? undefined;
  const setFilter = (field: string, value: string | undefined) =>
    setFilters([...filters.filter((f) => "field" in f && f.field !== field), ...(value ? [{ field, operator: "eq" as const, value }] : [])], "replace");
  return (
    <List title={t("reporting.schedules.titles.list")} headerButtons={<CreateButton />}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select options={campaigns.options} loading={campaigns.loading} showSearch optionFilterProp="label" allowClear value={current("campaignId")} placeholder={t("reporting.schedules.allCampaigns")} style={{ width: 300 }} onChange={(v: string | undefined) => setFilter("campaignId", v)} />
        <Select allowClear value={current("cadence")} placeholder={t("reporting.schedules.allCadences")} style={{ width: 180 }} onChange={(v) => setFilter("cadence", v)} options={(["DAILY", "WEEKLY", "MONTHLY"] as const).map((c) => ({ value: c, label: t(`reporting.schedules.cadences.${c}`) }))} />
        <Typography.Text type="secondary">{t("reporting.timezone")}</Typography.Text>
      </Space>
      <TableSearchForm formProps={searchFormProps} />
      <Table {...tableProps} rowKey="id" size="small" scroll={{ x: 1000 }} data-testid="schedule-table">
        <Table.Column dataIndex="name" sorter title={t("reporting.schedules.fields.name")} />
        <Table.Column<ReportingSchedule> title={t("reporting.schedules.fields.unitId")} render={(_, r) => `${r.unit.fullName} (${r.unit.code})`} />
        <Table.Column<ReportingSchedule> dataIndex="level" title={t("reporting.schedules.fields.level")} render={(v: string) => t(`levels.${v}`)} />
        <Table.Column<ReportingSchedule> dataIndex="cadence" sorter title={t("reporting.schedules.fields.rule")} render={(_, r) => <ScheduleRule s={r} />} />
        <Table.Column<ReportingSchedule>
          title={t("reporting.schedules.fields.daysOff")}
          render={(_, r) => (r.daysOff.length ? r.daysOff.map((d) => (typeof d === "number" ? t(`reporting.schedules.weekdays.${d}`) : formatDate(d))).join(", ") : t("reporting.schedules.none"))}
        />
        <Table.Column<ReportingSchedule> dataIndex="reminderMinutesBefore" title={t("reporting.schedules.fields.reminderMinutesBefore")} render={(v: number | null) => v ?? "—"} />
        <Table.Column<ReportingSchedule> dataIndex="active" title={t("reporting.schedules.fields.active")} render={(v: boolean) => (v ? <Tag color="green">{t("reporting.schedules.active")}</Tag> : <Tag>{t("reporting.schedules.inactive")}</Tag>)} />
        <Table.Column<ReportingSchedule>
          title={t("table.actions")}
          render={(_, r) => (
            <Space>
              <EditButton hideText size="small" recordItemId={r.id} />
              {r.active && <DeleteButton hideText size="small" recordItemId={r.id} confirmTitle={t("reporting.schedules.deleteConfirm")} />}
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
