/** One due date for every child of a unit (POST /api/deadlines/bulk), kept as a draft while typed. */
import { useState } from "react";
import { useInvalidate, useTranslate } from "@refinedev/core";
import { useSelect } from "@refinedev/antd";
import { Alert, App, Button, Card, DatePicker, Form, Select } from "antd";
import { request, errorText } from "../../providers/api-client";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";
import { useFormDraft } from "../../components/use-form-draft";
import { draftKey } from "../../providers/drafts";

interface BulkForm { campaignId: string; parentUnitId: string; dueDate: string }

export function BulkDeadlineForm() {
  const t = useTranslate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
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
  );
}
