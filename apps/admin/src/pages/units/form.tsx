import { useTranslate } from "@refinedev/core";
import { DatePicker, Form, Input, Select } from "antd";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

export const LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"] as const;

export function UnitFormFields() {
  const t = useTranslate();
  return (
    <>
      <Form.Item name="code" label={t("units.fields.code")} rules={[{ required: true }, { pattern: /^[0-9A-Za-z_-]{1,20}$/ }]}><Input style={{ maxWidth: 200 }} /></Form.Item>
      <Form.Item name="name" label={t("units.fields.name")} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="fullName" label={t("units.fields.fullName")}><Input /></Form.Item>
      <Form.Item name="level" label={t("units.fields.level")} rules={[{ required: true }]}>
        <Select options={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item name="parentId" label={t("units.fields.parentId")}><UnitSelect /></Form.Item>
      <Form.Item name="validFrom" label={t("units.fields.validFrom")} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
    </>
  );
}
