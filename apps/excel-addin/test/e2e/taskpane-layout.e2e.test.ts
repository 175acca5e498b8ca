/**
 * The task pane at the width Excel gives it (320 px; 300 px at the narrowest): with the signed-in header, the
 * notices ("Đã chèn mẫu…", "Không kết nối được…"), the problem list and in English, nothing is wider than the
 * pane, so "Gửi báo cáo", "Đăng xuất" and the language switch stay on screen. Screenshots go to reports/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { root, skipReason, startPaneEnv, type PaneEnv } from "./pane-env";

const NOW = "2025-02-19T03:00:00Z";
const shots = path.join(root, "reports", "screenshots");
if (skipReason) console.warn(`[excel-addin layout e2e] skipped: ${skipReason}`);

type Overflow = { scrollWidth: number; innerWidth: number; wide: string[] };

/** Every visible element whose right edge passes the viewport, named by tag, test id and text. */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === "hidden" || style.display === "none") continue;
      if (r.right > window.innerWidth + 0.5 || r.left < -0.5) wide.push(`${el.tagName.toLowerCase()}[${el.dataset.testid ?? ""}] ${Math.round(r.left)}–${Math.round(r.right)} "${(el.textContent ?? "").slice(0, 40)}"`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
  });
}

async function expectFits(page: Page, shot: string) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
  const m = await measure(page);
  expect(m.wide, shot).toEqual([]);
  expect(m.scrollWidth, shot).toBeLessThanOrEqual(m.innerWidth);
}

/** The control is inside the viewport horizontally (reachable without scrolling sideways). */
async function expectOnScreen(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x, testId).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, testId).toBeLessThanOrEqual(page.viewportSize()!.width);
}

describe.skipIf(!!skipReason)("task pane layout at 320 px", () => {
  let env: PaneEnv;
  beforeAll(async () => {
    env = await startPaneEnv(NOW, { width: 320, height: 640 });
  }, 300_000);
  afterAll(async () => {
    await env?.close();
  }, 60_000);

  it("header, notices, problems and English all wrap inside 320 px (and 300 px)", async () => {
    const { page, base } = env;
    await page.goto(`${base}/test/e2e/harness.html?api=1.1`);
    await page.getByTestId("username").waitFor();
    await expectFits(page, "layout-320-sign-in");

    await page.getByTestId("username").fill("zahung");
    await page.getByTestId("password").fill("Sohoa@2025");
    await page.getByTestId("sign-in").click();
    await page.getByTestId("progress-line").waitFor();
    await expectFits(page, "layout-320-signed-in");
    for (const id of ["sign-out", "language", "submit"]) await expectOnScreen(page, id);

    await page.getByTestId("insert-template").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Đã chèn mẫu");
    await expectFits(page, "layout-320-inserted");

    // digitized above total on the first row: the problem list appears
    const sheet = (await page.evaluate("window.__host.model.sheets[window.__host.model.sheets.length - 1].name")) as string;
    await page.evaluate((s) => (window as unknown as { __host: { model: { setValues(s: string, a: string, v: unknown[][]): void } } }).__host.model.setValues(s, "D6", [[4, 1, 1200, 1500, 0, 0]]), sheet);
    await page.getByTestId("validate").click();
    await page.getByTestId("problems-error").waitFor();
    await expectFits(page, "layout-320-problems");

    // fix it, then submit with the network down: the long "Không kết nối được…" notice with its retry button
    await page.evaluate((s) => (window as unknown as { __host: { model: { setValues(s: string, a: string, v: unknown[][]): void } } }).__host.model.setValues(s, "G6", [[600]]), sheet);
    await page.route("**/api/submissions", (route) => route.abort("internetdisconnected"));
    await page.getByTestId("submit").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Không kết nối được");
    await expectFits(page, "layout-320-offline");
    for (const id of ["sign-out", "language", "submit", "retry"]) await expectOnScreen(page, id);

    await page.getByTestId("language").click();
    await expect.poll(() => page.getByTestId("submit").textContent()).toBe("Submit");
    // the notice shown before the switch follows it too (it stayed Vietnamese)
    expect(await page.getByTestId("notice").textContent()).not.toContain("Không kết nối được");
    await expectFits(page, "layout-320-english");

    await page.setViewportSize({ width: 300, height: 640 });
    await expectFits(page, "layout-300-english");
    for (const id of ["sign-out", "language", "submit", "retry"]) await expectOnScreen(page, id);

    // the province's official: the unit picker lists its districts (a select as wide as its longest name)
    await page.getByTestId("sign-out").click();
    await page.getByTestId("username").fill("quangnam");
    await page.getByTestId("password").fill("Sohoa@2025");
    await page.getByTestId("sign-in").click();
    await page.getByTestId("unit-select").waitFor();
    await page.getByTestId("progress-line").waitFor();
    await expectFits(page, "layout-300-province");
    for (const id of ["sign-out", "language", "submit", "unit-select"]) await expectOnScreen(page, id);
  }, 300_000);
});
