import { useState } from "react";
import { CanAccess, useTranslate } from "@refinedev/core";
import { List, useTable, EditButton } from "@refinedev/antd";
import { Alert, App, Button, Input, Modal, Space, Table, Tag, Typography } from "antd";
import type { Role, UnitSummary } from "@sohoa/contract";
import { formatDateTime } from "../../lib/format";
import { errorText, request } from "../../providers/api-client";
import { TableSearchForm } from "../../components/table-search-form";

interface UserRow { id: string; username: string; displayName: string; role: Role; unit?: UnitSummary; active?: boolean; lastLoginAt?: string | null }

/** A readable random password (no look-alike characters), generated in the browser with crypto. */
export function generatePassword(length = 12): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${body.slice(0, length - 2)}@${(bytes[0] ?? 0) % 10}`;
}

export function UserList() {
  const t = useTranslate();
  const { modal } = App.useApp();
  const { tableProps, setFilters, searchFormProps } = useTable<UserRow>({ resource: "users", sorters: { initial: [{ field: "username", order: "asc" }] } });
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);

  const reset = (u: UserRow) =>
    modal.confirm({
      title: t("users.resetConfirm", { name: u.displayName }),
      onOk: async () => {
        const password = generatePassword();
        try {
          const { data } = await request<{ password?: string; temporaryPassword?: string } | undefined>(`/users/${u.id}/reset-password`, { method: "POST", body: { password } });
          setShown({ name: u.username, password: data?.password ?? data?.temporaryPassword ?? password });
        } catch (e) {
          modal.error({ title: t("app.error"), content: errorText(e) });
        }
      },
    });

  return (
    <List title={t("users.titles.list")}>
      <TableSearchForm formProps={searchFormProps} />
      <Input.Search placeholder={t("app.search")} allowClear style={{ maxWidth: 360, marginBottom: 8 }} onSearch={(v) => setFilters([{ field: "q", operator: "contains", value: v }], "replace")} />
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column dataIndex="username" title={t("users.fields.username")} sorter />
        <Table.Column dataIndex="displayName" title={t("users.fields.displayName")} />
        <Table.Column dataIndex="role" title={t("users.fields.role")} render={(r: Role) => <Tag>{t(`roles.${r}`)}</Tag>} />
        <Table.Column<UserRow> title={t("users.fields.unitId")} render={(_, r) => r.unit?.name ?? "—"} />
        <Table.Column dataIndex="active" title={t("users.fields.active")} render={(v?: boolean) => (v === false ? <Tag color="red">{t("app.no")}</Tag> : <Tag color="green">{t("app.yes")}</Tag>)} />
        <Table.Column dataIndex="lastLoginAt" title={t("users.fields.lastLoginAt")} render={(v?: string | null) => formatDateTime(v)} />
        <Table.Column<UserRow> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><CanAccess resource="users" action="edit"><Button size="small" onClick={() => reset(r)} data-testid="reset-password">{t("users.resetPassword")}</Button></CanAccess></Space>} />
      </Table>
      <Modal open={shown !== null} onCancel={() => setShown(null)} onOk={() => setShown(null)} title={t("users.newPassword")}>
        <Alert type="warning" message={t("tokens.shownOnce")} style={{ marginBottom: 8 }} />
        <Typography.Paragraph>{shown?.name}</Typography.Paragraph>
        <Typography.Paragraph copyable code style={{ fontSize: 16 }}>{shown?.password}</Typography.Paragraph>
      </Modal>
    </List>
  );
}
