import { createReadStream, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// Build-time tooling: the add-in's env boundary is here (SOHOA_API_URL for the dev proxy).
const apiTarget = process.env.SOHOA_API_URL ?? "http://127.0.0.1:3000";
const officeDist = path.join(path.dirname(createRequire(import.meta.url).resolve("@microsoft/office-js/package.json")), "dist");

/** Serves office.js from the @microsoft/office-js package at /office-js/ (no internet needed). */
function selfHostedOfficeJs(): Plugin {
  return {
    name: "sohoa-office-js",
    configureServer(server) {
      server.middlewares.use("/office-js", (req, res, next) => {
        const file = path.join(officeDist, decodeURIComponent((req.url ?? "/").split("?")[0]!));
        if (!file.startsWith(officeDist) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("Content-Type", file.endsWith(".js") ? "text/javascript" : "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), selfHostedOfficeJs()],
  server: { port: 3001, strictPort: true, proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
  build: { outDir: "dist", rollupOptions: { input: "taskpane.html" } },
});
