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
});
