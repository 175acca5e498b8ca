/**
 * The province dashboard a leader reads, in Chromium against the real server with the Quảng Nam demo (as of
 * 18/02/2025): the distribution counts the communes, not the 18 direct children, and a bar lists them; the
 * switch goes back to the children. Screenshots: test-artifacts/dashboard-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveDist } from "./serve-dist";
import { appRoot, buildConsole, CHROMIUM, CHROMIUM_ARGS } from "./build";

const artifacts = path.join(appRoot, "test-artifacts");
const testingModule = path.resolve(appRoot, "../server/src/testing.ts");
type TestingModule = { startTestServer(opts?: { demo?: boolean }): Promise<{ url: string; close(): Promise<void> }> };
const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : !existsSync(testingModule) ? "no server test harness" : null;
if (skip) console.warn(`[admin dashboard e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)("province dashboard for leaders (Chromium, real server, demo)", { timeout: 90_000 }, () => {
  let api: { url: string; close(): Promise<void> };
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const dist = await buildConsole(path.join(artifacts, "dist-dashboard"));
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

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on("pageerror", (e) => console.error(`[page ${username}]`, e.message));
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.url}/login`);
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill("Sohoa@2025");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("child-table").waitFor();
    return page;
  }
  const bar = (page: Page, b: string) => page.getByTestId("distribution").getByTestId(`bucket-${b}`);

  it("bands Quảng Nam's 233 communes (3 / 24 / 73 / 118 / 15); the 0% bar lists Sông Kôn, Za Hung and Trà Mai with their district; the switch shows the 17 districts", async () => {
    const page = await signIn("lanhdao");
    await page.getByTestId("bottom-note").waitFor();
    const counts = async () => Promise.all(["zero", "under10", "under50", "under100", "done"].map(async (b) => (await bar(page, b).locator("text").first().textContent())?.trim()));
    expect(await counts()).toEqual(["3", "24", "73", "118", "15"]);
    expect(await page.getByTestId("bottom-note").innerText()).toContain("233 xã, phường, thị trấn");
    expect(await page.getByTestId("agencies-apart").innerText()).toContain("Tư pháp tỉnh Quảng Nam (100,0%)");

    await page.getByTestId("distribution").screenshot({ path: path.join(artifacts, "dashboard-00-communes.png") });
    await bar(page, "zero").locator("rect").click();
    const drawer = page.getByTestId("band-table");
    await expect.poll(() => drawer.locator("tbody tr.ant-table-row").count()).toBe(3);
    const text = await drawer.innerText();
    for (const [commune, district] of [["Xã Sông Kôn", "Huyện Đông Giang"], ["Xã Za Hung", "Huyện Đông Giang"], ["Xã Trà Mai", "Huyện Nam Trà My"]]) {
      expect(text).toMatch(new RegExp(`${commune}\\s+${district}\\s+0/[\\d.]+ \\(0,0%\\)\\s+18/02/2025`));
    }
    expect(await page.locator(".ant-drawer-title").innerText()).toBe("0% — 3 xã, phường, thị trấn");
    await page.screenshot({ path: path.join(artifacts, "dashboard-01-band-zero.png") });
    await page.locator(".ant-drawer-close").click();

    await bar(page, "under10").locator("rect").click();
    await expect.poll(() => drawer.locator("tbody tr.ant-table-row").count()).toBe(24);
    // a row opens the commune's dashboard
    const first = drawer.locator("tbody tr.ant-table-row").first();
    const name = (await first.locator("td").first().innerText()).trim();
    await first.click();
    await expect.poll(() => page.getByTestId("unit-name").innerText()).toBe(name);
    await page.goBack();

    await page.getByTestId("bottom-note").waitFor();
    await page.getByTestId("distribution-level").getByText("Đơn vị trực thuộc").click();
    // the 17 districts (the Department of Justice is an agency, banded and ranked apart)
    await expect.poll(() => counts()).toEqual(["0", "0", "6", "11", "0"]);
    await page.screenshot({ path: path.join(artifacts, "dashboard-02-children.png") });
    await page.close();
  });

  it("sums the kinds × phases over the province, and shows the Department of Justice apart from the ranked districts", async () => {
    const page = await signIn("lanhdao");
    const table = page.getByTestId("breakdown").getByTestId("breakdown-table");
    await table.waitFor();
    expect(await table.locator("tbody tr.ant-table-row").count()).toBe(14);
    const rows = await table.locator("tbody tr.ant-table-row").allInnerTexts();
    expect(rows[0]).toMatch(/^Khai sinh\s+Giai đoạn 1[^\t]*\t1\.358\/3\.254\t167\.776\/376\.852\t44,5%/);
    const children = await page.getByTestId("child-table").locator("tbody tr.ant-table-row").allInnerTexts();
    expect(children).toHaveLength(17);
    expect(children.join("\n")).not.toContain("Tư pháp");
    expect(children.map((r) => /\t(\d+)\/17\t/.exec(r)?.[1]).filter(Boolean)).toHaveLength(17);
    const agencies = page.getByTestId("agency-table");
    expect(await agencies.locator("tbody tr.ant-table-row").allInnerTexts()).toEqual([expect.stringMatching(/^Tư pháp tỉnh Quảng Nam[\s\S]*9\.840\/9\.840 \(100,0%\)\s+100,0%\s+—/)]);
    await page.screenshot({ path: path.join(artifacts, "dashboard-04-breakdown-agencies.png"), fullPage: true });
    await page.close();
  });

  it("names as lagging the six districts the province calls slow (Hội An and Nam Trà My too), and says the rule", async () => {
    const page = await signIn("lanhdao");
    const card = page.getByTestId("laggards");
    const titles = () => card.locator(".ant-list-item-meta-title").allInnerTexts();
    await expect.poll(titles).toEqual(["Bắc Trà My", "Đông Giang", "Điện Bàn", "Tam Kỳ", "Nam Trà My", "Hội An"]);
    expect(await card.getByTestId("laggard-rule").innerText()).toBe("Chậm tiến độ: thuộc nhóm 1/3 đơn vị có tỷ lệ hoàn thành thấp nhất và tốc độ hiện tại không đủ để xong trước hạn của chính đơn vị.");
    const text = await card.innerText();
    expect(text).toContain("Hạn hoàn thành 07/03/2025");
    expect(text).toMatch(/Hội An[\s\S]*23,3%/);
    expect(text).toMatch(/Nam Trà My[\s\S]*22,9%/);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(artifacts, "dashboard-03-laggards.png") });
    await page.close();
  });
});
