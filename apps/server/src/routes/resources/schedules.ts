/**
 * Reporting schedules (cut-off rules): daily 17:00, weekly Friday 18:00, monthly before the 16th…
 * Read: schedules that apply to you (set on your unit or above) and those inside your subtree.
 * Write: managers, on schedules of their subtree. Delete deactivates (reports and reminders refer to it).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createSchedule, schedulePage, scheduleWhere, updateSchedule, type Prisma, type ScheduleRow } from "@sohoa/db";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { CadenceSchema as Cadence, LevelSchema as Level, ReportingScheduleSchema as Schedule } from "@sohoa/contract";
import { campaignCovering } from "./deadlines";
import { appliesOrInScope, assertManages, Day, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, withTotal } from "./rest";

const WHAT = { vi: "lịch báo cáo trong phạm vi của bạn", en: "Reporting schedule within your scope" };
const DayOff = z.union([z.number().int().min(1).max(7), Day]);
const Timezone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "unknown IANA time zone");
const Fields = z.object({
  campaignId: z.string().min(1).max(64).nullable().optional(),
  unitId: z.string().min(1).max(64),
  level: Level.default("COMMUNE"),
  name: z.string().trim().min(1).max(200),
  cadence: Cadence,
  /** Minutes after local midnight: 17:00 = 1020. */
  cutoffMinutes: z.number().int().min(0).max(1439),
  weekday: z.number().int().min(1).max(7).nullable().optional(),
  monthDay: z.number().int().min(1).max(31).nullable().optional(),
  timezone: Timezone.default("Asia/Ho_Chi_Minh"),
  daysOff: z.array(DayOff).max(400).default([]),
  reminderMinutesBefore: z.number().int().min(0).max(7 * 1440).nullable().optional(),
});

