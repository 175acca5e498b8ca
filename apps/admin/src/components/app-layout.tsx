/**
 * The console's frame: sider menu (from Refine's resources, filtered by role) + header + content.
 * Hand-written on antd's Layout/Menu instead of @refinedev/antd's ThemedLayout, which pulls
 * @ant-design/pro-layout and most of antd into the first view (≈ 350 KB gzip measured).
 */
import { useState, type ReactNode } from "react";
import { useGetIdentity, useMenu, useTranslate, type TreeMenuItem } from "@refinedev/core";
import { Layout, Menu, Typography } from "antd";
import { FileExcelOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import type { User } from "@sohoa/contract";
import { canAccess } from "../providers/access-control";
import { AppHeader } from "./app-header";

type Item = { key: string; icon?: ReactNode; label: ReactNode; children?: Item[] };

function toItems(items: TreeMenuItem[], role: User["role"] | undefined): Item[] {
  return items.flatMap((m): Item[] => {
    if (m.children.length > 0) {
      const children = toItems(m.children, role);
      return children.length ? [{ key: m.key, icon: m.icon, label: m.label, children }] : [];
    }
    if (!m.route || !canAccess(role, m.name, "list")) return [];
    return [{ key: m.key, icon: m.icon, label: <Link to={m.route}>{m.label}</Link> }];
  });
}

export function AppLayout({ children }: { children: ReactNode }) {
  const t = useTranslate();
  const { data: user } = useGetIdentity<User>();
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={224} theme="light" style={{ borderRight: "1px solid #f0f0f0", position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
        <div style={{ height: 56, display: "flex", alignItems: "center", gap: 8, padding: "0 20px", borderBottom: "1px solid #f0f0f0" }}>
          <FileExcelOutlined style={{ fontSize: 20, color: "#b71c1c" }} />
          {!collapsed && (
            <div style={{ lineHeight: 1.2, minWidth: 0 }}>
              <Typography.Text strong>Sohoa</Typography.Text>
              <div><Typography.Text type="secondary" ellipsis style={{ fontSize: 11, maxWidth: 150 }} title={t("app.subtitle")}>{t("app.subtitle")}</Typography.Text></div>
            </div>
          )}
        </div>
        {/* long labels ("Tình hình nộp báo cáo", "Sắp xếp đơn vị hành chính") wrap instead of being cut */}
        <style>{`.sohoa-menu .ant-menu-title-content{white-space:normal;line-height:1.3}.sohoa-menu .ant-menu-item,.sohoa-menu .ant-menu-submenu-title{height:auto!important;min-height:40px;padding-top:6px!important;padding-bottom:6px!important;line-height:1.3!important;display:flex;align-items:center}`}</style>
        <Menu className="sohoa-menu" mode="inline" selectedKeys={[selectedKey]} defaultOpenKeys={[...defaultOpenKeys, "management"]} items={toItems(menuItems, user?.role)} style={{ borderInlineEnd: 0 }} data-testid="sider-menu" />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
