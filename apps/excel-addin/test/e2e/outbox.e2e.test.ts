/**
 * The offline queue in a real Chromium on the Excel double, against the real server: a report sent while the
 * network is down is kept on the machine ("Chưa gửi (1)" with its time), survives closing the pane, and goes out
 * under its first Idempotency-Key when the network returns or the pane reopens — once. After a fix, the problems
 * and the marks of the earlier check are gone instead of standing beside the network message.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/api";
import { MARK_FILL } from "../../src/excel/marks";
import { OUTBOX_KEY } from "../../src/queue";
import { root, skipReason, startPaneEnv, type PaneEnv } from "./pane-env";

const NOW = "2025-02-19T03:00:00Z";
const shots = path.join(root, "reports", "screenshots");
type Model = { sheets: { name: string }[]; setValues(s: string, a: string, v: unknown[][]): void; fill(s: string, a: string): string | null; value(s: string, a: string): unknown };

describe.skipIf(!!skipReason)("task pane outbox", () => {
  let env: PaneEnv;
  beforeAll(async () => {
    env = await startPaneEnv(NOW, { width: 320, height: 900 });
  }, 300_000);
  afterAll(async () => {
    await env?.close();
  }, 60_000);

  it("keeps an unsent report across a reopen, resends it with its key when online, never twice", async () => {
    const { page, base } = env;
    mkdirSync(shots, { recursive: true });
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/submissions") && r.method() === "POST") posts.push(r.headers()["idempotency-key"] ?? "");
    });
    const lastSheet = () => page.evaluate("window.__host.model.sheets[window.__host.model.sheets.length - 1].name") as Promise<string>;
    const setValues = (s: string, a: string, v: unknown[][]) => page.evaluate(([s, a, v]) => (window as unknown as { __host: { model: Model } }).__host.model.setValues(s as string, a as string, v as unknown[][]), [s, a, v] as const);
    const fill = (s: string, a: string) => page.evaluate(([s, a]) => (window as unknown as { __host: { model: Model } }).__host.model.fill(s!, a!), [s, a]);
    const stored = () => page.evaluate((k) => localStorage.getItem(k), OUTBOX_KEY);
    const acceptIfAsked = async () => {
      await page.waitForSelector('[data-testid="receipt"], [data-testid="accept-warnings"]');
      const asked = (await page.getByTestId("accept-warnings").count()) > 0;
      if (asked) await page.getByTestId("accept-warnings").click();
      await page.getByTestId("receipt").waitFor();
      return asked;
    };

    await page.goto(`${base}/test/e2e/harness.html?api=1.1`);
    await page.getByTestId("username").fill("zahung");
    await page.getByTestId("password").fill("Sohoa@2025");
    await page.getByTestId("sign-in").click();
    await page.getByTestId("progress-line").waitFor();
    expect(await page.getByTestId("outbox").count()).toBe(0);
    await page.getByTestId("insert-template").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Đã chèn mẫu");
    const sheet = await lastSheet();

    // a mistake, checked and marked; then fixed and sent straight away with the network down
    await setValues(sheet, "D6", [[4, 1, 1200, 1500, 0, 0]]);
    await page.getByTestId("validate").click();
    await page.getByTestId("problems-error").waitFor();
    expect(await fill(sheet, "G6")).toBe(MARK_FILL.error);
    await setValues(sheet, "G6", [[600]]);
    await page.route("**/api/submissions", (route) => route.abort("internetdisconnected"));
    await page.getByTestId("submit").click();
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Không kết nối được");
    expect(await page.getByTestId("problems").count()).toBe(0);
    expect(await fill(sheet, "G6")).toBe(null);
    expect(await page.getByTestId("outbox-title").textContent()).toBe("Chưa gửi (1)");
    expect(await page.getByTestId("outbox-item").textContent()).toContain("20491 · lúc 10:00:00 19/2/2025");
    expect(JSON.parse((await stored())!)).toHaveLength(1);
    await page.screenshot({ path: path.join(shots, "outbox-offline.png"), fullPage: true });

    // the pane is closed and reopened, still without network: the report is still waiting, not lost
    await page.reload();
    await expect.poll(() => page.getByTestId("outbox-title").textContent().catch(() => null)).toBe("Chưa gửi (1)");
    await expect.poll(() => posts.length).toBe(2); // the reopen tried once, with the same key
    await page.screenshot({ path: path.join(shots, "outbox-reopened.png"), fullPage: true });

    // the network returns: it goes out by itself, under its first key
    await page.unroute("**/api/submissions");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await acceptIfAsked();
    await expect.poll(() => page.getByTestId("outbox").count()).toBe(0);
    expect(await stored()).toBeNull();
    expect(posts[1]).toBe(posts[0]);
    expect(posts[2]).toBe(posts[0]);
    await page.screenshot({ path: path.join(shots, "outbox-sent.png"), fullPage: true });

    // a second report fails, and the pane reopens with the network back: sent on opening, once
    const before = posts.length;
    await page.getByTestId("insert-template").click(); // the reload gave the Excel double an empty workbook
    await expect.poll(() => page.getByTestId("notice").textContent()).toContain("Đã chèn mẫu");
    await setValues(await lastSheet(), "G6", [[700]]);
    await page.route("**/api/submissions", (route) => route.abort("internetdisconnected"));
    await page.getByTestId("submit").click();
    await expect.poll(() => page.getByTestId("outbox-title").textContent()).toBe("Chưa gửi (1)");
    await page.unroute("**/api/submissions");
    await page.reload();
    // sent from the outbox, it is announced (unless the server's warnings had to be confirmed first)
    if (!(await acceptIfAsked())) expect(await page.getByTestId("notice").textContent()).toContain("Đã gửi báo cáo đang chờ");
    expect(await stored()).toBeNull();
    const second = posts.slice(before);
    expect(new Set(second.slice(0, 2)).size).toBe(1);

    // nothing more goes out on another reopen, and the server has the last figures
    const sent = posts.length;
    await page.reload();
    await page.getByTestId("progress-line").waitFor();
    expect(posts.length).toBe(sent);
    const api = createClient(env.serverUrl);
    const s = await api.login("zahung", "Sohoa@2025");
    expect((await api.progress(s.token, "20491")).unit.counts.entriesDigitized).toBe(700);
  }, 300_000);
});
