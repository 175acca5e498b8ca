import { createRoute, z } from "@hono/zod-openapi";
import { activeUnitByCodeOn } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { errorResponses, Message, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { notFound } from "../lib/errors";
import { addDays } from "@sohoa/core";
import { defaultDate, effectiveDeadlines, unitProgress, unitTrend } from "../services/progress";
import { Counts, IsoDate, UnitSummarySchema } from "./schemas";

const Bucket = z.enum(["zero", "under10", "under50", "under100", "done"]);
const ForecastSchema = z
  .object({
    status: z.enum(["done", "on_track", "at_risk", "will_miss", "no_data"]),
    dailyRate: z.number().nullable(),
    requiredRate: z.number().nullable(),
    projectedFinish: z.string().nullable(),
    remaining: z.number(),
    reason: Message,
  })
  .passthrough()
  .openapi("Forecast");

const UnitProgressSchema = UnitSummarySchema.extend({
  counts: Counts,
  completion: z.number().nullable(),
  booksCompletion: z.number().nullable(),
  bucket: Bucket,
  rank: z.number().nullable(),
  siblings: z.number(),
  target: z.object({ periodStart: z.string(), periodEnd: z.string(), entriesTarget: z.number(), achieved: z.number(), percent: z.number().nullable() }).nullable(),
  growth: z.number().nullable().openapi({ description: "Output of the last 7 days against the 7 days before (0.5 = +50%)" }),
  weekOutput: z.number(),
  forecast: ForecastSchema,
  deadline: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  hasChildren: z.boolean(),
  reported: z.boolean(),
}).openapi("UnitProgress");

const NameRef = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
const ProgressViewSchema = z
  .object({
    date: z.string(),
    latestReportDate: z.string().nullable(),
    unit: UnitProgressSchema,
    children: z.array(UnitProgressSchema),
    buckets: z.object({ zero: z.number(), under10: z.number(), under50: z.number(), under100: z.number(), done: z.number() }),
    breakdown: z.array(z.object({ registerKind: NameRef, phase: NameRef, counts: Counts, completion: z.number().nullable(), reportDate: z.string(), version: z.number().nullable().openapi({ description: "null for a sum over the subtree" }) })),
    ancestors: z.array(UnitSummarySchema),
  })
  .openapi("ProgressView");

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
      content: { "application/json": { schema: z.object({ points: z.array(z.object({ date: z.string(), entriesDigitized: z.number(), entriesTotal: z.number(), booksDigitized: z.number(), booksTotal: z.number(), target: z.number().nullable() })), deadline: z.string().nullable() }).openapi("Trend") } },
    },
    ...errorResponses,
  },
});

export function progressRoutes() {
  const app = router();
  app.openapi(progress, async (c) => {
    const { code } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const date = c.req.valid("query").date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const view = await unitProgress(db, { code, date, scopeUnitId: c.var.user.unitId });
    return c.json(view, 200);
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
    const deadline = (await effectiveDeadlines(db, unit.id, [], to)).get(unit.id) ?? null;
    return c.json({ points: await unitTrend(db, unit.id, from, to), deadline }, 200);
  });
  return app;
}
