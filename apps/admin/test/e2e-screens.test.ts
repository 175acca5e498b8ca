/**
 * Issue 20 (screens) in Chromium against the real server (Quảng Nam demo): the report preview asks once and
 * hides the previous report while the next loads; compliance starts on the units with a schedule in force;
 * the dashboard shows the unit's own deadline and projected finish. Screenshots: reports/h4-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveDist } from "./serve-dist";
import { appRoot, buildConsole, CHROMIUM, CHROMIUM_ARGS } from "./build";

const artifacts = path.join(appRoot, "test-artifacts");
const shots = path.join(appRoot, "reports");
const testingModule = path.resolve(appRoot, "../server/src/testing.ts");
type TestingModule = { startTestServer(opts?: { demo?: boolean }): Promise<{ url: string; close(): Promise<void> }> };
const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : !existsSync(testingModule) ? "no server test harness" : null;
if (skip) console.warn(`[admin screens e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)("console screens: report preview, compliance, dashboard (Chromium, real server)", { timeout: 120_000 }, () => {
  let api: { url: string; close(): Promise<void> };
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    mkdirSync(shots, { recursive: true });
    const dist = await buildConsole(path.join(artifacts, "dist-screens"));
    api = await ((await import(testingModule)) as TestingModule).startTestServer({ demo: true });
    web = await serveDist(dist, api.url);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  async function signIn(username: string, width = 1366): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on("pageerror", (e) => console.error(`[page ${username}]`, e.message));
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.url}/login`);
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill("Sohoa@2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("current-user").waitFor();
    return page;
  }

  it("the report preview asks the server once, and switching the period hides the old report until the new one is there", async () => {
    const page = await signIn("quangnam");
    const asked: string[] = [];
    page.on("request", (r) => { if (r.url().includes("/api/reports/preview")) asked.push(r.url()); });
    await page.goto(`${web.url}/reports`);
    await page.getByTestId("report-table").waitFor();
    await page.waitForTimeout(1500);
    expect(asked, asked.join("\n")).toHaveLength(1);
    expect(await page.getByTestId("report-view").innerText()).toContain("báo cáo ngày");
    // the monthly report: slowed down on the wire so the in-between state can be seen
    await page.route("**/api/reports/preview**", async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    await page.getByTestId("report-period").getByText("Tháng").click();
    await page.getByTestId("report-loading").waitFor();
    expect(await page.getByTestId("report-view").count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "h4-report-switching.png") });
    await expect.poll(() => page.getByTestId("report-view").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId("report-view").innerText()).toContain("báo cáo tháng");
    expect(asked).toHaveLength(2);
    await page.screenshot({ path: path.join(shots, "h4-report-month.png") });
    await page.close();
  });

  it("compliance for an admin starts on the units with a schedule in force, not the whole country", async () => {
    const page = await signIn("admin");
    const asked: string[] = [];
    page.on("request", (r) => { if (/\/api\/compliance\?/.test(r.url())) asked.push(new URL(r.url()).searchParams.get("unit") ?? ""); });
    const t0 = Date.now();
    await page.goto(`${web.url}/compliance`);
    await page.getByTestId("compliance-table").waitFor();
    const took = Date.now() - t0;
    expect(asked).toEqual(["49"]); // never the nation (VN)
    expect(await page.getByTestId("compliance-default-unit").innerText()).toContain("Tỉnh Quảng Nam");
    const missing = Number((await page.getByTestId("compliance-count-missing").locator(".ant-statistic-content-value").innerText()).replace(/\D/g, ""));
    expect(missing).toBeLessThan(233); // Quảng Nam's communes at most
    console.log(`[screens] admin compliance first view: ${took} ms`);
    await page.screenshot({ path: path.join(shots, "h4-compliance-admin.png") });
    await page.close();
  });

  it("the dashboard: the nation has no province's deadline, a unit shows its projected finish, the pace column says what it compares", async () => {
    const page = await signIn("admin");
    await page.goto(`${web.url}/dashboard/VN?date=2025-02-18`);
    await page.getByTestId("unit-name").waitFor();
    const header = await page.getByTestId("dashboard").locator(".ant-space").first().innerText();
    expect(header).not.toContain("Hạn hoàn thành");
    await page.goto(`${web.url}/dashboard/49?date=2025-02-18`);
    await expect.poll(() => page.getByTestId("unit-name").innerText()).toContain("Quảng Nam");
    expect(await page.getByTestId("projected-finish").innerText()).toMatch(/Dự kiến hoàn thành: (\d{2}\/\d{2}\/\d{4}|chưa ước tính)/);
    expect(await page.getByTestId("growth-help").first().getAttribute("title")).toContain("7 ngày");
    await page.getByTestId("trend-chart").waitFor();
    await page.screenshot({ path: path.join(shots, "h4-dashboard-49.png"), fullPage: true });
    await page.close();
  });

  it("a commune user opening the province is told it is outside their unit and offered their own", async () => {
    const page = await signIn("zahung");
    await page.goto(`${web.url}/dashboard/49`);
    await page.getByTestId("outside-scope").waitFor();
    expect(await page.getByTestId("outside-scope").innerText()).toContain("không thuộc phạm vi của bạn (Xã Za Hung)");
    expect(await page.getByTestId("error-state").count()).toBe(0); // no useless "Thử lại"
    await page.getByTestId("go-own-unit").click();
    await expect.poll(() => page.getByTestId("unit-name").innerText()).toContain("Za Hung");
    await page.close();
  });
});
