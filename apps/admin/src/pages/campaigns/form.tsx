import { useTranslate } from "@refinedev/core";
import { DatePicker, Form, Input, Select } from "antd";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

export function CampaignFormFields() {
  const t = useTranslate();
  return (
    <>
      <Form.Item name="name" label={t("campaigns.fields.name")} rules={[{ required: true }]}><Input placeholder="Cao điểm 20 ngày số hóa dữ liệu hộ tịch" /></Form.Item>
      <Form.Item name="legalRef" label={t("campaigns.fields.legalRef")}><Input placeholder="Kế hoạch 563/KH-UBND" /></Form.Item>
      <Form.Item name="unitId" label={t("campaigns.fields.unitId")} rules={[{ required: true }]}><UnitSelect /></Form.Item>
      <Form.Item label={t("campaigns.fields.startDate")} style={{ marginBottom: 0 }}>
        <Form.Item name="startDate" rules={[{ required: true }]} {...dateItemProps} style={{ display: "inline-block", marginRight: 8 }}><DatePicker format={DATE_FORMAT} placeholder={t("campaigns.fields.startDate")} /></Form.Item>
        <Form.Item
          name="endDate"
          dependencies={["startDate"]}
          rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (!v || !getFieldValue("startDate") || v >= getFieldValue("startDate") ? Promise.resolve() : Promise.reject(new Error(t("campaigns.fields.endDate") + " < " + t("campaigns.fields.startDate")))) })]}
          {...dateItemProps}
          style={{ display: "inline-block" }}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t("campaigns.fields.endDate")} />
        </Form.Item>
      </Form.Item>
      <Form.Item name="phases" label={t("campaigns.fields.phases")}>
        <Select mode="multiple" options={[{ value: "P1", label: "Giai đoạn 1 (2006 →)" }, { value: "P2", label: "Giai đoạn 2 (≤ 2005)" }]} />
      </Form.Item>
      <Form.Item name="description" label={t("campaigns.fields.description")}><Input.TextArea rows={3} /></Form.Item>
    </>
  );
}
