import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase } from "../testing";
import { CSP } from "./csp";

describe("content security policy and the API docs", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase({ demo: false });
    app = createApp({ db });
    // the console's production build, served by the same app as src/index.ts does
    app.get("/", (c) => c.html("<!doctype html><div id=root></div>"));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("JSON allows nothing to run; the console's page only scripts of this origin", async () => {
    expect((await app.request("/api/health")).headers.get("content-security-policy")).toBe(CSP.api);
    expect((await app.request("/api/nothing-here")).headers.get("content-security-policy")).toBe(CSP.api);
    const page = (await app.request("/")).headers.get("content-security-policy")!;
    expect(page).toContain("script-src 'self'");
    expect(page).toContain("frame-ancestors 'none'");
    expect(page).not.toContain("unsafe-eval");
  });

  it("serves Swagger UI from the installed package: no CDN, no inline script", async () => {
    const res = await app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(CSP.page);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const src of [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await app.request(src);
      expect(asset.status, src).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(10);
    }
    expect(await (await app.request("/api/docs/assets/init.js")).text()).toContain("/api/openapi.json");
    expect((await app.request("/api/docs/assets/..%2Fpackage.json")).status).toBe(404);
  });
});
