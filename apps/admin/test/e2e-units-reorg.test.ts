/**
 * End-to-end in Chromium against the real server with the Quảng Nam demo (same harness as e2e.test.ts, its own
 * server and database, because these scenarios change the unit tree and targets the other file reads):
 * merge two communes and see the new unit's history; import monthly targets from an .xlsx with an error shown
 * on its cell, fix it, import; the reorganization view of Đà Nẵng; the dashboard's date picker across
 * 01/07/2025 for the admin and for a user scoped to old Quảng Nam; the campaign's legal reference.
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { serveDist } from "./serve-dist";
import { appRoot, buildConsole, CHROMIUM, CHROMIUM_ARGS as ARGS } from "./build";

const artifacts = path.join(appRoot, "test-artifacts");
const testingModule = path.resolve(appRoot, "../server/src/testing.ts");
const PASSWORD = "Sohoa@2025";

type TestingModule = { startTestServer(opts?: { demo?: boolean }): Promise<{ url: string; close(): Promise<void> }> };

async function probe(): Promise<{ skip: string | null; mod: TestingModule | null }> {
  if (!existsSync(CHROMIUM)) return { skip: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`, mod: null };
  try {
    return { skip: null, mod: (await import(testingModule)) as TestingModule };
  } catch (e) {
    return { skip: `the server's test harness cannot be loaded (${(e as Error).message.split("\n")[0]})`, mod: null };
  }
}

const { skip, mod } = await probe();
if (skip) console.warn(`[admin e2e units/reorganization] skipped: ${skip}`);

describe.skipIf(skip !== null)("console end-to-end: units, targets import, 2025 reorganization", { timeout: 120_000 }, () => {
  let api: { url: string; close(): Promise<void> };
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const dist = await buildConsole(path.join(artifacts, "dist-e2e-reorg"));
    api = await mod!.startTestServer({ demo: true });
    web = await serveDist(dist, api.url);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on("pageerror", (e) => console.error(`[page ${username}]`, e.message));
    page.setDefaultTimeout(20_000);
    await page.goto(`${web.url}/login`);
    await page.getByLabel("Tên đăng nhập").fill(username);
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("dashboard").waitFor();
    return page;
  }

  async function token(username: string): Promise<string> {
    const res = await fetch(`${api.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: PASSWORD }) });
    return ((await res.json()) as { token: string }).token;
  }
  async function apiGet<T>(username: string, p: string): Promise<T> {
    const res = await fetch(`${api.url}${p}`, { headers: { authorization: `Bearer ${await token(username)}` } });
    expect(res.status, p).toBe(200);
    return (await res.json()) as T;
  }
  /** A link of the side menu, opening its group first when it is closed. */
  async function menuLink(page: Page, group: string, name: string) {
    const link = page.getByTestId("sider-menu").getByRole("link", { name });
    if (!(await link.isVisible())) await page.getByTestId("sider-menu").getByText(group, { exact: true }).click();
    await link.click();
  }
  async function pickDate(page: Page, testId: string, ddmmyyyy: string) {
    const input = page.getByTestId(testId).locator("input").or(page.locator(`input[data-testid=${testId}]`)).first();
    await input.click();
    await input.fill(ddmmyyyy);
    await page.keyboard.press("Enter");
  }

  it("the reorganization view of Đà Nẵng lists Xã Đông Giang formed from Xã Za Hung, with the carried figures and a chart", async () => {
    const page = await signIn("admin");
    // through the menu: "Sắp xếp đơn vị 2025" → "Hình thành xã mới"
    await page.getByTestId("sider-menu").getByText("Sắp xếp đơn vị 2025", { exact: true }).click();
    await page.getByTestId("sider-menu").getByRole("link", { name: "Hình thành xã mới" }).click();
    await page.getByTestId("reorganization-page").waitFor();
    await page.goto(`${web.url}/reorganization/48`);
    const table = page.getByTestId("reorg-table");
    await table.waitFor();
    const api48 = await apiGet<{ carried: { entriesDigitized: number; entriesTotal: number }; communes: { unit: { code: string; fullName: string }; formedFrom: { unit: { fullName: string } }[] }[] }>("admin", "/api/reorganization/48");
    const dongGiang = api48.communes.find((c) => c.unit.fullName === "Xã Đông Giang")!;
    expect(dongGiang.formedFrom.map((s) => s.unit.fullName)).toContain("Xã Za Hung");
    const fmt = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
    await expect.poll(() => page.getByTestId("reorg-carried").innerText()).toContain(`${fmt(api48.carried.entriesDigitized)}/${fmt(api48.carried.entriesTotal)}`);
    expect(await page.getByTestId("reorg-chart").locator("g[data-code]").count()).toBe(Math.min(20, api48.communes.length));
    await page.getByTestId("reorg-filter").locator("input").or(page.locator("input[data-testid=reorg-filter]")).first().fill("za hung");
    const row = table.locator("tr.ant-table-row").filter({ hasText: "Xã Đông Giang" });
    await row.waitFor();
    expect(await row.innerText()).toContain("Xã Za Hung");
    for (const s of dongGiang.formedFrom) expect(await row.innerText()).toContain(s.unit.fullName);
    await page.screenshot({ path: path.join(artifacts, "20-reorganization-da-nang.png"), fullPage: true });
    // the new commune's page shows where it came from, with the date
    await row.getByRole("link", { name: "Xã Đông Giang" }).click();
    await page.getByTestId("predecessors").waitFor();
    await expect.poll(() => page.getByTestId("predecessors").innerText()).toContain("Xã Za Hung");
    expect(await page.getByTestId("predecessors").innerText()).toContain("01/07/2025");
    await page.close();
  });

  it("moves the dashboard across 01/07/2025: old Quảng Nam with districts before, a hint and the new Đà Nẵng with communes after", async () => {
    const page = await signIn("admin");
    await page.goto(`${web.url}/dashboard/49?date=2025-06-30`);
    await page.getByTestId("child-table").waitFor();
    expect(await page.getByTestId("unit-name").innerText()).toMatch(/Quảng Nam/);
    expect(await page.getByTestId("child-505").count()).toBe(1); // Huyện Đông Giang, a district
    await page.screenshot({ path: path.join(artifacts, "21-dashboard-before-reform.png") });
    await pickDate(page, "date-picker", "01/07/2025");
    await page.waitForURL(/date=2025-07-01/);
    const hint = page.getByTestId("reform-hint");
    await hint.waitFor();
    expect(await hint.innerText()).toContain("01/07/2025");
    await page.screenshot({ path: path.join(artifacts, "22-dashboard-reform-hint-admin.png") });
    await page.getByTestId("hint-successor-48").click();
    await expect.poll(() => page.getByTestId("unit-name").innerText()).toMatch(/Đà Nẵng/);
    await page.getByTestId("child-table").waitFor();
    expect(page.url()).toMatch(/\/dashboard\/48\?date=2025-07-01$/);
    // communes directly under the province now (the API agrees), no district
    const p48 = await apiGet<{ children: { code: string; level: string }[] }>("admin", "/api/units/48/progress?date=2025-07-01");
    expect(p48.children.length).toBeGreaterThan(50);
    expect(new Set(p48.children.map((c) => c.level))).not.toContain("DISTRICT");
    const levelOf = new Map(p48.children.map((c) => [c.code, c.level]));
    const shown = (await page.getByTestId("child-table").locator("[data-testid^=child-]").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice(6)))).filter((c) => c !== "table");
    expect(shown.length).toBeGreaterThanOrEqual(20);
    for (const c of shown) expect(["COMMUNE", "AGENCY"]).toContain(levelOf.get(c));
    expect(await page.getByTestId("child-505").count()).toBe(0);
    await page.screenshot({ path: path.join(artifacts, "23-dashboard-da-nang-after.png") });
    expect(await page.getByTestId("formed-link").getAttribute("href")).toBe("/reorganization/48");
    // and back across the boundary, at the nation: Quảng Nam (49) is a province before, gone after
    await page.goto(`${web.url}/?date=2025-06-30`);
    await page.getByTestId("child-table").waitFor();
    expect(await page.getByTestId("child-49").count()).toBe(1);
    await pickDate(page, "date-picker", "01/07/2025");
    await expect.poll(() => page.getByTestId("child-48").count()).toBe(1);
    expect(await page.getByTestId("child-49").count()).toBe(0);
    await page.close();

    // a user scoped to old Quảng Nam: a hint naming Đà Nẵng (outside their scope, no link) and a way back
    const qn = await signIn("quangnam");
    await qn.goto(`${web.url}/?date=2025-08-01`);
    const h = qn.getByTestId("reform-hint");
    await h.waitFor();
    expect(await h.innerText()).toContain("Thành phố Đà Nẵng");
    expect(await h.innerText()).toContain("ngoài phạm vi");
    expect(await qn.getByTestId("hint-successor-48").count()).toBe(0);
    await qn.screenshot({ path: path.join(artifacts, "24-dashboard-reform-hint-province-user.png") });
    await qn.getByTestId("hint-last-day").click();
    await qn.waitForURL(/date=2025-06-30/);
    await qn.getByTestId("child-table").waitFor();
    expect(await qn.getByTestId("unit-name").innerText()).toMatch(/Quảng Nam/);
    await qn.close();
  });

  it("imports monthly targets from an .xlsx: the error is shown on its cell, fixed in place, then imported", async () => {
    const page = await signIn("quangnam");
    await menuLink(page, "Quản lý", "Nhập chỉ tiêu từ Excel");
    await page.getByTestId("targets-import-page").waitFor();
    await page.getByTestId("targets-campaign").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Cao điểm 20 ngày" }).first().click();
    // the template downloads from the page
    await page.getByTestId("targets-unit").click();
    await page.keyboard.type("dong giang");
    await page.locator(".ant-select-item-option").filter({ hasText: "(505)" }).first().click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("targets-template").click()]);
    expect(download.suggestedFilename()).toBe("chi-tieu-505-2025-01-2025-03.xlsx");
    const file = path.join(artifacts, "chi-tieu-dong-giang.xlsx");
    await download.saveAs(file);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("F1").value).toBe("03/2025");
    const zaRow = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === "20491")!;
    zaRow.getCell(6).value = "mười nghìn"; // March, not a number
    const bad = path.join(artifacts, "chi-tieu-dong-giang-loi.xlsx");
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));

    await page.locator("input[type=file]").setInputFiles(bad);
    const cell = `F${zaRow.number}`;
    await page.getByTestId("targets-issues").waitFor();
    expect(await page.getByTestId("targets-issues").innerText()).toContain(cell);
    expect(await page.getByTestId("targets-issues").innerText()).toMatch(/số nguyên không âm/);
    await page.locator(`td[data-cell="${cell}"][data-severity="error"]`).waitFor();
    await page.screenshot({ path: path.join(artifacts, "25-targets-import-error-on-cell.png"), fullPage: true });
    // nothing stored
    const zahung = (await apiGet<{ id: string }[]>("quangnam", "/api/units?code=20491&date=2025-02-18"))[0]!.id;
    const before = await apiGet<unknown[]>("quangnam", `/api/targets?unitId=${zahung}&periodStart=2025-03-01`);
    expect(before).toHaveLength(0);

    // fix the cell in place, check again, confirm
    await page.locator(`td[data-cell="${cell}"]`).click();
    await page.locator(`td[data-cell="${cell}"] input`).fill("15.000");
    await page.keyboard.press("Enter");
    await page.getByTestId("targets-recheck").click();
    await page.getByTestId("targets-preview").waitFor();
    expect(await page.getByTestId("targets-preview-counts").innerText()).toMatch(/thêm 1 chỉ tiêu/);
    expect(await page.getByTestId("targets-preview").innerText()).toContain("15.000");
    await page.screenshot({ path: path.join(artifacts, "26-targets-import-preview.png"), fullPage: true });
    await page.getByTestId("targets-confirm").click();
    await page.getByTestId("targets-import-done").waitFor();
    const after = await apiGet<{ entriesTarget: number; periodEnd: string }[]>("quangnam", `/api/targets?unitId=${zahung}&periodStart=2025-03-01`);
    expect(after).toEqual([expect.objectContaining({ entriesTarget: 15000, periodEnd: "2025-03-31" })]);
    await page.close();
  });

  it("merges two communes into a new one and shows its history", async () => {
    const page = await signIn("admin");
    await menuLink(page, "Quản lý", "Sáp nhập đơn vị");
    const form = page.getByTestId("merge-form");
    await form.waitFor();
    await pickDate(page, "merge-form", "01/06/2025");
    await form.getByLabel("Đơn vị cấp trên").click();
    await page.keyboard.type("tay giang");
    await page.locator(".ant-select-item-option").filter({ hasText: "(504)" }).first().click();
    await form.getByLabel(/Các đơn vị sáp nhập/).click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Xã Ga Ri (20440)" }).click();
    await page.locator(".ant-select-item-option").filter({ hasText: "Xã A Xan (20443)" }).click();
    await page.keyboard.press("Escape");
    await form.getByLabel("Mã đơn vị mới").fill("99440");
    await form.getByLabel("Tên đơn vị mới").fill("Ga Ri A Xan");
    await form.getByLabel("Căn cứ / lý do").fill("Thử nghiệm sáp nhập trong kiểm thử e2e");
    await page.screenshot({ path: path.join(artifacts, "27-merge-form.png"), fullPage: true });
    await page.getByTestId("merge-submit").click();
    await page.getByTestId("merge-result").waitFor();
    expect(await page.getByTestId("merge-closed").innerText()).toMatch(/Xã Ga Ri[\s\S]*Xã A Xan|Xã A Xan[\s\S]*Xã Ga Ri/);
    await page.getByTestId("merge-history-link").click();
    await page.getByTestId("unit-show").waitFor();
    expect(await page.getByTestId("unit-show-name").innerText()).toBe("Xã Ga Ri A Xan");
    const preds = page.getByTestId("predecessors");
    await expect.poll(() => preds.locator("tr.ant-table-row").count()).toBe(2);
    expect(await preds.innerText()).toContain("Xã Ga Ri");
    expect(await preds.innerText()).toContain("Xã A Xan");
    expect(await preds.innerText()).toContain("01/06/2025");
    expect(await preds.innerText()).toContain("Thử nghiệm sáp nhập trong kiểm thử e2e");
    await page.screenshot({ path: path.join(artifacts, "28-merged-unit-history.png"), fullPage: true });
    await page.close();
  });

  it("saves and shows a campaign's legal reference", async () => {
    const page = await signIn("quangnam");
    await page.goto(`${web.url}/campaigns`);
    const row = page.getByTestId("campaign-table").locator("tr.ant-table-row").filter({ hasText: "Cao điểm 20 ngày" });
    await row.waitFor();
    // the demo's legal reference is shown (the list once read a field the server never sends)
    expect(await row.innerText()).toContain("Kết luận của Phó Chủ tịch UBND tỉnh");
    await row.locator("button").first().click();
    const input = page.getByTestId("campaign-legal-ref");
    await expect.poll(() => input.inputValue()).toContain("Kết luận của Phó Chủ tịch");
    await input.fill("Kế hoạch 563/KH-UBND");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/\/campaigns(\?|$)/);
    await expect.poll(() => page.getByTestId("campaign-table").locator("tr.ant-table-row").filter({ hasText: "Cao điểm 20 ngày" }).innerText()).toContain("Kế hoạch 563/KH-UBND");
    const saved = await apiGet<{ legalReference: string }[]>("quangnam", "/api/campaigns?code=QNA-SHHT-2025");
    expect(saved[0]!.legalReference).toBe("Kế hoạch 563/KH-UBND");
    await page.screenshot({ path: path.join(artifacts, "29-campaign-legal-reference.png") });
    await page.close();
  });

  it("previews a registry import (what opens, closes, changes), then imports it", { timeout: 300_000 }, async () => {
    // the 2025-07-01 registry of the provinces the demo has, plus one new commune in Đà Nẵng
    const open = await apiGet<{ code: string }[]>("admin", "/api/units?level=PROVINCE&date=2025-08-01&_start=0&_end=100");
    const all = JSON.parse(readFileSync(path.resolve(appRoot, "../../packages/db/registry/vn-units-2025-07-01.json"), "utf8")) as { code: string; wards?: object[] }[];
    const reg = all.filter((p) => open.some((o) => o.code === p.code));
    reg.find((p) => p.code === "48")!.wards!.push({ code: "99901", name: "Thử Nghiệm", fullName: "Xã Thử Nghiệm", type: "commune" });
    const file = path.join(artifacts, "registry-2026.json");
    writeFileSync(file, JSON.stringify(reg));
    const page = await signIn("admin");
    await menuLink(page, "Quản lý", "Nhập danh mục đơn vị");
    const pane = page.getByTestId("import-registry");
    await pane.waitFor();
    await pane.locator("input[type=file]").setInputFiles(file);
    await pickDate(page, "import-registry-date", "01/01/2026");
    await page.getByTestId("import-registry-preview").click();
    const counts = page.getByTestId("registry-counts");
    await counts.waitFor();
    const commune = counts.locator("tr").filter({ hasText: "Xã" }).first();
    expect((await commune.innerText()).split("\t").map((x) => x.trim())[1]).toBe("1"); // one commune opens
    await page.screenshot({ path: path.join(artifacts, "30-registry-import-preview.png"), fullPage: true });
    // nothing stored by the preview
    expect(await apiGet<unknown[]>("admin", "/api/units?code=99901&date=2026-02-01")).toHaveLength(0);
    await page.getByTestId("import-registry-confirm").click();
    // units that close (the commune merged above, under a district gone since 01/07/2025) ask for a confirmation
    const ok = page.locator(".ant-popconfirm").getByRole("button", { name: "Nhập" });
    const done = page.getByTestId("import-registry-done");
    // Confirm whenever the popconfirm shows (a click during its opening animation can be lost), until the import
    // is done; on a loaded CI machine importing the registry on PGlite can take a while.
    const deadline = Date.now() + 200_000;
    while (!(await done.isVisible())) {
      if (Date.now() > deadline) throw new Error("the registry import did not finish");
      if (await ok.isVisible()) await ok.click({ timeout: 2_000 }).catch(() => undefined);
      await page.waitForTimeout(250);
    }
    expect(await apiGet<{ fullName: string }[]>("admin", "/api/units?code=99901&date=2026-02-01")).toEqual([expect.objectContaining({ fullName: "Xã Thử Nghiệm" })]);
    await page.screenshot({ path: path.join(artifacts, "31-registry-import-done.png"), fullPage: true });
    await page.close();
  });
});
