/**
 * Starts the server: opens the database, applies pending migrations, loads the demo on an empty database, then
 * serves — in this process, or with SOHOA_WORKERS > 1 on PostgreSQL in that many processes sharing the port
 * (the first also runs the scheduler; a process that dies is replaced).
 */
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { openDatabase, migrate, type Database, seedReference } from "@sohoa/db";
import { readEnv } from "./env";
import { createApp } from "./app";
import { isDatabaseEmpty, loadDemo } from "./demo/quang-nam";
import { startScheduler } from "./services/scheduler";

const env = readEnv();
const workers = env.SOHOA_WORKERS === "auto" ? os.availableParallelism() : env.SOHOA_WORKERS;

if (cluster.isPrimary) {
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.SOHOA_DATA_DIR });
  const applied = await migrate(db);
  await seedReference(db);
  console.log(`[sohoa] database ${db.kind} at ${db.location}; ${applied.length} migration(s) applied now`);
  if (env.SOHOA_DEMO === "auto" && (await isDatabaseEmpty(db))) {
    console.log("[sohoa] empty database: loading the Quảng Nam demo (first start only, about a minute)…");
    await loadDemo(db, { registry: "full", log: (l) => console.log(`[sohoa]   ${l}`) });
  }
  if (workers > 1 && db.kind === "postgresql") {
    await db.close();
    startWorkers(workers);
  } else {
    if (workers > 1) console.log("[sohoa] PGlite is embedded in one process: SOHOA_WORKERS is ignored");
    startServer(db, true);
  }
} else {
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.SOHOA_DATA_DIR });
  startServer(db, process.env.SOHOA_WORKER_INDEX === "0");
}

function startWorkers(n: number) {
  let stopping = false;
  const fork = (index: number) => cluster.fork({ SOHOA_WORKER_INDEX: String(index) }).on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[sohoa] server process ${index} ended (${signal ?? code}); starting another`);
    setTimeout(() => fork(index), 1000);
  });
  for (let i = 0; i < n; i++) fork(i);
  console.log(`[sohoa] ${n} server processes`);
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function startServer(db: Database, withScheduler: boolean) {
  const app = createApp({
    db,
    config: { corsOrigins: env.SOHOA_CORS_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean), sessionTtlHours: env.SOHOA_SESSION_TTL_HOURS, log: env.SOHOA_LOG, trustedProxies: env.SOHOA_TRUSTED_PROXIES },
  });
  // A production build of the console (apps/admin/dist) is served from the same origin when present.
  const consoleDist = fileURLToPath(new URL("../../admin/dist", import.meta.url));
  if (existsSync(consoleDist)) {
    const root = path.relative(process.cwd(), consoleDist);
    const files = serveStatic({ root });
    const spa = serveStatic({ path: path.join(root, "index.html") });
    app.use("*", (c, next) => (c.req.path.startsWith("/api") ? next() : files(c, next)));
    app.get("*", (c, next) => (c.req.path.startsWith("/api") ? next() : spa(c, next)));
  }

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    if (cluster.isPrimary || process.env.SOHOA_WORKER_INDEX === "0") console.log(`[sohoa] API http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${info.port}/api (docs: /api/docs)`);
  });
  // A taken port is the commonest start failure: say which and what to do, not a stack trace.
  server.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EADDRINUSE") throw err;
    console.error(`[sohoa] cổng ${env.PORT} đang được dùng — port ${env.PORT} is already in use (another Sohoa or another program). Stop it, or start with PORT=<another port>.`);
    process.exit(1);
  });

  const scheduler =
    withScheduler && env.SOHOA_SCHEDULER === "on"
      ? startScheduler({ db, webhookUrl: env.SOHOA_WEBHOOK_URL, smtpUrl: env.SOHOA_SMTP_URL, mailFrom: env.SOHOA_MAIL_FROM, log: (l) => console.log(`[sohoa] scheduler: ${l}`) })
      : null;
  scheduler?.ready.catch((err) => console.error("[sohoa] scheduler: first pass failed", err));

  async function shutdown() {
    server.close();
    await scheduler?.stop();
    await db.close();
    process.exit(0);
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
