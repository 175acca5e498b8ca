import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sohoa/db/testing";
import { readMigrations } from "@sohoa/db";
import { createApp } from "./app";

describe("GET /api/health", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("reports the database kind and every applied migration", async () => {
    const app = createApp({ db });
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { kind: string; migrations: { applied: string[]; upToDate: boolean } } };
    expect(body.status).toBe("ok");
    expect(body.database.kind).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
    expect(body.database.migrations.applied).toEqual(readMigrations().map((m) => m.name));
    expect(body.database.migrations.upToDate).toBe(true);
  });

  it("is described in the OpenAPI document", async () => {
    const app = createApp({ db });
    const doc = (await (await app.request("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/health");
  });

  it("gives every operation a unique operationId and a declared security, with servers and a licence (what generated clients and linters need)", async () => {
    const app = createApp({ db });
    type Op = { operationId?: string; security?: unknown[] };
    const doc = (await (await app.request("/api/openapi.json")).json()) as { servers?: unknown[]; info: { license?: { name: string } }; paths: Record<string, Record<string, Op>> };
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m)).map(([m, op]) => ({ at: `${m} ${p}`, op })));
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => !o.op.operationId).map((o) => o.at)).toEqual([]);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    expect(ops.filter((o) => !Array.isArray(o.op.security)).map((o) => o.at)).toEqual([]);
    expect(doc.paths["/api/health"]!.get!.security).toEqual([]);
    expect(doc.paths["/api/units/{code}/progress"]?.get?.operationId).toBe("getUnitsByCodeProgress");
    expect(doc.servers?.length).toBe(1);
    expect(doc.info.license?.name).toBeTruthy();
  });
});

describe("request size", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("refuses an oversized body on any endpoint with 413 and a message in both languages, before reading it", async () => {
    const app = createApp({ db, config: { maxBodyBytes: 1024 } });
    const big = JSON.stringify({ username: "x".repeat(2048), password: "y" });
    const res = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message.vi).toContain("tối đa 1 KB");
    // A small body on the same endpoint goes through to validation (wrong password: 401, not 413).
    const small = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "nobody", password: "wrong-password" }) });
    expect(small.status).toBe(401);
    expect(await db.prisma.auditLog.count({ where: { username: "x".repeat(2048) } })).toBe(0);
  });
});
