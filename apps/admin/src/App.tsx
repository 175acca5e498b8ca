import { lazy, Suspense, useEffect, useMemo } from "react";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation, useNavigate, useSearchParams } from "react-router";
import { Authenticated, CanAccess, Refine } from "@refinedev/core";
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from "@refinedev/react-router";
import { App as AntdApp, ConfigProvider, Spin } from "antd";
import viVN from "antd/es/locale/vi_VN";
import enUS from "antd/es/locale/en_US";
import { useTranslation } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { createDataProvider } from "./providers/data-provider";
import { createAuthProvider } from "./providers/auth-provider";
import { createI18nProvider } from "./providers/i18n-provider";
import { createAccessControlProvider } from "./providers/access-control";
import { onUnauthorized } from "./providers/api-client";
import { loginPath } from "./providers/login-path";
import { buildResources } from "./config/resources";
import { AppLayout } from "./components/app-layout";
import { NotFound } from "./components/not-found";
import { Forbidden } from "./components/forbidden";
import { useNotificationProvider } from "./providers/notification-provider";
import { LoginPage } from "./pages/login";
import { DashboardPage } from "./pages/dashboard";

// Everything but sign-in and the dashboard is loaded on demand, keeping the first view small.
const UnitList = lazy(() => import("./pages/units/list").then((m) => ({ default: m.UnitList })));
const UnitCreate = lazy(() => import("./pages/units/create").then((m) => ({ default: m.UnitCreate })));
const UnitEdit = lazy(() => import("./pages/units/edit").then((m) => ({ default: m.UnitEdit })));
const UnitShow = lazy(() => import("./pages/units/show").then((m) => ({ default: m.UnitShow })));
const UnitMerge = lazy(() => import("./pages/units/merge").then((m) => ({ default: m.UnitMerge })));
const UnitImport = lazy(() => import("./pages/units/import").then((m) => ({ default: m.UnitImport })));
const TargetImport = lazy(() => import("./pages/targets/import").then((m) => ({ default: m.TargetImport })));
const ReorganizationPage = lazy(() => import("./pages/reorganization").then((m) => ({ default: m.ReorganizationPage })));
const CampaignList = lazy(() => import("./pages/campaigns/list").then((m) => ({ default: m.CampaignList })));
const CampaignCreate = lazy(() => import("./pages/campaigns/create").then((m) => ({ default: m.CampaignCreate })));
const CampaignEdit = lazy(() => import("./pages/campaigns/edit").then((m) => ({ default: m.CampaignEdit })));
const DeadlineList = lazy(() => import("./pages/deadlines/list").then((m) => ({ default: m.DeadlineList })));
const DeadlineCreate = lazy(() => import("./pages/deadlines/create").then((m) => ({ default: m.DeadlineCreate })));
const DeadlineEdit = lazy(() => import("./pages/deadlines/edit").then((m) => ({ default: m.DeadlineEdit })));
const TargetList = lazy(() => import("./pages/targets/list").then((m) => ({ default: m.TargetList })));
const TargetCreate = lazy(() => import("./pages/targets/create").then((m) => ({ default: m.TargetCreate })));
const TargetEdit = lazy(() => import("./pages/targets/edit").then((m) => ({ default: m.TargetEdit })));
const UserList = lazy(() => import("./pages/users/list").then((m) => ({ default: m.UserList })));
const UserCreate = lazy(() => import("./pages/users/create").then((m) => ({ default: m.UserCreate })));
const UserEdit = lazy(() => import("./pages/users/edit").then((m) => ({ default: m.UserEdit })));
const TokenList = lazy(() => import("./pages/tokens/list").then((m) => ({ default: m.TokenList })));
const TokenCreate = lazy(() => import("./pages/tokens/create").then((m) => ({ default: m.TokenCreate })));
const SubmissionList = lazy(() => import("./pages/submissions/list").then((m) => ({ default: m.SubmissionList })));
const SubmissionShow = lazy(() => import("./pages/submissions/show").then((m) => ({ default: m.SubmissionShow })));
const UploadPage = lazy(() => import("./pages/upload").then((m) => ({ default: m.UploadPage })));
const ReportsPage = lazy(() => import("./pages/reports").then((m) => ({ default: m.ReportsPage })));
const CompliancePage = lazy(() => import("./pages/compliance").then((m) => ({ default: m.CompliancePage })));
const ReminderList = lazy(() => import("./pages/reminders/list").then((m) => ({ default: m.ReminderList })));
const ScheduleList = lazy(() => import("./pages/schedules/list").then((m) => ({ default: m.ScheduleList })));
const ScheduleCreate = lazy(() => import("./pages/schedules/create").then((m) => ({ default: m.ScheduleCreate })));
const ScheduleEdit = lazy(() => import("./pages/schedules/edit").then((m) => ({ default: m.ScheduleEdit })));

