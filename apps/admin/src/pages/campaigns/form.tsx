import { useTranslate } from "@refinedev/core";
import { DatePicker, Form, Input, Select } from "antd";
import { useSelect } from "@refinedev/antd";
import { UnitSelect } from "../../components/unit-select";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

/** `legalReference` is the server's field name: the form once sent `legalRef`, which the list and edit never showed. */
export function CampaignFormFields({ editing = false }: { editing?: boolean }) {
  const t = useTranslate();
  // book phases are reference data on the server (GET /api/book-phases), not codes in the console
  const { selectProps: phases } = useSelect<{ code: string; nameVi: string }>({ resource: "book-phases", optionLabel: "nameVi", optionValue: "code", pagination: { mode: "off" } });
  return (
    <>
      <Form.Item name="name" label={t("campaigns.fields.name")} rules={[{ required: true }]}><Input placeholder="Cao điểm 20 ngày số hóa dữ liệu hộ tịch" /></Form.Item>
      <Form.Item name="code" label={t("unitsReorg.campaign.code")} rules={[{ required: !editing }, { pattern: /^[0-9A-Za-z_.-]{1,50}$/, message: t("unitsReorg.campaign.codeRule") }]}><Input disabled={editing} style={{ maxWidth: 260 }} placeholder="QNA-2025-CAODIEM" /></Form.Item>
      <Form.Item name="legalReference" label={t("campaigns.fields.legalRef")}><Input placeholder="Kế hoạch 563/KH-UBND" data-testid="campaign-legal-ref" /></Form.Item>
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
        <Select {...phases} mode="multiple" />
      </Form.Item>
      <Form.Item name="description" label={t("campaigns.fields.description")}><Input.TextArea rows={3} /></Form.Item>
    </>
  );
}
