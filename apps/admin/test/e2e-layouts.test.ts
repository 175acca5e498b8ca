/**
 * An official corrects how Sohoa read their sheet, in Chromium against the real server (Quảng Nam demo without
 * progress): Đông Giang's own layout puts last period's "Đã số hóa" first and a "Trong đó" line under a
 * commune; the official maps the columns, marks the line as not data and saves; the next month's sheet of that
 * layout is read right with no correction. Screenshots: test-artifacts/layout-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { serveDist } from "./serve-dist";
import { appRoot, buildConsole, CHROMIUM, CHROMIUM_ARGS } from "./build";

const artifacts = path.join(appRoot, "test-artifacts");
const testingModule = path.resolve(appRoot, "../server/src/testing.ts");
type TestingModule = { startTestServer(opts?: { demo?: boolean; progress?: boolean; clock?: () => Date }): Promise<{ url: string; close(): Promise<void> }> };
const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : !existsSync(testingModule) ? "no server test harness" : null;

async function workbook(file: string, za: number): Promise<string> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("BC");
  for (const r of [["Số liệu tính đến ngày 25/02/2025"], ["Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Đã số hóa (kỳ trước)", "Đã số hóa"], ["Xã Za Hung", 5000, 900, za], ["Trong đó: thôn biên giới", 1000, 100, 200], ["Xã Sông Kôn", 3000, 700, 800]]) ws.addRow(r);
  const out = path.join(artifacts, file);
  writeFileSync(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return out;
}

describe.skipIf(skip !== null)("correcting the reading and saving it as the unit's layout (Chromium, real server)", { timeout: 120_000 }, () => {
  let api: { url: string; close(): Promise<void> };
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const dist = await buildConsole(path.join(artifacts, "dist-layouts"));
    api = await ((await import(testingModule)) as TestingModule).startTestServer({ demo: true, progress: false });
    web = await serveDist(dist, api.url);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  it("maps the columns, marks a line as not data, saves; the next sheet of that layout is read right by itself", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.url}/login`);
    await page.getByLabel("Tên đăng nhập").fill("donggiang");
    await page.getByLabel("Mật khẩu").fill("Sohoa@2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: "Nộp báo cáo" }).click();
    await page.getByTestId("upload-page").waitFor();
    await page.locator("input[type=file]").setInputFiles(await workbook("layout-february.xlsx", 1200));
    await page.getByTestId("reading").waitFor();
    // read unaided: the "Trong đó" line is taken for a unit
    await expect.poll(() => page.getByTestId("issues-table").innerText()).toMatch(/Trong đó: thôn biên giới/);

    await page.getByText("Cột đã nhận").click();
    const pick = async (column: string, option: string) => {
      await page.getByTestId(`field-${column}`).click();
      await page.keyboard.type(option);
      // the previous dropdown may still be closing: the option is the last one shown
      await page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").last().waitFor();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.getByTestId(`field-${column}`).innerText()).toContain(option);
    };
    await pick("C", "(không đọc cột này)");
    await pick("D", "Số dữ liệu đã số hóa");
    await page.getByTestId("not-data").click();
    await page.keyboard.type("Trong đó");
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").last().waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("not-data").innerText()).toContain("Trong đó: thôn biên giới");
    await page.keyboard.press("Escape");
    await page.screenshot({ path: path.join(artifacts, "layout-01-correcting.png"), fullPage: true });
    await page.getByTestId("save-layout").click();
    await page.getByTestId("saved-layout").waitFor();
    expect(await page.getByTestId("error-count").innerText()).toMatch(/^0 /);

    // next month: the same layout, read right with no correction
    await page.getByRole("button", { name: "Chọn tệp khác" }).click();
    await page.locator("input[type=file]").setInputFiles(await workbook("layout-march.xlsx", 1500));
    await page.getByTestId("saved-layout").waitFor();
    expect(await page.getByTestId("error-count").innerText()).toMatch(/^0 /);
    expect(await page.getByTestId("reading").innerText()).toContain("2.300/8.000");
    await page.screenshot({ path: path.join(artifacts, "layout-02-next-month.png"), fullPage: true });
    await page.close();
  });
});
