/**
 * The console's resources, declared as data. Labels are i18n keys resolved at render time (so the menu
 * follows the language switch); `roles` says who sees the resource (see access-control.ts).
 */
import type { ResourceProps } from "@refinedev/core";
import type { Role } from "@sohoa/contract";
import { BellOutlined, CheckSquareOutlined, FileTextOutlined, ScheduleOutlined } from "@ant-design/icons";
import { BranchesOutlined, MergeCellsOutlined, ImportOutlined, NodeIndexOutlined } from "@ant-design/icons";
import { AppstoreOutlined, CalendarOutlined, ApartmentOutlined, AimOutlined, TeamOutlined, KeyOutlined, InboxOutlined, CloudUploadOutlined, FlagOutlined, DashboardOutlined } from "@ant-design/icons";

const MANAGERS: Role[] = ["ADMIN", "PROVINCE", "DISTRICT"];
const EVERYONE: Role[] = ["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE", "VIEWER"];
const SUBMITTERS: Role[] = ["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE"];

export interface ResourceDef {
  name: string;
  routes: Pick<ResourceProps, "list" | "create" | "edit" | "show">;
  labelKey: string;
  icon: React.ReactNode;
  roles: Role[];
  /** roles allowed to create/edit/delete (defaults to `roles`) */
  writeRoles?: Role[];
  parent?: string;
}

export const RESOURCE_DEFS: ResourceDef[] = [
  { name: "dashboard", routes: { list: "/" }, labelKey: "menu.dashboard", icon: <DashboardOutlined />, roles: EVERYONE },
  { name: "upload", routes: { list: "/upload" }, labelKey: "menu.upload", icon: <CloudUploadOutlined />, roles: SUBMITTERS },
  { name: "submissions", routes: { list: "/submissions", show: "/submissions/show/:id" }, labelKey: "menu.submissions", icon: <InboxOutlined />, roles: EVERYONE, writeRoles: SUBMITTERS },
  { name: "reporting", routes: {}, labelKey: "reporting.menu.group", icon: <FileTextOutlined />, roles: EVERYONE },
  { name: "reports", routes: { list: "/reports" }, labelKey: "reporting.menu.reports", icon: <FileTextOutlined />, roles: EVERYONE, parent: "reporting" },
  { name: "compliance", routes: { list: "/compliance" }, labelKey: "reporting.menu.compliance", icon: <CheckSquareOutlined />, roles: EVERYONE, parent: "reporting" },
  { name: "schedules", routes: { list: "/schedules", create: "/schedules/create", edit: "/schedules/edit/:id" }, labelKey: "reporting.menu.schedules", icon: <ScheduleOutlined />, roles: EVERYONE, writeRoles: MANAGERS, parent: "reporting" },
  { name: "reminders", routes: { list: "/reminders" }, labelKey: "reporting.menu.reminders", icon: <BellOutlined />, roles: EVERYONE, parent: "reporting" },
  { name: "management", routes: {}, labelKey: "menu.management", icon: <AppstoreOutlined />, roles: EVERYONE },
  { name: "units", routes: { list: "/units", create: "/units/create", edit: "/units/edit/:id", show: "/units/show/:id" }, labelKey: "menu.units", icon: <ApartmentOutlined />, roles: EVERYONE, writeRoles: ["ADMIN"], parent: "management" },
  { name: "unit-merge", routes: { list: "/units/merge" }, labelKey: "unitsReorg.menu.merge", icon: <MergeCellsOutlined />, roles: ["ADMIN"], parent: "management" },
  { name: "unit-import", routes: { list: "/units/import" }, labelKey: "unitsReorg.menu.import", icon: <ImportOutlined />, roles: ["ADMIN"], parent: "management" },
  { name: "campaigns", routes: { list: "/campaigns", create: "/campaigns/create", edit: "/campaigns/edit/:id" }, labelKey: "menu.campaigns", icon: <FlagOutlined />, roles: EVERYONE, writeRoles: MANAGERS, parent: "management" },
  { name: "deadlines", routes: { list: "/deadlines", create: "/deadlines/create", edit: "/deadlines/edit/:id" }, labelKey: "menu.deadlines", icon: <CalendarOutlined />, roles: EVERYONE, writeRoles: MANAGERS, parent: "management" },
  { name: "targets", routes: { list: "/targets", create: "/targets/create", edit: "/targets/edit/:id" }, labelKey: "menu.targets", icon: <AimOutlined />, roles: EVERYONE, writeRoles: MANAGERS, parent: "management" },
  { name: "target-import", routes: { list: "/targets/import" }, labelKey: "unitsReorg.menu.targetsImport", icon: <ImportOutlined />, roles: MANAGERS, parent: "management" },
  { name: "users", routes: { list: "/users", create: "/users/create", edit: "/users/edit/:id" }, labelKey: "menu.users", icon: <TeamOutlined />, roles: MANAGERS, parent: "management" },
  { name: "tokens", routes: { list: "/tokens", create: "/tokens/create" }, labelKey: "menu.tokens", icon: <KeyOutlined />, roles: SUBMITTERS, parent: "management" },
  { name: "reorg-2025", routes: {}, labelKey: "unitsReorg.menu.group", icon: <BranchesOutlined />, roles: EVERYONE },
  { name: "reorganization", routes: { list: "/reorganization" }, labelKey: "unitsReorg.menu.reorg", icon: <NodeIndexOutlined />, roles: EVERYONE, parent: "reorg-2025" },
];

export function buildResources(t: (key: string) => string): ResourceProps[] {
  return RESOURCE_DEFS.map((d) => ({
    name: d.name,
    ...d.routes,
    meta: { label: t(d.labelKey), icon: d.icon, ...(d.parent ? { parent: d.parent } : {}), canDelete: d.name !== "dashboard" },
  }));
}
