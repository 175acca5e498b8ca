import { useTranslate } from "@refinedev/core";
import { DatePicker, Form, Input, Select } from "antd";
import { useSelect } from "@refinedev/antd";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

export function DeadlineFormFields() {
  const t = useTranslate();
  const { selectProps: campaigns } = useSelect({ resource: "campaigns", optionLabel: "name", optionValue: "id" });
  return (
    <>
      <Form.Item name="campaignId" label={t("deadlines.fields.campaignId")} rules={[{ required: true }]}><Select {...campaigns} /></Form.Item>
      <Form.Item name="unitId" label={t("deadlines.fields.unitId")} rules={[{ required: true }]}><UnitSelect /></Form.Item>
      <Form.Item name="dueDate" label={t("deadlines.fields.dueDate")} rules={[{ required: true }]} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
      <Form.Item name="note" label={t("deadlines.fields.note")}><Input /></Form.Item>
    </>
  );
}
