/** Console reminders for the units in the person's scope ("X has not reported; deadline 17:00"), unread first. */
import { useMemo, useState } from "react";
import { useGetLocale, useInvalidate, useTranslate } from "@refinedev/core";
import { List, useTable } from "@refinedev/antd";
import { App, Button, Segmented, Space, Table, Tag } from "antd";
import { CheckOutlined } from "@ant-design/icons";
import type { Reminder } from "@sohoa/contract";
import { formatDateTime } from "../../lib/format";
import { errorText, request } from "../../providers/api-client";
import { EmptyState } from "../../components/states";
import { TableSearchForm } from "../../components/table-search-form";

export function ReminderList() {
  const t = useTranslate();
  const lang = useGetLocale()() === "en" ? "en" : "vi";
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const permanent = useMemo(() => (unreadOnly ? [{ field: "unread", operator: "eq" as const, value: "true" }] : []), [unreadOnly]);
  const { tableProps, tableQuery, searchFormProps } = useTable<Reminder>({
    resource: "reminders",
    filters: { permanent },
    syncWithLocation: false,
    pagination: { pageSize: 20 },
  });
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = async () => {
    await invalidate({ resource: "reminders", invalidates: ["list"] });
  };
  const markRead = async (ids: string[]) => {
    setBusy(ids.length === 1 ? ids[0]! : "all");
    try {
      for (const id of ids) await request(`/reminders/${encodeURIComponent(id)}/read`, { method: "POST" });
      void message.success(t("reporting.reminders.marked", { count: ids.length }));
      await refresh();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const unreadOnPage = (tableQuery.data?.data ?? []).filter((r) => !r.readAt).map((r) => r.id);
  return (
    <List
      title={t("reporting.reminders.title")}
      headerButtons={
        <Space>
      <TableSearchForm formProps={searchFormProps} />
          <Segmented value={unreadOnly ? "unread" : "all"} onChange={(v) => setUnreadOnly(v === "unread")} options={[{ value: "unread", label: t("reporting.reminders.unreadOnly") }, { value: "all", label: t("reporting.reminders.all") }]} />
          <Button icon={<CheckOutlined />} disabled={unreadOnPage.length === 0} loading={busy === "all"} onClick={() => void markRead(unreadOnPage)} data-testid="reminders-mark-all">{t("reporting.reminders.markAllRead")}</Button>
        </Space>
      }
    >
      <Table {...tableProps} rowKey="id" size="small" data-testid="reminder-table" locale={{ emptyText: <EmptyState text={t("reporting.reminders.empty")} /> }} scroll={{ x: 900 }}>
        <Table.Column<Reminder> title={t("reporting.reminders.message")} render={(_, r) => <span style={{ fontWeight: r.readAt ? undefined : 600 }}>{r.message[lang]}</span>} />
        <Table.Column<Reminder> title={t("reporting.reminders.unit")} render={(_, r) => r.unit.fullName} width={200} />
        <Table.Column<Reminder> title={t("reporting.reminders.cutoffAt")} render={(_, r) => formatDateTime(r.cutoffAt)} width={140} />
        <Table.Column<Reminder> title={t("reporting.reminders.createdAt")} render={(_, r) => formatDateTime(r.createdAt)} width={140} />
        <Table.Column<Reminder>
          width={170}
          render={(_, r) =>
            r.readAt ? <Tag>{t("reporting.reminders.read")}</Tag> : <Button size="small" loading={busy === r.id} onClick={() => void markRead([r.id])} data-testid="reminder-mark-read">{t("reporting.reminders.markRead")}</Button>
          }
        />
      </Table>
    </List>
  );
}
