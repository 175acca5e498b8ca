import { useTranslate } from "@refinedev/core";
import { List, useTable, EditButton, DeleteButton, CreateButton } from "@refinedev/antd";
import { Button, Space, Table } from "antd";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../lib/format";

interface Target { id: string; unit?: { name: string; code: string }; periodStart: string; periodEnd: string; entriesTarget: number }

export function TargetList() {
  const t = useTranslate();
  const { tableProps } = useTable<Target>({ resource: "targets", sorters: { initial: [{ field: "periodStart", order: "desc" }] } });
  return (
    <List title={t("targets.titles.list")} headerButtons={<Space><Link to="/targets/import"><Button data-testid="targets-import-link">{t("unitsReorg.menu.targetsImport")}</Button></Link><CreateButton /></Space>}>
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column<Target> title={t("targets.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.name} (${r.unit.code})` : "—")} />
        <Table.Column dataIndex="periodStart" title={t("targets.fields.periodStart")} sorter render={formatDate} />
        <Table.Column dataIndex="periodEnd" title={t("targets.fields.periodEnd")} render={formatDate} />
        <Table.Column dataIndex="entriesTarget" title={t("targets.fields.entriesTarget")} align="right" sorter render={(v: number) => formatNumber(v)} />
        <Table.Column<Target> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><DeleteButton hideText size="small" recordItemId={r.id} /></Space>} />
      </Table>
    </List>
  );
}
