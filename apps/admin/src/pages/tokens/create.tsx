import { useState } from "react";
import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Input, Radio, Result, Typography } from "antd";
import { Link } from "react-router";
import { dateItemProps, DATE_FORMAT } from "../../components/form-items";
import { formatDateTime } from "../../lib/format";
import { TOKEN_SCOPES } from "./scopes";

interface Issued { token?: string; expiresAt?: string | null }

/** Issues a personal token (submit-only unless chosen otherwise); the server returns it once, so it is shown once here. */
export function TokenCreate() {
  const t = useTranslate();
  const [issued, setIssued] = useState<{ token: string; expiresAt: string | null } | null>(null);
  const { formProps, saveButtonProps } = useForm<Issued>({
    resource: "tokens",
    redirect: false,
    onMutationSuccess: (res) => setIssued({ token: (res.data as Issued).token ?? "", expiresAt: (res.data as Issued).expiresAt ?? null }),
  });
  if (issued !== null) {
    return (
      <Result
        status="success"
        title={t("tokens.titles.create")}
        subTitle={<Alert type="warning" showIcon message={t("tokens.shownOnce")} />}
        extra={[
          <Typography.Paragraph key="t" copyable code style={{ fontSize: 15 }} data-testid="issued-token">{issued.token}</Typography.Paragraph>,
          <Typography.Paragraph key="e" data-testid="issued-expiry">{t("tokens.expiresOn", { at: formatDateTime(issued.expiresAt) })}</Typography.Paragraph>,
          <Link key="b" to="/tokens"><Button>{t("buttons.list")}</Button></Link>,
        ]}
      />
    );
  }
  return (
    <Create title={t("tokens.titles.create")} saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical">
        <Form.Item name="name" label={t("tokens.fields.name")} rules={[{ required: true }]}><Input placeholder="Excel — máy tính phòng Tư pháp" /></Form.Item>
        <Form.Item name="scope" label={t("tokens.scope")} initialValue="SUBMIT" extra={t("tokens.scopeHelp")}>
          <Radio.Group options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`tokens.scopes.${s}`) }))} />
        </Form.Item>
        <Form.Item name="expiresAt" label={t("tokens.fields.expiresAt")} extra={t("tokens.expiresHelp")} {...dateItemProps}><DatePicker format={DATE_FORMAT} /></Form.Item>
      </Form>
    </Create>
  );
}
