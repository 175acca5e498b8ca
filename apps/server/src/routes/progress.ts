import { createRoute, z } from "@hono/zod-openapi";
import { activeUnitByCodeOn } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { notFound } from "../lib/errors";
import { addDays, todayInVietnam } from "@sohoa/core";
import { latestReportDate } from "@sohoa/db";
import { defaultDate, effectiveDeadlines, unitProgress, unitTrend } from "../services/progress";
import { cachedView } from "../services/view-cache";
import { CalendarDateSchema as IsoDate, ProgressViewSchema, TrendSchema } from "@sohoa/contract";

const CodeParam = z.object({ code: z.string().min(1).max(20).regex(/^[A-Za-z0-9-]+$/).openapi({ param: { name: "code", in: "path" }, example: "49" }) });

const progress = createRoute({
  method: "get", path: "/api/units/{code}/progress", tags: ["Progress"], security, middleware: [requireAuth({ token: "submit" })] as const,
  summary: "A unit and its children on a date (default: the latest report date in your scope)",
  request: { params: CodeParam, query: z.object({ date: IsoDate.optional() }) },
  responses: { 200: { description: "Progress", content: { "application/json": { schema: ProgressViewSchema } } }, ...errorResponses },
});

const trend = createRoute({
  method: "get", path: "/api/units/{code}/trend", tags: ["Progress"], security, middleware: [requireAuth()] as const,
  summary: "Cumulative daily progress with the target line",
  request: { params: CodeParam, query: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }) },
  responses: {
    200: {
      description: "Trend",
      content: { "application/json": { schema: TrendSchema } },
    },
    ...errorResponses,
  },
});

export function progressRoutes() {
  const app = router();
  app.openapi(progress, async (c) => {
    const { code } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const scopeUnitId = c.var.user.unitId;
    // The latest report date in the scope changes with writes outside the unit's subtree: read every time.
    const latest = await latestReportDate(db.sql, scopeUnitId);
    const date = c.req.valid("query").date ?? latest ?? todayInVietnam(clock());
    const view = await cachedView(db, code, `progress|${date}|${scopeUnitId}`, () => unitProgress(db, { code, date, scopeUnitId }));
    return c.json({ ...view, latestReportDate: latest }, 200);
  });
  app.openapi(trend, async (c) => {
    const { code } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const q = c.req.valid("query");
    const to = q.to ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const from = q.from ?? addDays(to, -29);
    if (from > to || addDays(from, 800) < to) throw notFound({ vi: "khoảng thời gian hợp lệ (tối đa 800 ngày)", en: "A valid period (at most 800 days)" });
    const unit = await activeUnitByCodeOn(db, code, new Date(`${to}T00:00:00Z`));
    if (!unit || !(await inScope(c, unit.id))) throw notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` });
    return c.json(await cachedView(db, code, `trend|${unit.id}|${from}|${to}`, async () => ({
      points: await unitTrend(db, unit.id, from, to),
      deadline: (await effectiveDeadlines(db, unit.id, [], to)).get(unit.id) ?? null,
    })), 200);
  });
  return app;
}
