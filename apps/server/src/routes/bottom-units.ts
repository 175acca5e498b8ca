import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/auth";
import { errorResponses, router, security } from "../lib/openapi";
import { defaultDate } from "../services/progress";
import { bottomUnitsView } from "../services/bottom-units";
import { cachedView } from "../services/view-cache";
import { BottomUnitsViewSchema, BucketSchema as Bucket, CalendarDateSchema as IsoDate } from "@sohoa/contract";

const bottom = createRoute({
  method: "get", path: "/api/units/{code}/bottom-units", tags: ["Progress"], security, middleware: [requireAuth()] as const,
  summary: "Distribution of the communes (bottom-level units) below a unit, and the list of one band",
  request: {
    params: z.object({ code: z.string().min(1).max(20).regex(/^[A-Za-z0-9-]+$/).openapi({ param: { name: "code", in: "path" }, example: "49" }) }),
    query: z.object({ date: IsoDate.optional(), list: z.union([Bucket, z.literal("all")]).optional().openapi({ description: "Which band's units to list, or all" }) }),
  },
  responses: { 200: { description: "Bottom-level distribution", content: { "application/json": { schema: BottomUnitsViewSchema } } }, ...errorResponses },
});

export function bottomUnitRoutes() {
  const app = router();
  app.openapi(bottom, async (c) => {
    const { code } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const date = q.date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const scopeUnitId = c.var.user.unitId;
    return c.json(await cachedView(db, code, `bottom|${date}|${scopeUnitId}|${q.list ?? ""}`, () => bottomUnitsView(db, { code, date, scopeUnitId, list: q.list })), 200);
  });
  return app;
}
