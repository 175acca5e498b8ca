import { describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { openApiJson } from "../scripts/openapi";
import { lintOpenApi } from "../scripts/openapi-lint";
import { createApp } from "./app";

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const r = await lintOpenApi();
    expect(r.problems).toEqual([]);
    expect([r.errors, r.warnings]).toEqual([0, 0]);
  });

  it("has no shared component that is itself nullable (a .nullable() on a registered schema can leak into it)", async () => {
    const doc = JSON.parse(await openApiJson()) as { components: { schemas: Record<string, { type?: string | string[] }> } };
    const nullable = Object.entries(doc.components.schemas).filter(([, s]) => Array.isArray(s.type) && s.type.includes("null")).map(([k]) => k);
    expect(nullable).toEqual([]);
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(30);
  });

  it("documents only answers the server gives: /api/health refuses a NUL in its address with 400, before any database call", async () => {
    // The text guard answers before the handler, so no database is needed.
    const res = await createApp({ db: {} as Database }).request("/api/health?q=%00");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string } } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message.vi.length).toBeGreaterThan(0);
  });
});
