import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The dev server proxies /api to the Sohoa server; the production build is plain static files in dist/.
// This file runs in Node at build time, so reading process.env here is the app's env boundary for tooling.
const apiTarget = process.env.SOHOA_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  // strictPort: a taken port stops the dev server with a message instead of moving it where the banner does not say.
  server: { port: Number(process.env.SOHOA_CONSOLE_PORT ?? 5173), strictPort: true, proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
  preview: { port: 4173, proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
  build: { outDir: "dist", sourcemap: false, manifest: true, chunkSizeWarningLimit: 1500 },
});
