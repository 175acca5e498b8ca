/**
 * Test harness shared by the server's tests and the console/add-in end-to-end tests: a real server on a
 * fresh database (in-memory PGlite, or PostgreSQL when DATABASE_URL is set), optionally with the Quảng Nam
 * demo. The demo database is built once and cached as a PGlite dump keyed by the migrations and the demo
 * code, so each test file starts in seconds.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type Database, migrate, openDatabase, readMigrations, isPostgresUrl } from "@sohoa/db";
import { createTestDatabase } from "@sohoa/db/testing";
import { createApp, type AppConfig } from "./app";
import { loadDemo, type DemoOptions } from "./demo/quang-nam";

const here = path.dirname(fileURLToPath(import.meta.url));

function demoCacheKey(registry: string, progress: boolean): string {
  const h = createHash("sha256");
  for (const m of readMigrations()) h.update(m.name).update(m.sql);
  const demoDir = path.join(here, "demo");
  for (const f of readdirSync(demoDir).sort()) if (!f.endsWith(".test.ts")) h.update(readFileSync(path.join(demoDir, f)));
  h.update(registry);
  if (!progress) h.update("without-progress");
  return h.digest("hex").slice(0, 16);
}

/** A migrated database, with the demo loaded when asked (from the cache when possible). */
export async function openTestDatabase(opts: { demo?: boolean; registry?: DemoOptions["registry"]; progress?: boolean } = {}): Promise<Database> {
  const registry = opts.registry ?? "province";
  const progress = opts.progress ?? true;
  if (!opts.demo || isPostgresUrl(process.env.DATABASE_URL)) {
    const db = await createTestDatabase();
    if (opts.demo) await loadDemo(db, { registry, progress });
    return db;
  }
  const dir = path.join(tmpdir(), "sohoa-test-cache");
  const file = path.join(dir, `demo-${progress ? "" : "units-"}${demoCacheKey(registry, progress)}.tar.gz`);
  if (existsSync(file) && statSync(file).size > 0) {
    const db = await openDatabase({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(file)]) });
    await migrate(db);
    return db;
  }
  const db = await createTestDatabase();
  await loadDemo(db, { registry, progress });
  if (db.dump) {
    mkdirSync(dir, { recursive: true });
    const blob = await db.dump();
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    // rename is atomic: concurrent test files never read a half-written cache
    (await import("node:fs")).renameSync(tmp, file);
  }
  return db;
}

export interface TestServer {
  url: string;
  db: Database;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { demo?: boolean; registry?: DemoOptions["registry"]; progress?: boolean; config?: Partial<AppConfig>; clock?: () => Date } = {}): Promise<TestServer> {
  const db = await openTestDatabase({ demo: opts.demo ?? true, registry: opts.registry, progress: opts.progress });
  const app = createApp({ db, config: { corsOrigins: ["*"], ...opts.config }, ...(opts.clock ? { clock: opts.clock } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** Signs in through the API and returns the bearer token. */
export async function signIn(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, username: string, password = "Sohoa@2025"): Promise<string> {
  const res = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The env app.request() passes to a handler as if the request came over a socket from `address` (getConnInfo reads it). */
export function fromSocket(address: string): { incoming: { socket: { remoteAddress: string; remoteFamily: string } } } {
  return { incoming: { socket: { remoteAddress: address, remoteFamily: address.includes(":") ? "IPv6" : "IPv4" } } };
}
