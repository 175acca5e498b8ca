import { useTranslate } from "@refinedev/core";
import { List, useTable, EditButton, DeleteButton } from "@refinedev/antd";
import { Space, Table } from "antd";
import { formatDate } from "../../lib/format";
import { TableSearchForm } from "../../components/table-search-form";

interface Campaign { id: string; name: string; legalReference: string | null; startDate: string; endDate: string; unit?: { code: string; fullName: string } }

export function CampaignList() {
  const t = useTranslate();
  const { tableProps, searchFormProps } = useTable<Campaign>({ resource: "campaigns", sorters: { initial: [{ field: "startDate", order: "desc" }] } });
  return (
    <List title={t("campaigns.titles.list")}>
      <TableSearchForm formProps={searchFormProps} />
      <Table {...tableProps} rowKey="id" size="small" data-testid="campaign-table">
        <Table.Column dataIndex="name" title={t("campaigns.fields.name")} sorter />
        <Table.Column dataIndex="legalReference" title={t("campaigns.fields.legalRef")} />
        <Table.Column<Campaign> title={t("campaigns.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.fullName} (${r.unit.code})` : "—")} data-testid="campaign-unit" />
        <Table.Column dataIndex="startDate" title={t("campaigns.fields.startDate")} sorter render={formatDate} />
        <Table.Column dataIndex="endDate" title={t("campaigns.fields.endDate")} sorter render={formatDate} />
        <Table.Column<Campaign> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><DeleteButton hideText size="small" recordItemId={r.id} /></Space>} />
      </Table>
    </List>
  );
}
