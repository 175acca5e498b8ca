/** Deadlines per unit, filterable by campaign, with a bulk form: one due date for every child of a unit. */
import { useState } from "react";
import { useTranslate, useCan, useInvalidate } from "@refinedev/core";
import { List, useTable, useSelect, EditButton, DeleteButton, CreateButton } from "@refinedev/antd";
import { Alert, App, Button, Card, DatePicker, Form, Select, Space, Table } from "antd";
import { formatDate } from "../../lib/format";
import { request, errorText } from "../../providers/api-client";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";

interface Deadline { id: string; campaignId: string; unit?: { name: string; code: string }; campaign?: { name: string }; dueDate: string; note?: string | null }
interface BulkForm { campaignId: string; parentUnitId: string; dueDate: string }

export function DeadlineList() {
  const t = useTranslate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { data: canWrite } = useCan({ resource: "deadlines", action: "create" });
  const { tableProps, setFilters } = useTable<Deadline>({ resource: "deadlines", sorters: { initial: [{ field: "dueDate", order: "asc" }] }, syncWithLocation: true });
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  const [form] = Form.useForm<BulkForm>();
  const draft = useFormDraft(draftKey("deadlines", "bulk"), form);
  const [saving, setSaving] = useState(false);
  const [bulkError, setBulkError] = useState<unknown>(null);

  const submitBulk = async (v: BulkForm) => {
    setSaving(true);
    setBulkError(null);
    try {
      const { data } = await request<{ count?: number; updated?: number } | unknown[]>("/deadlines/bulk", { method: "POST", body: v });
      const count = Array.isArray(data) ? data.length : (data.count ?? data.updated ?? 0);
      void message.success(t("deadlines.bulkDone", { count }));
      draft.clear();
      await invalidate({ resource: "deadlines", invalidates: ["list"] });
    } catch (e) {
      setBulkError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <List title={t("deadlines.titles.list")} headerButtons={<CreateButton />}>
      {canWrite?.can && (
        <Card size="small" title={t("deadlines.bulk")} style={{ marginBottom: 12 }}>
          <Alert type="info" message={t("deadlines.bulkHelp")} style={{ marginBottom: 8 }} />
          {bulkError ? <Alert type="error" showIcon message={errorText(bulkError)} style={{ marginBottom: 8 }} /> : null}
          <Form form={form} layout="inline" onFinish={submitBulk} onValuesChange={draft.onValuesChange} data-testid="bulk-deadline">
            <Form.Item name="campaignId" rules={[{ required: true }]}><Select {...campaigns} placeholder={t("deadlines.fields.campaignId")} style={{ width: 240 }} /></Form.Item>
            <Form.Item name="parentUnitId" rules={[{ required: true }]}><UnitSelect placeholder={t("deadlines.parentUnit")} style={{ width: 240 }} /></Form.Item>
            <Form.Item name="dueDate" rules={[{ required: true }]} {...dateItemProps}><DatePicker format={DATE_FORMAT} placeholder={t("deadlines.fields.dueDate")} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>{t("buttons.save")}</Button>
          </Form>
        </Card>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Select {...campaigns} allowClear placeholder={t("deadlines.fields.campaignId")} style={{ width: 280 }} onChange={(v) => setFilters([{ field: "campaignId", operator: "eq", value: v }], "replace")} />
      </Space>
      <Table {...tableProps} rowKey="id" size="small">
        <Table.Column<Deadline> title={t("deadlines.fields.unitId")} render={(_, r) => (r.unit ? `${r.unit.name} (${r.unit.code})` : "—")} />
        <Table.Column<Deadline> title={t("deadlines.fields.campaignId")} render={(_, r) => r.campaign?.name ?? "—"} />
        <Table.Column dataIndex="dueDate" title={t("deadlines.fields.dueDate")} sorter render={formatDate} />
        <Table.Column dataIndex="note" title={t("deadlines.fields.note")} />
        <Table.Column<Deadline> title={t("table.actions")} render={(_, r) => <Space><EditButton hideText size="small" recordItemId={r.id} /><DeleteButton hideText size="small" recordItemId={r.id} /></Space>} />
      </Table>
    </List>
  );
}
