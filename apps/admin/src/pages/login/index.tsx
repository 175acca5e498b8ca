import { useLogin, useSetLocale, useGetLocale, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Form, Input, Segmented, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useSearchParams } from "react-router";
import { errorText } from "../../providers/api-client";

interface LoginForm { username: string; password: string }

export function LoginPage() {
  const t = useTranslate();
  const [params] = useSearchParams();
  const { mutate: login, isPending, error, data } = useLogin<LoginForm>();
  const locale = useGetLocale();
  const changeLanguage = useSetLocale();
  const failure = data && !data.success ? data.error : error;
  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "linear-gradient(160deg,#fdf3f3,#f5f5f5)" }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: "flex", justifyContent: "flex-end" }}>
          <Segmented size="small" value={locale() === "en" ? "en" : "vi"} options={[{ label: "VI", value: "vi" }, { label: "EN", value: "en" }]} onChange={(v) => changeLanguage(String(v))} />
        </div>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>Sohoa</Typography.Title>
        <Typography.Paragraph type="secondary">{t("pages.login.subtitle")}</Typography.Paragraph>
        {params.get("expired") && !failure && <Alert type="warning" showIcon message={t("app.sessionExpired")} style={{ marginBottom: 16 }} />}
        {failure && <Alert type="error" showIcon message={errorText(failure)} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => login(v)} requiredMark={false}>
          <Form.Item name="username" label={t("pages.login.fields.username")} rules={[{ required: true, message: t("pages.login.errors.requiredUsername") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isPending}>{t("pages.login.signin")}</Button>
        </Form>
      </Card>
    </div>
  );
}
