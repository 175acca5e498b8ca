/**
 * Bench for the console (`pnpm --filter @sohoa/admin bench`):
 *  1. builds the app and a baseline (React rendering a plain table), and prints the gzip size of the JS the
 *     first dashboard view needs (entry + its static imports, from Vite's manifest; goal ≤ 500 KB);
 *  2. in Chromium, measures data arrival → rendered dashboard for a province with 233 communes (goal < 1 s),
 *     against the baseline page rendering the same payload in the same run, and prints the ratios;
 *  3. time to content: navigation → rendered dashboard (JS load, sign-in check, data, render; goal < 1,5 s).
 * The API is a fixture server (bench/fixtures.mjs), so the figure is the console's own cost.
 */
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { chromium } from "playwright-core";
import { benchUser, compliance, provinceProgress, trend } from "./fixtures.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function firstViewBytes(outDir) {
  const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8"));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const seen = new Set();
  const walk = (k) => { if (seen.has(k)) return; seen.add(k); for (const i of manifest[k].imports ?? []) walk(i); };
  walk(entry);
  let gzip = 0, raw = 0;
  for (const k of seen) {
    const buf = readFileSync(path.join(outDir, manifest[k].file));
    raw += buf.length;
    gzip += gzipSync(buf).length;
    for (const css of manifest[k].css ?? []) gzip += gzipSync(readFileSync(path.join(outDir, css))).length;
  }
  return { files: seen.size, raw, gzip };
}

const progress = provinceProgress(233);
const api = {
  "/api/auth/me": { user: benchUser },
  "/api/units/49/progress": progress,
  "/api/units/49/trend": trend(),
  "/api/compliance": compliance(progress),
};

function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname.startsWith("/api/")) {
      const body = api[url.pathname];
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { error: { code: "not_found", message: { vi: "Không có", en: "None" } } }));
      return;
    }
    let file = path.join(dir, url.pathname);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, "index.html");
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
    res.writeHead(200, { "content-type": type });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

// Marks when the progress JSON has been parsed: the "data arrival" instant, measured inside the page.
const INIT = `
  localStorage.setItem("sohoa.session", ${JSON.stringify(JSON.stringify({ token: "bench", expiresAt: "2999-01-01T00:00:00Z", user: benchUser }))});
  const json = Response.prototype.json;
  Response.prototype.json = async function () { const v = await json.call(this); if (this.url.includes("/progress")) performance.mark("sohoa:data"); return v; };
`;

async function measure(browser, url, runs) {
  const times = [];
  const toContent = [];
  let cold = 0;
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(INIT);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("sohoa:dashboard-rendered").length > 0, null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const d = performance.getEntriesByName("sohoa:data")[0];
      const r = performance.getEntriesByName("sohoa:dashboard-rendered")[0];
      return { dataToRender: r.startTime - d.startTime, navToRender: r.startTime };
    });
    times.push(t.dataToRender);
    toContent.push(t.navToRender);
    cold = Math.max(cold, t.navToRender);
    await page.close();
  }
  times.sort((a, b) => a - b);
  toContent.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], cold, content: toContent[Math.floor(toContent.length / 2)] };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;

const quiet = { logLevel: "warn" };
await build({ root: appRoot, configFile: path.join(appRoot, "vite.config.ts"), ...quiet });
await build({ root: path.join(here, "baseline"), configFile: false, ...quiet, build: { outDir: path.join(appRoot, "bench/.out/baseline"), manifest: true, emptyOutDir: true } });
const app = firstViewBytes(path.join(appRoot, "dist"));
const base = firstViewBytes(path.join(appRoot, "bench/.out/baseline"));
console.log(`first dashboard view JS: ${kb(app.gzip)} gzip (${kb(app.raw)} raw, ${app.files} files) — goal ≤ 500 KB: ${app.gzip <= 500 * 1024 ? "OK" : "OVER"}`);
console.log(`baseline (React + plain table): ${kb(base.gzip)} gzip — ratio ${(app.gzip / base.gzip).toFixed(2)}×, ${((app.gzip / (500 * 1024)) * 100).toFixed(0)}% of budget`);

if (!existsSync(CHROMIUM)) {
  console.log(`render timing skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  process.exit(0);
}
const appServer = await serve(path.join(appRoot, "dist"));
const baseServer = await serve(path.join(appRoot, "bench/.out/baseline"));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  await measure(browser, appServer.url + "/", 1); // warm-up (V8 code cache, fonts)
  await measure(browser, baseServer.url + "/", 1);
  const a = await measure(browser, appServer.url + "/", RUNS);
  const b = await measure(browser, baseServer.url + "/", RUNS);
  console.log(`data → rendered dashboard, 233 communes (median of ${RUNS}): ${ms(a.median)} [min ${ms(a.min)}, max ${ms(a.max)}] — goal < 1000 ms: ${a.median < 1000 ? "OK" : "OVER"}`);
  console.log(`baseline (React plain table, same payload): ${ms(b.median)} — ratio ${(a.median / Math.max(b.median, 0.1)).toFixed(1)}×`);
  console.log(`time to content, navigation → rendered dashboard (median of ${RUNS}): ${ms(a.content)} — goal < 1500 ms: ${a.content < 1500 ? "OK" : "OVER"}; baseline ${ms(b.content)}`);
  console.log(`navigation → rendered (worst run, includes JS load): app ${ms(a.cold)}, baseline ${ms(b.cold)} — ratio ${(a.cold / b.cold).toFixed(1)}×`);
} finally {
  await browser.close();
  await appServer.close();
  await baseServer.close();
}
