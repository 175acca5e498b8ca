import { useTranslate } from "@refinedev/core";
import { ROLES } from "@sohoa/core";
import { Form, Input, Select, Switch } from "antd";
import { UnitSelect } from "../../components/unit-select";

export { ROLES };

export function UserFormFields({ create }: { create: boolean }) {
  const t = useTranslate();
  return (
    <>
      <Form.Item name="username" label={t("users.fields.username")} rules={[{ required: true }, { pattern: /^[a-z0-9._-]{3,50}$/ }]}><Input disabled={!create} style={{ maxWidth: 300 }} autoComplete="off" /></Form.Item>
      <Form.Item name="displayName" label={t("users.fields.displayName")} rules={[{ required: true }]}><Input /></Form.Item>
      <Form.Item name="role" label={t("users.fields.role")} rules={[{ required: true }]}><Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} style={{ maxWidth: 300 }} /></Form.Item>
      <Form.Item name="unitId" label={t("users.fields.unitId")} rules={[{ required: true }]}><UnitSelect /></Form.Item>
      <Form.Item name="locale" label={t("users.fields.locale")} initialValue="vi"><Select options={[{ value: "vi", label: "Tiếng Việt" }, { value: "en", label: "English" }]} style={{ maxWidth: 200 }} /></Form.Item>
      {create && <Form.Item name="password" label={t("users.fields.password")} rules={[{ required: true, min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>}
      {!create && <Form.Item name="active" label={t("users.fields.active")} valuePropName="checked"><Switch /></Form.Item>}
    </>
  );
}
