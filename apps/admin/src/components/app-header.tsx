import { useGetIdentity, useGetLocale, useLogout, useSetLocale, useTranslate } from "@refinedev/core";
import { Layout, Segmented, Space, Typography, Button, Tooltip } from "antd";
import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import type { User } from "@sohoa/contract";
import { RemindersBadge } from "./reminders-badge";

export function AppHeader() {
  const t = useTranslate();
  const locale = useGetLocale();
  const changeLanguage = useSetLocale();
  const { data: user } = useGetIdentity<User>();
  const { mutate: logout } = useLogout();
  return (
    <Layout.Header style={{ display: "flex", justifyContent: "flex-end", alignItems: "center", padding: "0 16px", height: 56, background: "#fff", borderBottom: "1px solid #f0f0f0", position: "sticky", top: 0, zIndex: 10 }}>
      <Space size="middle">
        {user && (
          <Space size={4}>
            <UserOutlined />
            <Typography.Text strong data-testid="current-user">{user.displayName}</Typography.Text>
            {/* the admin's display name is the role's own label: say it once */}
            <Typography.Text type="secondary" data-testid="current-role">{[t(`roles.${user.role}`) === user.displayName ? null : t(`roles.${user.role}`), user.unit.fullName || user.unit.name].filter(Boolean).map((x) => `· ${x}`).join(" ")}</Typography.Text>
          </Space>
        )}
        {user && <RemindersBadge />}
        <Segmented
          aria-label={t("app.language")}
          size="small"
          value={locale() === "en" ? "en" : "vi"}
          options={[{ label: "Tiếng Việt", value: "vi" }, { label: "English", value: "en" }]}
          onChange={(v) => changeLanguage(String(v))}
          data-testid="language-switch"
        />
        <Tooltip title={t("app.logout")}>
          <Button icon={<LogoutOutlined />} onClick={() => logout()} aria-label={t("app.logout")} />
        </Tooltip>
      </Space>
    </Layout.Header>
  );
}
