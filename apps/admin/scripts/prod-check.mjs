// CI's production check: the console built into dist/ and served by the API itself (one process, as "Run it
// for a province" in the README describes) opens in Chromium, signs in and shows the dashboard.
// Usage: node scripts/prod-check.mjs <base url> <screenshot path>
import { chromium } from "playwright-core";

const [base, shot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/login`);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("Sohoa@2025");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("child-table").waitFor();
  if (shot) await page.screenshot({ path: shot });
  console.log(`[prod-check] ${base}: signed in, dashboard shown (${(await page.title()) || "no title"})`);
} catch (e) {
  console.error(`[prod-check] ${base}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
