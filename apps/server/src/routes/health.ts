import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { ErrorBodySchema, HealthSchema as Health } from "@sohoa/contract";
import { migrationStatus } from "@sohoa/db";
import type { AppEnv } from "../context";
import { VERSION } from "../lib/version";

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["System"],
  summary: "Liveness, database kind and migration state",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: Health } } },
    // The text guard of every /api route answers 400 to an address with text PostgreSQL cannot store.
    400: { description: "Text in the address that cannot be stored (NUL, a lone surrogate)", content: { "application/json": { schema: ErrorBodySchema } } },
    503: { description: "Database unreachable or migrations pending", content: { "application/json": { schema: Health } } },
  },
});

export function healthRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(route, async (c) => {
    const { db, clock } = c.var.deps;
    let reachable = true;
    let migrations = { applied: [] as string[], pending: [] as string[], latest: null as string | null, upToDate: false };
    try {
      migrations = await migrationStatus(db);
    } catch {
      reachable = false;
    }
    const ok = reachable && migrations.upToDate;
    return c.json(
      { status: ok ? ("ok" as const) : ("degraded" as const), version: VERSION, database: { kind: db.kind, reachable, migrations }, time: clock().toISOString() },
      ok ? 200 : 503,
    );
  });
  return app;
}
