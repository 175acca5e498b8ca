/** Deadlines per unit, filterable by campaign, with a bulk form: one due date for every child of a unit. */
import { useTranslate, useCan } from "@refinedev/core";
import { List, useTable, useSelect, EditButton, DeleteButton, CreateButton } from "@refinedev/antd";
import { Select, Space, Table } from "antd";
import { formatDate } from "../../lib/format";
import { UnitSelect } from "../../components/unit-select";
import { BulkDeadlineForm } from "./bulk-form";
import { TableSearchForm } from "../../components/table-search-form";

interface Deadline { id: string; campaignId: string; unit?: { name: string; fullName?: string; code: string }; campaign?: { name: string }; dueDate: string; note?: string | null }

export function DeadlineList() {
  const t = useTranslate();
  const { data: canWrite } = useCan({ resource: "deadlines", action: "create" });
  const { tableProps, setFilters, searchFormProps } = useTable<Deadline>({ resource: "deadlines", sorters: { initial: [{ field: "dueDate", order: "asc" }] }, pagination: { pageSize: 50 }, syncWithLocation: true });
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  return (
    <List title={t("deadlines.titles.list")} headerButtons={<CreateButton />}>
      {/* only rendered for those who may write: its form instance exists only with its Form */}
      {canWrite?.can && <BulkDeadlineForm />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select {...campaigns} allowClear placeholder={t("deadlines.fields.campaignId")} style={{ width: 280 }} onChange={(v) => setFilters([{ field: "campaignId", operator: "eq", value: v }], "merge")} />
        <UnitSelect placeholder={t("listFilters.unit")} style={{ width: 280 }} onChange={(v) => setFilters([{ field: "unitId", operator: "eq", value: v }], "merge")} data-testid="deadline-unit-filter" />
      </Space>
      <TableSearchForm formProps={searchFormProps} />
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column<Deadline> title={t("deadlines.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.fullName || r.unit.name} (${r.unit.code})` : "—")} />
        <Table.Column<Deadline> title={t("deadlines.fields.campaignId")} render={(_, r) => r.campaign?.name ?? "—"} />
        <Table.Column dataIndex="dueDate" title={t("deadlines.fields.dueDate")} sorter render={formatDate} />
        <Table.Column dataIndex="note" title={t("deadlines.fields.note")} />
        <Table.Column<Deadline> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><DeleteButton hideText size="small" recordItemId={r.id} /></Space>} />
      </Table>
    </List>
  );
}
