/** Console reminders ("X has not reported; the cut-off is at 17:00") for units in the caller's scope. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/auth";
import { audit } from "../lib/audit";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope, scopeFilter } from "../lib/scope";
import { toUnitSummary, unitSelect } from "../lib/units";
import { periodOf } from "../services/schedule";
import { reminderMessage } from "../services/reminders";
import { IdParam, ListQuery, idFilter, withTotal } from "./resources/rest";
import { ReminderSchema } from "@sohoa/contract";

const list = createRoute({
  method: "get", path: "/api/reminders", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Console reminders for units in your scope, unread first, newest first (total in X-Total-Count)",
  request: { query: ListQuery.extend({ unread: z.enum(["true", "false"]).optional(), unitId: z.string().max(64).optional() }) },
  responses: { 200: { description: "Reminders", content: { "application/json": { schema: z.array(ReminderSchema) } } }, ...errorResponses },
});

const read = createRoute({
  method: "post", path: "/api/reminders/{id}/read", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Marks a reminder as read", request: { params: IdParam },
  responses: { 200: { description: "The reminder", content: { "application/json": { schema: ReminderSchema } } }, ...errorResponses },
});

const select = {
  id: true, cutoffAt: true, channel: true, status: true, createdAt: true, readAt: true,
  unit: { select: unitSelect },
  schedule: { select: { id: true, name: true, cadence: true, cutoffMinutes: true, weekday: true, monthDay: true, daysOff: true } },
} as const;

type Row = { id: string; cutoffAt: Date; channel: string; status: string; createdAt: Date; readAt: Date | null; unit: Parameters<typeof toUnitSummary>[0]; schedule: { id: string; name: string; cadence: "DAILY" | "WEEKLY" | "MONTHLY"; cutoffMinutes: number; weekday: number | null; monthDay: number | null; daysOff: unknown } };

function toApi(r: Row) {
  // The period whose cut-off this is: the local day just before the cut-off lies in it.
  const p = periodOf(r.schedule, new Date(r.cutoffAt.getTime() + 7 * 3600_000 - 1).toISOString().slice(0, 10));
  const unit = toUnitSummary(r.unit);
  return {
    id: r.id, unit, schedule: { id: r.schedule.id, name: r.schedule.name, cadence: r.schedule.cadence },
    period: { start: p.start, end: p.end, cutoffAt: r.cutoffAt.toISOString() },
    cutoffAt: r.cutoffAt.toISOString(), channel: r.channel, status: r.status,
    message: reminderMessage(unit.fullName, r.schedule.name, { start: p.start, end: p.end, cutoffAt: r.cutoffAt.toISOString() }),
    createdAt: r.createdAt.toISOString(), readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

export function reminderRoutes() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    const where = {
      channel: "console",
      unit: scopeFilter(c.var.user),
      ...idFilter(q),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.unread === "true" ? { readAt: null } : q.unread === "false" ? { readAt: { not: null } } : {}),
    };
    const skip = q._start;
    const take = Math.min(1000, Math.max(1, (q._end ?? q._start + 25) - q._start));
    const [rows, total] = await Promise.all([
      prisma.reminder.findMany({ where, skip, take, select, orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { cutoffAt: "desc" }, { createdAt: "desc" }, { id: "asc" }] }),
      prisma.reminder.count({ where }),
    ]);
    return c.json(withTotal(c, rows.map(toApi), total), 200);
  });

  app.openapi(read, async (c) => {
    const { prisma } = c.var.deps.db;
    const id = c.req.valid("param").id;
    const r = await prisma.reminder.findUnique({ where: { id }, select: { unitId: true, readAt: true, channel: true } });
    if (!r || r.channel !== "console" || !(await inScope(c, r.unitId))) throw notFound({ vi: "lời nhắc", en: "The reminder" });
    const row = await prisma.$transaction(async (tx) => {
      const updated = await tx.reminder.update({ where: { id }, data: { readAt: r.readAt ?? c.var.deps.clock() }, select });
      await audit(c, { action: "reminder.read", entity: "Reminder", entityId: id, unitId: r.unitId }, tx);
      return updated;
    });
    return c.json(toApi(row as Row), 200);
  });
  return app;
}
