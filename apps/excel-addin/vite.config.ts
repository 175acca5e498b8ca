import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig, type Plugin, type UserConfig } from "vite";
import react from "@vitejs/plugin-react";

// Build-time tooling: the add-in's env boundary is here.
//   SOHOA_API_URL     where the dev server proxies /api (default http://127.0.0.1:3000)
//   SOHOA_OFFICE_JS   "local" (the @microsoft/office-js copy, served at /office-js/) or "cdn" (Microsoft's CDN).
//                     Default: local for the dev server and tests, cdn for production builds — Microsoft supports
//                     office.js only from its CDN; the local copy is for development and intranets without internet.
//   SOHOA_HTTPS       "0" to serve plain http in development
const env = process.env;
const apiTarget = env.SOHOA_API_URL ?? "http://127.0.0.1:3000";
const require = createRequire(import.meta.url);
const officeDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

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

/** Puts the chosen office.js URL into taskpane.html (placeholder %SOHOA_OFFICE_JS%). */
function officeJsSource(source: "local" | "cdn"): Plugin {
  return {
    name: "sohoa-office-js-source",
    transformIndexHtml(html) {
      return html.replace("%SOHOA_OFFICE_JS%", source === "cdn" ? OFFICE_JS_CDN : "/office-js/office.js");
    },
  };
}

/** HTTPS with the Office add-in development certificates; plain http (said loudly) when they cannot be made. */
async function devHttps(): Promise<{ key: Buffer; cert: Buffer; ca: Buffer } | undefined> {
  if (env.SOHOA_HTTPS === "0") {
    console.warn("[sohoa] SOHOA_HTTPS=0: serving the task pane over plain http (Excel will refuse to load it).");
    return undefined;
  }
  try {
    const certs = (await import("office-addin-dev-certs")) as typeof import("office-addin-dev-certs");
    return await certs.getHttpsServerOptions();
  } catch (err) {
    // Installing the CA into the machine's store can fail (no sudo/certutil) after the certificates were made:
    // serve https with them anyway and say how to trust the CA by hand.
    const dir = path.join(process.env.HOME ?? "", ".office-addin-dev-certs");
    const [key, cert, ca] = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
    if (existsSync(key!) && existsSync(cert!) && existsSync(ca!)) {
      console.warn(`[sohoa] The development CA could not be installed (${(err as Error).message.trim()}); serving https with the certificates in ${dir}. Trust ${ca} in your browser/OS for Excel to load the pane.`);
      return { key: readFileSync(key!), cert: readFileSync(cert!), ca: readFileSync(ca!) };
    }
    console.warn(`[sohoa] Could not create or install the development certificates (office-addin-dev-certs): ${(err as Error).message}\n[sohoa] Falling back to plain http on port 3001; Excel needs https, so sideloading will not work until certificates can be installed.`);
    return undefined;
  }
}

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  const officeJs = env.SOHOA_OFFICE_JS === "cdn" || env.SOHOA_OFFICE_JS === "local" ? env.SOHOA_OFFICE_JS : command === "build" && mode === "production" ? "cdn" : "local";
  const https = command === "serve" && mode === "development" ? await devHttps() : undefined;
  return {
    plugins: [react(), selfHostedOfficeJs(), officeJsSource(officeJs)],
    // 3001 is the port the manifests name; SOHOA_ADDIN_PORT only for a second instance beside it (CI's fresh-clone start).
    server: { port: Number(env.SOHOA_ADDIN_PORT ?? 3001), strictPort: true, ...(https ? { https } : {}), proxy: { "/api": { target: apiTarget, changeOrigin: true } } },
    build: { outDir: "dist", rollupOptions: { input: "taskpane.html" } },
  };
});
