// `npm start`: installs everything, then starts the API (embedded PGlite database under ./data,
// migrated, demo loaded when empty), the admin console and the Excel task-pane dev host.
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, ensurePnpm, install, spawn } from "./lib.mjs";

const pnpm = ensurePnpm();
install(pnpm);

const API_PORT = process.env.PORT ?? "3000";
const CONSOLE_PORT = process.env.SOHOA_CONSOLE_PORT ?? "5173";
const ADDIN_PORT = process.env.SOHOA_ADDIN_PORT ?? "3001";

/** True when nothing listens on the port (we can bind it ourselves for a moment). */
function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer().once("error", () => resolve(false));
    s.listen(Number(port), () => s.close(() => resolve(true)));
  });
}
const taken = [];
for (const [what, port, env] of [["API", API_PORT, "PORT"], ["console", CONSOLE_PORT, "SOHOA_CONSOLE_PORT"], ["Excel task pane", ADDIN_PORT, "SOHOA_ADDIN_PORT"]]) {
  if (!(await portFree(port))) taken.push(`  ${what}: port ${port} is already in use${env ? ` (choose another with ${env}=<port>)` : ""}`);
}
if (taken.length) {
  console.error(`[sohoa] cổng đang được dùng — ports already in use (is Sohoa already running?):\n${taken.join("\n")}`);
  process.exit(1);
}
const children = [];
function start(name, pkg, script, env = {}) {
  const pkgJson = JSON.parse(readFileSync(path.join(ROOT, pkg, "package.json"), "utf8"));
  if (!pkgJson.scripts?.[script]) return false;
  const child = spawn(pnpm, ["--filter", pkgJson.name, "run", script], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream.on("data", (d) => {
      buf += d;
      const lines = buf.split("\n");
      buf = lines.pop();
      for (const l of lines) if (l.trim()) process.stdout.write(prefix + l + "\n");
    });
  }
  child.on("exit", (code) => {
    console.log(`${prefix}exited with code ${code}`);
    if (name === "api") shutdown(code ?? 1);
  });
  children.push(child);
  return true;
}

function shutdown(code = 0) {
  for (const c of children) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

start("api", "apps/server", "start", { PORT: API_PORT, SOHOA_DATA_DIR: process.env.SOHOA_DATA_DIR ?? path.join(ROOT, "data/pglite") });
const admin = start("console", "apps/admin", "dev", { SOHOA_API_URL: `http://127.0.0.1:${API_PORT}`, SOHOA_CONSOLE_PORT: CONSOLE_PORT });
const addin = start("addin", "apps/excel-addin", "dev", { SOHOA_API_URL: `http://127.0.0.1:${API_PORT}`, SOHOA_ADDIN_PORT: ADDIN_PORT });

// The banner comes once the API answers (the first start loads the demo, about a minute).
async function waitForApi() {
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${API_PORT}/api/health`);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}
waitForApi().then((up) => {
  if (!up) return console.log("[sohoa] the API did not answer within 10 minutes; see the [api] lines above");
  console.log(`
──────────────────────────────────────────────────────────────
 Sohoa is running (${process.env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : "embedded database: data/pglite"})
   API:             http://localhost:${API_PORT}/api   (docs: http://localhost:${API_PORT}/api/docs)
${admin ? `   Console:         http://localhost:${CONSOLE_PORT}\n` : ""}${addin ? `   Excel task pane: https://localhost:${ADDIN_PORT}/taskpane.html (http:// when no dev certificate could be made; manifests: pnpm --filter @sohoa/excel-addin manifest)\n` : ""}   Demo sign-in:    admin / Sohoa@2025   (also quangnam, lanhdao, donggiang, zahung)
 Ctrl+C stops everything.
──────────────────────────────────────────────────────────────`);
});
