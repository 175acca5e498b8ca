import { useState } from "react";
import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Input, Result, Typography } from "antd";
import { Link } from "react-router";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";

/** Issues a personal token for the Excel add-in; the server returns it once, so it is shown once here. */
export function TokenCreate() {
  const t = useTranslate();
  const [issued, setIssued] = useState<string | null>(null);
  const { formProps, saveButtonProps } = useForm<{ token?: string }>({
    resource: "tokens",
    redirect: false,
    onMutationSuccess: (res) => setIssued(((res.data as { token?: string }).token) ?? ""),
  });
  if (issued !== null) {
    return (
      <Result
        status="success"
        title={t("tokens.titles.create")}
        subTitle={<Alert type="warning" showIcon message={t("tokens.shownOnce")} />}
        extra={[
          <Typography.Paragraph key="t" copyable code style={{ fontSize: 15 }} data-testid="issued-token">{issued}</Typography.Paragraph>,
          <Link key="b" to="/tokens"><Button>{t("buttons.list")}</Button></Link>,
        ]}
      />
    );
  }
  return (
    <Create title={t("tokens.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <Form.Item name="name" label={t("tokens.fields.name")} rules={[{ required: true }]}><Input placeholder="Excel — máy tính phòng Tư pháp" /></Form.Item>
        <Form.Item name="expiresAt" label={t("tokens.fields.expiresAt")} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
      </Form>
    </Create>
  );
}
