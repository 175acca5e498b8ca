import type { Context } from "hono";
import { activeUnitByCodeOn } from "@sohoa/db";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { badRequest, notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { toUnitSummary } from "../lib/units";
import { addDays } from "@sohoa/core";
import { defaultDate } from "../services/progress";
import { cachedView } from "../services/view-cache";
import { CalendarDateSchema as IsoDate, ComplianceHistorySchema, ComplianceSchema, PeriodParamSchema } from "@sohoa/contract";
import { CADENCE_OF, complianceFor, complianceHistory, scheduleFor, type AppliedSchedule, type PeriodParam } from "../services/compliance";

const PERIOD_OF = { DAILY: "day", WEEKLY: "week", MONTHLY: "month" } as const;

const ScheduleQ = z.string().min(1).max(64).optional().openapi({ description: "A schedule id (on the unit or an ancestor); its cadence replaces `period`" });
const PeriodQ = PeriodParamSchema.default("day");
const UnitQ = z.string().min(1).max(20);

const current = createRoute({
  method: "get", path: "/api/compliance", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Who reported before the cut-off, who was late, who has not reported (Asia/Ho_Chi_Minh)",
  description: "The schedule is `schedule` when given, else the active one of that cadence on the unit or its nearest ancestor (else 17:00 / Friday 18:00 / before the 16th). Expected units follow the schedule's level: the units of that level in the subtree valid on the date, and leaves of branches that never reach it (communes after the 2025 reform under a district-level schedule, an agency directly under the province); a unit above the communes has reported when all its communes have, at the time of the last one. Default date: the latest report date in your scope.",
  request: { query: z.object({ unit: UnitQ, period: PeriodQ, date: IsoDate.optional(), schedule: ScheduleQ }) },
  responses: {
    200: {
      description: "Compliance",
      content: { "application/json": { schema: ComplianceSchema } },
    },
    ...errorResponses,
  },
});

const history = createRoute({
  method: "get", path: "/api/compliance/history", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Compliance per period over an interval: counts, and each reporting unit's status (a commune's own history too)",
  request: { query: z.object({ unit: UnitQ, period: PeriodQ, from: IsoDate.optional(), to: IsoDate.optional(), schedule: ScheduleQ }) },
  responses: {
    200: {
      description: "History",
      content: {
        "application/json": {
          schema: ComplianceHistorySchema,
        },
      },
    },
    ...errorResponses,
  },
});

/** A unit by code on a date, within the caller's scope (absent and out of scope look the same). */
export async function unitInScope(c: Context<AppEnv>, code: string, date: string) {
  const unit = await activeUnitByCodeOn(c.var.deps.db, code, new Date(`${date}T00:00:00Z`));
  if (!unit || !(await inScope(c, unit.id))) throw notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` });
  return toUnitSummary(unit);
}

/** The schedule to judge a unit by: the one asked for (it must apply to the unit), else the one of the cadence. */
export async function scheduleOf(c: Context<AppEnv>, unitId: string, period: PeriodParam, scheduleId: string | undefined): Promise<AppliedSchedule> {
  const { db } = c.var.deps;
  if (!scheduleId) return scheduleFor(db, unitId, CADENCE_OF[period]);
  const s = await scheduleFor(db, unitId, null, scheduleId);
  if (!s) throw notFound({ vi: "lịch báo cáo áp dụng cho đơn vị này", en: "A reporting schedule applying to this unit" });
  return s;
}

/** At most this many periods in one history answer (a year of days). */
const MAX_PERIODS = 366;

export function complianceRoutes() {
  const app = router();
  app.openapi(current, async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const date = q.date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const unit = await unitInScope(c, q.unit, date);
    // Schedules are stamped ('*') like the rest: found inside the cached computation.
    const view = cachedView(db, unit.code, `compliance|${unit.id}|${date}|${q.period}|${q.schedule ?? ""}`, async () =>
      complianceFor(db, { unitId: unit.id, date, schedule: await scheduleOf(c, unit.id, q.period, q.schedule) }));
    return c.json(await view, 200);
  });
  app.openapi(history, async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const to = q.to ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const unit = await unitInScope(c, q.unit, to);
    const schedule = await scheduleOf(c, unit.id, q.period, q.schedule);
    const period = PERIOD_OF[schedule.cadence];
    const from = q.from ?? addDays(to, period === "day" ? -29 : period === "week" ? -7 * 11 : -365);
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(span >= 0) || span > MAX_PERIODS * (period === "day" ? 1 : period === "week" ? 7 : 31)) {
      throw badRequest({ vi: `Khoảng thời gian không hợp lệ (từ ngày ≤ đến ngày, tối đa ${MAX_PERIODS} kỳ).`, en: `Invalid interval (from ≤ to, at most ${MAX_PERIODS} periods).` }, { field: "from" });
    }
    return c.json(await complianceHistory(db, { unitId: unit.id, from, to, schedule }), 200);
  });
  return app;
}
