import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/auth";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { toUnitSummary, unitSelect, validOn } from "../lib/units";
import { defaultDate } from "../services/progress";
import { periodOf, type Cadence } from "../services/schedule";
import { IsoDate, UnitSummarySchema } from "./schemas";

const Row = z.object({ unit: UnitSummarySchema, submittedAt: z.string().nullable(), parent: z.object({ code: z.string(), fullName: z.string() }).nullable() });
const route = createRoute({
  method: "get", path: "/api/compliance", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Who reported before the cut-off, who was late, who has not reported (Asia/Ho_Chi_Minh)",
  request: { query: z.object({ unit: z.string().min(1).max(20), period: z.enum(["day", "week", "month"]).default("day"), date: IsoDate.optional() }) },
  responses: {
    200: {
      description: "Compliance",
      content: { "application/json": { schema: z.object({ period: z.object({ start: z.string(), end: z.string(), cutoffAt: z.string() }), dayOff: z.boolean(), schedule: z.object({ name: z.string(), cadence: z.string() }), onTime: z.array(Row), late: z.array(Row), missing: z.array(Row) }).openapi("Compliance") } },
    },
    ...errorResponses,
  },
});

const CADENCE: Record<string, Cadence> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY" };
const DEFAULTS: Record<Cadence, { name: string; cutoffMinutes: number; weekday?: number; monthDay?: number }> = {
  DAILY: { name: "Báo cáo ngày (17:00)", cutoffMinutes: 17 * 60 },
  WEEKLY: { name: "Báo cáo tuần (18:00 thứ Sáu)", cutoffMinutes: 18 * 60, weekday: 5 },
  MONTHLY: { name: "Báo cáo tháng (trước ngày 16)", cutoffMinutes: 0, monthDay: 16 },
};

export function complianceRoutes() {
  const app = router();
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const { prisma } = db;
    const date = q.date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const at = new Date(`${date}T00:00:00Z`);
    const unit = await prisma.unit.findFirst({ where: { code: q.unit, active: true, ...validOn(at) }, select: unitSelect });
    if (!unit || !(await inScope(c, unit.id))) throw notFound({ vi: `đơn vị mã ${q.unit} trong phạm vi của bạn`, en: `Unit ${q.unit} within your scope` });
    const cadence = CADENCE[q.period]!;
    // The schedule that applies: on the unit or its nearest ancestor; the national defaults otherwise.
    const schedules = await prisma.reportingSchedule.findMany({ where: { cadence, active: true, unit: { descendants: { some: { descendantId: unit.id } } } }, include: { unit: { select: { depth: true } } } });
    const schedule = schedules.sort((a, b) => b.unit.depth - a.unit.depth)[0] ?? { ...DEFAULTS[cadence], cadence, daysOff: [] };
    const period = periodOf(schedule, date);
    // Reporting units: the leaves of the subtree valid on the date (communes, agencies, districts without communes).
    const subtree = await prisma.unit.findMany({ where: { ancestors: { some: { ancestorId: unit.id } }, active: true, ...validOn(at) }, select: { ...unitSelect, parent: { select: { code: true, fullName: true } } } });
    const parents = new Set(subtree.map((u) => u.parentId));
    const leaves = subtree.filter((u) => !parents.has(u.id));
    const firsts = await prisma.submission.groupBy({
      by: ["unitId"],
      where: { unitId: { in: leaves.map((u) => u.id) }, status: "ACCEPTED", source: { not: "CARRIED" }, reportDate: { gte: new Date(`${period.start}T00:00:00Z`), lte: new Date(`${period.end}T00:00:00Z`) } },
      _min: { submittedAt: true },
    });
    const first = new Map(firsts.map((f) => [f.unitId, f._min.submittedAt]));
    const cutoff = new Date(period.cutoffAt);
    const onTime: z.infer<typeof Row>[] = [], late: z.infer<typeof Row>[] = [], missing: z.infer<typeof Row>[] = [];
    for (const u of leaves.sort((a, b) => a.code.localeCompare(b.code))) {
      const t = first.get(u.id);
      const row = { unit: toUnitSummary(u), submittedAt: t ? t.toISOString() : null, parent: u.parent };
      if (!t) missing.push(row);
      else if (t <= cutoff) onTime.push(row);
      else late.push(row);
    }
    return c.json({ period: { start: period.start, end: period.end, cutoffAt: period.cutoffAt }, dayOff: period.dayOff, schedule: { name: schedule.name, cadence }, onTime, late, missing }, 200);
  });
  return app;
}
