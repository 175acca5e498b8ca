import { CanAccess, useTranslate } from "@refinedev/core";
import { List, useTable, EditButton, DeleteButton, CreateButton } from "@refinedev/antd";
import { Button, Space, Table } from "antd";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../lib/format";
import { UnitSelect } from "../../components/unit-select";
import { TableSearchForm } from "../../components/table-search-form";

interface Target { id: string; unit?: { name: string; fullName?: string; code: string }; periodStart: string; periodEnd: string; entriesTarget: number }

export function TargetList() {
  const t = useTranslate();
  const { tableProps, setFilters, searchFormProps } = useTable<Target>({ resource: "targets", sorters: { initial: [{ field: "periodStart", order: "desc" }] }, pagination: { pageSize: 50 }, syncWithLocation: true });
  return (
    <List title={t("targets.titles.list")} headerButtons={<Space><CanAccess resource="target-import" action="list"><Link to="/targets/import"><Button data-testid="targets-import-link">{t("unitsReorg.menu.targetsImport")}</Button></Link></CanAccess><CreateButton /></Space>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <UnitSelect placeholder={t("listFilters.unit")} style={{ width: 280 }} onChange={(v) => setFilters([{ field: "unitId", operator: "eq", value: v }], "merge")} data-testid="target-unit-filter" />
      </Space>
      <TableSearchForm formProps={searchFormProps} />
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column<Target> title={t("targets.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.fullName || r.unit.name} (${r.unit.code})` : "—")} />
        <Table.Column dataIndex="periodStart" title={t("targets.fields.periodStart")} sorter render={formatDate} />
        <Table.Column dataIndex="periodEnd" title={t("targets.fields.periodEnd")} render={formatDate} />
        <Table.Column dataIndex="entriesTarget" title={t("targets.fields.entriesTarget")} align="right" sorter render={(v: number) => formatNumber(v)} />
        <Table.Column<Target> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><DeleteButton hideText size="small" recordItemId={r.id} /></Space>} />
      </Table>
    </List>
  );
}
