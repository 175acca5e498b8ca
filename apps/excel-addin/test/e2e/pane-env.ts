/** Starts what a task-pane browser test needs: the real server on PGlite with the demo, Vite, and Chromium. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { ViteDevServer } from "vite";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const serverModule = path.resolve(root, "../server/src/testing.ts");

export const skipReason = !existsSync(chromium)
  ? `Chromium not found at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`
  : !existsSync(serverModule)
    ? "apps/server/src/testing.ts (startTestServer) does not exist yet"
    : null;

export type PaneEnv = { base: string; serverUrl: string; browser: Browser; page: Page; close(): Promise<void> };

export async function startPaneEnv(now: string, viewport?: { width: number; height: number }): Promise<PaneEnv> {
  const { startTestServer } = (await import("@sohoa/server/testing")) as { startTestServer: (o?: { demo?: boolean; clock?: () => Date }) => Promise<{ url: string; close(): Promise<void> }> };
  const server = await startTestServer({ demo: true, clock: () => new Date(now) });
  process.env.SOHOA_API_URL = server.url;
  const { createServer } = await import("vite");
  const vite: ViteDevServer = await createServer({ root, configFile: path.join(root, "vite.config.ts"), mode: "test", logLevel: "warn", server: { port: 0, strictPort: false, host: "127.0.0.1" } });
  await vite.listen();
  const base = vite.resolvedUrls!.local[0]!.replace(/\/$/, "");
  const { chromium: pw } = await import("playwright-core");
  const browser = await pw.launch({
    executablePath: chromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.clock.setFixedTime(new Date(now));
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => console.error("[page error]", e.message));
  return {
    base, serverUrl: server.url, browser, page,
    async close() {
      await browser.close();
      await vite.close();
      await server.close();
    },
  };
}