/** Any 401 (also from calls outside Refine's hooks) sends the person to sign-in, remembering where they were. */
function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => onUnauthorized(() => navigate(loginPath(location), { replace: true })), [navigate, location]);
  return null;
}

/**
 * Signed in while on /login: go where the person was sent from (`to`), like useLogin does. Going to the
 * dashboard here raced useLogin's own redirect and sometimes won, losing the page (and its draft).
 */
function AfterSignIn() {
  const [params] = useSearchParams();
  const to = params.get("to");
  return <Navigate to={to && to.startsWith("/") && !to.startsWith("//") ? to : "/"} replace />;
}

function Loading() {
  return <div style={{ padding: 48, textAlign: "center" }}><Spin /></div>;
}

export function App({ i18n }: { i18n: I18n }) {
  const { t } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const dataProvider = useMemo(() => createDataProvider(), []);
  const authProvider = useMemo(() => createAuthProvider(), []);
  const i18nProvider = useMemo(() => createI18nProvider(i18n), [i18n]);
  const accessControlProvider = useMemo(() => createAccessControlProvider(), []);
  const resources = useMemo(() => buildResources(t), [t, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <BrowserRouter>
      <ConfigProvider locale={lang === "en" ? enUS : viVN} theme={{ token: { colorPrimary: "#b71c1c", borderRadius: 4 } }}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            i18nProvider={i18nProvider}
            accessControlProvider={accessControlProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, title: { text: t("app.subtitle") } }}
          >
            <SessionWatcher />
            <Routes>
              <Route
                element={
                  <Authenticated key="app" fallback={<CatchAllNavigate to="/login" />}>
                    <AppLayout>
                      <Suspense fallback={<Loading />}>
                        {/* the page's resource and action come from the route; a role without them sees why, not the page */}
                        <CanAccess fallback={<Forbidden />}>
                          <Outlet />
                        </CanAccess>
                      </Suspense>
                    </AppLayout>
                  </Authenticated>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="/dashboard/:code" element={<DashboardPage />} />
                <Route path="/upload" element={<UploadPage />} />
                <Route path="/submissions">
                  <Route index element={<SubmissionList />} />
                  <Route path="show/:id" element={<SubmissionShow />} />
                </Route>
                <Route path="/units">
                  <Route index element={<UnitList />} />
                  <Route path="create" element={<UnitCreate />} />
                  <Route path="edit/:id" element={<UnitEdit />} />
                  <Route path="show/:id" element={<UnitShow />} />
                  <Route path="merge" element={<UnitMerge />} />
                  <Route path="import" element={<UnitImport />} />
                </Route>
                <Route path="/campaigns">
                  <Route index element={<CampaignList />} />
                  <Route path="create" element={<CampaignCreate />} />
                  <Route path="edit/:id" element={<CampaignEdit />} />
                </Route>
                <Route path="/deadlines">
                  <Route index element={<DeadlineList />} />
                  <Route path="create" element={<DeadlineCreate />} />
                  <Route path="edit/:id" element={<DeadlineEdit />} />
                </Route>
                <Route path="/targets">
                  <Route index element={<TargetList />} />
                  <Route path="create" element={<TargetCreate />} />
                  <Route path="edit/:id" element={<TargetEdit />} />
                  <Route path="import" element={<TargetImport />} />
                </Route>
                <Route path="/users">
                  <Route index element={<UserList />} />
                  <Route path="create" element={<UserCreate />} />
                  <Route path="edit/:id" element={<UserEdit />} />
                </Route>
                <Route path="/tokens">
                  <Route index element={<TokenList />} />
                  <Route path="create" element={<TokenCreate />} />
                </Route>
                <Route path="/reorganization" element={<ReorganizationPage />} />
                <Route path="/reorganization/:code" element={<ReorganizationPage />} />
                <Route path="/reports" element={<ReportsPage />} />
                <Route path="/compliance" element={<CompliancePage />} />
                <Route path="/reminders" element={<ReminderList />} />
                <Route path="/schedules">
                  <Route index element={<ScheduleList />} />
                  <Route path="create" element={<ScheduleCreate />} />
                  <Route path="edit/:id" element={<ScheduleEdit />} />
                </Route>
                <Route path="*" element={<NotFound />} />
              </Route>
              <Route
                element={
                  <Authenticated key="auth-pages" fallback={<Outlet />}>
                    <AfterSignIn />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={() => `Sohoa — ${t("app.subtitle")}`} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
