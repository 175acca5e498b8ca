/**
 * /api/docs: Swagger UI from the installed swagger-ui-dist (no CDN: the docs work on an intranet), its start-up
 * script a file of its own so the page's Content-Security-Policy allows scripts from 'self' only.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "../context";

const dist = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sohoa API</title><link rel="icon" href="/api/docs/assets/favicon-32x32.png"><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/assets/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });`;

const cache = new Map<string, Uint8Array<ArrayBuffer>>();

export function mountDocs(app: Hono<AppEnv>): void {
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/assets/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get("/api/docs/assets/:file", async (c, next) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (!type) return next();
    let bytes = cache.get(file);
    if (!bytes) cache.set(file, (bytes = new Uint8Array(await readFile(path.join(dist, file)))));
    return c.body(bytes, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
