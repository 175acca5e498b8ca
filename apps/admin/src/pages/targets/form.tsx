import { useTranslate } from "@refinedev/core";
import { DatePicker, Form, InputNumber, Select } from "antd";
import { useSelect } from "@refinedev/antd";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

export function TargetFormFields() {
  const t = useTranslate();
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  return (
    <>
      <Form.Item name="campaignId" label={t("targets.fields.campaignId")}><Select {...campaigns} allowClear /></Form.Item>
      <Form.Item name="unitId" label={t("targets.fields.unitId")} rules={[{ required: true }]}><UnitSelect /></Form.Item>
      <Form.Item name="periodStart" label={t("targets.fields.periodStart")} rules={[{ required: true }]} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
      <Form.Item name="periodEnd" label={t("targets.fields.periodEnd")} rules={[{ required: true }]} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
      <Form.Item name="entriesTarget" label={t("targets.fields.entriesTarget")} rules={[{ required: true }, { type: "integer", min: 0 }]}>
        <InputNumber<number> min={0} step={1000} style={{ width: 220 }} formatter={(v) => (v === undefined || v === null || v === ("" as never) ? "" : new Intl.NumberFormat("vi-VN").format(Number(v)))} parser={(s) => Number((s ?? "").replace(/\D/g, ""))} />
      </Form.Item>
    </>
  );
}
