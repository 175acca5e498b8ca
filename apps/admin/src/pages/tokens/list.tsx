import { useTranslate } from "@refinedev/core";
import { List, useTable, DeleteButton, CreateButton } from "@refinedev/antd";
import { Table, Tag } from "antd";
import { formatDateTime } from "../../lib/format";
import { TableSearchForm } from "../../components/table-search-form";

import type { TokenScope } from "./scopes";

interface TokenRow { id: string; name: string; prefix?: string; scope?: TokenScope; user?: { username: string }; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null }

export function TokenList() {
  const t = useTranslate();
  const { tableProps, searchFormProps } = useTable<TokenRow>({ resource: "tokens", sorters: { initial: [{ field: "createdAt", order: "desc" }] } });
  return (
    <List title={t("tokens.titles.list")} headerButtons={<CreateButton>{t("tokens.issue")}</CreateButton>}>
      <TableSearchForm formProps={searchFormProps} />
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column dataIndex="name" title={t("tokens.fields.name")} />
        <Table.Column dataIndex="prefix" title={t("tokens.fields.prefix")} render={(v?: string) => (v ? <code>{v}…</code> : "—")} />
        <Table.Column<TokenRow> dataIndex="scope" title={t("tokens.scope")} render={(v?: TokenScope) => (v ? <Tag color={v === "ADMIN" ? "red" : v === "READ" ? "blue" : "default"}>{t(`tokens.scopes.${v}`)}</Tag> : "—")} />
        <Table.Column<TokenRow> title={t("tokens.fields.userId")} render={(_, r) => r.user?.username ?? "—"} />
        <Table.Column dataIndex="createdAt" title={t("tokens.fields.createdAt")} render={formatDateTime} />
        <Table.Column dataIndex="lastUsedAt" title={t("tokens.fields.lastUsedAt")} render={formatDateTime} />
        <Table.Column dataIndex="expiresAt" title={t("tokens.fields.expiresAt")} render={formatDateTime} />
        <Table.Column<TokenRow> title={t("submissions.fields.status")} render={(_, r) => (r.revokedAt ? <Tag>{t("tokens.revoked")}</Tag> : r.expiresAt && Date.parse(r.expiresAt) <= Date.now() ? <Tag color="orange">{t("tokens.expired")}</Tag> : <Tag color="green">{t("tokens.active")}</Tag>)} />
        <Table.Column<TokenRow>
          title={t("table.actions")}
          render={(_, r) => (r.revokedAt ? null : <DeleteButton size="small" recordItemId={r.id} confirmTitle={t("tokens.revokeConfirm")}>{t("tokens.revoke")}</DeleteButton>)}
        />
      </Table>
    </List>
  );
}
