/**
 * The task pane in a real Chromium, on the in-memory Excel double (as the globals Excel and Office, ExcelApi
 * 1.1 like Excel 2016), against the real server on PGlite with the Quảng Nam demo. The official of Xã Za Hung
 * signs in, inserts the template, types figures, validates, sees the marks, fixes, submits (first with the
 * network down: nothing changes and retrying uses the same Idempotency-Key), sees the receipt, and the server
 * has the new figures.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";
import { createClient } from "../../src/api";
import { MARK_FILL } from "../../src/excel/marks";

const NOW = "2025-02-19T03:00:00Z";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const serverModule = path.resolve(root, "../server/src/testing.ts");
const skipReason = !existsSync(chromium)
  ? `Chromium not found at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`
  : !existsSync(serverModule)
    ? "apps/server/src/testing.ts (startTestServer) does not exist yet"
    : null;
if (skipReason) console.warn(`[excel-addin e2e] skipped: ${skipReason}`);

type Host = { model: { sheets: { name: string }[]; setValues(s: string, a: string, v: unknown[][]): void; fill(s: string, a: string): string | null; fills(s: string): Map<string, string>; value(s: string, a: string): unknown; selection: unknown }; syncs: number };

describe.skipIf(!!skipReason)("task pane in Chromium on the Excel double, against the real server", () => {
  let server: { url: string; close(): Promise<void> };
  let vite: ViteDevServer;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    const { startTestServer } = (await import("@sohoa/server/testing")) as { startTestServer: (o?: { demo?: boolean; clock?: () => Date }) => Promise<{ url: string; close(): Promise<void> }> };
    // The demo tells the Quảng Nam story of February 2025: the server and the page live on 19/02/2025.
    server = await startTestServer({ demo: true, clock: () => new Date(NOW) });
    process.env.SOHOA_API_URL = server.url;
    const { createServer } = await import("vite");
    vite = await createServer({ root, configFile: path.join(root, "vite.config.ts"), mode: "test", logLevel: "warn", server: { port: 0, strictPort: false, host: "127.0.0.1" } });
    await vite.listen();
    base = vite.resolvedUrls!.local[0]!.replace(/\/$/, "");
    const { chromium: pw } = await import("playwright-core");
    browser = await pw.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    await page.clock.setFixedTime(new Date(NOW));
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => console.error("[page error]", e.message));
  }, 300_000);

  afterAll(async () => {
    if (page && (globalThis as { __failed?: boolean }).__failed) {
      mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
      await page.screenshot({ path: path.join(root, "test-artifacts", "taskpane.png"), fullPage: true }).catch(() => undefined);
    }
    await browser?.close();
    await vite?.close();
    await server?.close();
  }, 60_000);

  const host = <T,>(fn: (h: Host) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__host)`) as Promise<T>;

  it("sign in, insert the template, enter figures, validate, fix, submit (network down, then retry), receipt, figures on the server", async () => {
    try {
      await page.goto(`${base}/test/e2e/harness.html?api=1.1`);
      await page.getByTestId("username").fill("zahung");
      await page.getByTestId("password").fill("Sohoa@2025");
      await page.getByTestId("sign-in").click();
      await expect.poll(() => page.getByTestId("unit-name").textContent()).toContain("20491");
      await page.getByTestId("progress-line").waitFor();
      expect(await page.getByTestId("forecast").textContent()).toBeTruthy();
      // the token sits in sessionStorage only (no localStorage)
      expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);

      await page.getByTestId("insert-template").click();
      await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Đã chèn mẫu");
      const sheetName = await host((h) => h.model.sheets[h.model.sheets.length - 1]!.name);
      expect(sheetName).toContain("20491");
      expect(await host((h) => h.model.value(h.model.sheets[h.model.sheets.length - 1]!.name, "A5"))).toBe("STT");

      // The official types the first row's figures, with digitized > total (a mistake), and has a fill of their own.
      const rows = await page.evaluate(`(() => { const h = window.__host; const s = h.model.sheets[h.model.sheets.length - 1].name; let n = 0; for (let r = 6; r < 200; r++) { if (h.model.value(s, "A" + r) === null) break; n++; } return n; })()`) as number;
      expect(rows).toBeGreaterThan(1);
      const figures: number[][] = [];
      for (let i = 0; i < rows; i++) figures.push([4, i === 0 ? 1 : 0, 1200, i === 0 ? 1500 : 0, 0, 0]);
      await page.evaluate(([s, f]) => {
        const h = (window as unknown as { __host: Host }).__host;
        h.model.setValues(s as string, "D6", f as number[][]);
        (h.model as unknown as { setFill(s: string, a: string, c: string): void }).setFill(s as string, "K6", "#C6EFCE");
      }, [sheetName, figures] as const);

      await page.getByTestId("validate").click();
      await page.getByTestId("problems-error").waitFor();
      const links = await page.getByTestId("problem-link").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
      expect(links).toContain("G6");
      expect(await host((h) => h.model.fill(h.model.sheets[h.model.sheets.length - 1]!.name, "G6"))).toBe(MARK_FILL.error);
      // and says what it read of the sheet before anything is sent: the report date and the rows it counts
      expect(await page.getByTestId("reading").textContent()).toMatch(/Ngày báo cáo[\s\S]*\d+ dòng số liệu/);
      expect(await host((h) => h.model.fill(h.model.sheets[h.model.sheets.length - 1]!.name, "K6"))).toBe("#C6EFCE");
      // clicking a problem selects its cell
      await page.locator('[data-testid="problem-link"][data-cell="G6"]').first().click();
      await expect.poll(() => host((h) => h.model.selection)).toEqual({ sheet: sheetName, address: "G6" });

      // Fix and validate again: the mark goes, the official's own fill stays.
      await page.evaluate((s) => (window as unknown as { __host: Host }).__host.model.setValues(s, "G6", [[600]]), sheetName);
      await page.getByTestId("validate").click();
      await expect.poll(() => host((h) => h.model.fill(h.model.sheets[h.model.sheets.length - 1]!.name, "G6"))).toBe(null);
      expect(await page.getByTestId("problems-error").count()).toBe(0);
      expect(await host((h) => h.model.fill(h.model.sheets[h.model.sheets.length - 1]!.name, "K6"))).toBe("#C6EFCE");

      // Submit with the network down: a clear message, a retry button, nothing in the sheet changed.
      const keys: string[] = [];
      page.on("request", (r) => {
        if (r.url().endsWith("/api/submissions") && r.method() === "POST") keys.push(r.headers()["idempotency-key"] ?? "");
      });
      const before = await host((h) => JSON.stringify([...h.model.fills(h.model.sheets[h.model.sheets.length - 1]!.name)]));
      await page.route("**/api/submissions", (route) => route.abort("internetdisconnected"));
      await page.getByTestId("submit").click();
      await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Không kết nối được");
      expect(await host((h) => JSON.stringify([...h.model.fills(h.model.sheets[h.model.sheets.length - 1]!.name)]))).toBe(before);
      await page.unroute("**/api/submissions");
      await page.getByTestId("retry").click();
      // warnings from the server (if any) are acknowledged, then the receipt
      await page.waitForSelector('[data-testid="receipt"], [data-testid="accept-warnings"]');
      if (await page.getByTestId("accept-warnings").count()) await page.getByTestId("accept-warnings").click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.getByTestId("receipt").textContent()).toContain("Đã ghi nhận báo cáo");
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(keys[1]).toBe(keys[0]);

      // The server has the new figures, and the pane shows them.
      const api = createClient(server.url);
      const s = await api.login("zahung", "Sohoa@2025");
      const p = await api.progress(s.token, "20491");
      expect(p.unit.counts.entriesDigitized).toBe(600);
      expect(p.unit.counts.entriesTotal).toBe(1200 * rows);
      await expect.poll(() => page.getByTestId("progress-line").textContent()).toContain("600/");

      // English switch
      await page.getByTestId("language").click();
      await expect.poll(() => page.getByTestId("submit").textContent()).toBe("Submit");
    } catch (e) {
      (globalThis as { __failed?: boolean }).__failed = true;
      throw e;
    }
  }, 300_000);
});