const list = createRoute({
  method: "get", path: "/api/schedules", tags: ["Schedules"], security, middleware: [requireAuth()] as const, summary: "Reporting schedules that apply to you or lie inside your scope",
  request: { query: ListQuery.extend({ campaignId: z.string().max(64).optional(), unitId: z.string().max(64).optional(), cadence: Cadence.optional(), active: z.enum(["true", "false"]).optional() }) },
  responses: { 200: jsonOk(z.array(Schedule), "Schedules (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/schedules/{id}", tags: ["Schedules"], security, middleware: [requireAuth()] as const, summary: "One schedule", request: { params: IdParam }, responses: { 200: jsonOk(Schedule, "Schedule"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/schedules", tags: ["Schedules"], security, middleware: [requireAuth()] as const, summary: "Create a reporting schedule for a unit of your subtree",
  request: { body: jsonBody(Fields) }, responses: { 201: jsonOk(Schedule, "Created"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/schedules/{id}", tags: ["Schedules"], security, middleware: [requireAuth()] as const, summary: "Edit a reporting schedule",
  request: {
    params: IdParam,
    body: jsonBody(z.object({
      name: Fields.shape.name.optional(), level: Level.optional(), cadence: Cadence.optional(), cutoffMinutes: Fields.shape.cutoffMinutes.optional(),
      weekday: Fields.shape.weekday, monthDay: Fields.shape.monthDay, timezone: Timezone.optional(), daysOff: z.array(DayOff).max(400).optional(),
      reminderMinutesBefore: Fields.shape.reminderMinutesBefore, active: z.boolean().optional(),
    })),
  },
  responses: { 200: jsonOk(Schedule, "Updated"), ...errorResponses },
});
const remove = createRoute({ method: "delete", path: "/api/schedules/{id}", tags: ["Schedules"], security, middleware: [requireAuth()] as const, summary: "Deactivate a schedule", request: { params: IdParam }, responses: { 200: jsonOk(Schedule, "Deactivated"), ...errorResponses } });

type Row = ScheduleRow;
const out = (s: Row) => ({
  id: s.id, campaignId: s.campaignId, unitId: s.unitId, level: s.level, name: s.name, cadence: s.cadence, cutoffMinutes: s.cutoffMinutes, weekday: s.weekday, monthDay: s.monthDay,
  timezone: s.timezone, daysOff: Array.isArray(s.daysOff) ? (s.daysOff as (number | string)[]) : [], reminderMinutesBefore: s.reminderMinutesBefore, active: s.active, unit: s.unit, updatedAt: s.updatedAt.toISOString(),
});

/** Weekly needs a weekday, monthly a day of the month; the other field is cleared. */
function cadenceFields(r: { cadence: "DAILY" | "WEEKLY" | "MONTHLY"; weekday?: number | null; monthDay?: number | null }) {
  if (r.cadence === "WEEKLY" && !r.weekday) throw invalid("weekday", "Lịch báo cáo tuần cần ngày trong tuần (1 = thứ Hai … 7 = Chủ nhật).", "A weekly schedule needs a weekday (1 = Monday … 7 = Sunday).");
  if (r.cadence === "MONTHLY" && !r.monthDay) throw invalid("monthDay", "Lịch báo cáo tháng cần ngày trong tháng.", "A monthly schedule needs a day of the month.");
  return { weekday: r.cadence === "WEEKLY" ? r.weekday! : null, monthDay: r.cadence === "MONTHLY" ? r.monthDay! : null };
}

export function scheduleResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: Prisma.ReportingScheduleWhereInput = {
      AND: [
        appliesOrInScope(c.var.user), idFilter(q),
        q.campaignId ? { campaignId: q.campaignId } : {}, q.unitId ? { unitId: q.unitId } : {}, q.cadence ? { cadence: q.cadence } : {}, q.active ? { active: q.active === "true" } : {},
        q.q ? { name: { contains: q.q.trim(), mode: "insensitive" } } : {},
      ],
    };
    const p = page(q, ["name", "cadence", "cutoffMinutes", "updatedAt"], { name: "asc" });
    const { rows, total } = await schedulePage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const s = await scheduleWhere(c.var.deps.db, { id: c.req.valid("param").id, ...appliesOrInScope(c.var.user) });
    if (!s) throw notFound(WHAT);
    return c.json(out(s), 200);
  });
  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    await assertManages(c, b.unitId);
    if (b.campaignId) await campaignCovering(c, b.campaignId, b.unitId);
    const extra = cadenceFields(b);
    const s = await createSchedule(
      c.var.deps.db,
      { campaignId: b.campaignId ?? null, unitId: b.unitId, level: b.level, name: b.name, cadence: b.cadence, cutoffMinutes: b.cutoffMinutes, ...extra, timezone: b.timezone, daysOff: b.daysOff, reminderMinutesBefore: b.reminderMinutesBefore ?? null },
      (s) => auditValues(c, { action: "create", entity: "schedule", entityId: s.id, unitId: s.unitId, details: out(s) }),
    );
    return c.json(out(s), 201);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const before = await scheduleWhere(c.var.deps.db, { id, ...appliesOrInScope(c.var.user) });
    if (!before) throw notFound(WHAT);
    await assertManages(c, before.unitId);
    const cadence = b.cadence ?? before.cadence;
    const extra = cadenceFields({ cadence, weekday: b.weekday === undefined ? before.weekday : b.weekday, monthDay: b.monthDay === undefined ? before.monthDay : b.monthDay });
    const s = await updateSchedule(
      c.var.deps.db, id,
      {
          cadence, ...extra,
          ...(b.name !== undefined ? { name: b.name } : {}), ...(b.level !== undefined ? { level: b.level } : {}), ...(b.cutoffMinutes !== undefined ? { cutoffMinutes: b.cutoffMinutes } : {}),
          ...(b.timezone !== undefined ? { timezone: b.timezone } : {}), ...(b.daysOff !== undefined ? { daysOff: b.daysOff } : {}),
          ...(b.reminderMinutesBefore !== undefined ? { reminderMinutesBefore: b.reminderMinutesBefore } : {}), ...(b.active !== undefined ? { active: b.active } : {}),
      },
      (s) => auditValues(c, { action: "update", entity: "schedule", entityId: id, unitId: s.unitId, details: { before: out(before), after: out(s) } }),
    );
    return c.json(out(s), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const before = await scheduleWhere(c.var.deps.db, { id, ...appliesOrInScope(c.var.user) });
    if (!before) throw notFound(WHAT);
    await assertManages(c, before.unitId);
    const s = await updateSchedule(c.var.deps.db, id, { active: false }, (s) => auditValues(c, { action: "deactivate", entity: "schedule", entityId: id, unitId: s.unitId, details: { name: s.name } }));
    return c.json(out(s), 200);
  });
  return app;
}
