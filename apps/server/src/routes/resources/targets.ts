/**
 * Targets per campaign × unit × period (DAY/WEEK/MONTH). Same scope rules as deadlines: read your subtree,
 * managers write for units below their own, within a campaign that covers the unit.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { createTarget, deleteTarget, targetById, targetPage, updateTarget, type Prisma, type TargetRow } from "@sohoa/db";
import { PeriodTypeSchema as PeriodType, TargetSchema as Target } from "@sohoa/contract";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { conflict, notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { scopeFilter } from "../../lib/scope";
import { campaignCovering } from "./deadlines";
import { assertManages, assertVisible, Day, fromDay, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, toDay, withTotal, unitMatch } from "./rest";

const WHAT = { vi: "chỉ tiêu trong phạm vi của bạn", en: "Target within your scope" };
const Count = z.number().int().min(0).max(1_000_000_000);
const list = createRoute({
  method: "get", path: "/api/targets", tags: ["Targets"], security, middleware: [requireAuth()] as const, summary: "Targets of units in your scope",
  request: { query: ListQuery.extend({ campaignId: z.string().max(64).optional(), unitId: z.string().max(64).optional(), periodStart: Day.optional(), periodType: PeriodType.optional() }) },
  responses: { 200: jsonOk(z.array(Target), "Targets (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/targets/{id}", tags: ["Targets"], security, middleware: [requireAuth()] as const, summary: "One target", request: { params: IdParam }, responses: { 200: jsonOk(Target, "Target"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/targets", tags: ["Targets"], security, middleware: [requireAuth()] as const, summary: "Set a unit's target for a period",
  request: { body: jsonBody(z.object({ campaignId: z.string().min(1).max(64), unitId: z.string().min(1).max(64), periodType: PeriodType.default("MONTH"), periodStart: Day, periodEnd: Day, entriesTarget: Count, booksTarget: Count.nullable().optional() })) },
  responses: { 201: jsonOk(Target, "Created"), 409: jsonOk(z.any(), "Already set for this period"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/targets/{id}", tags: ["Targets"], security, middleware: [requireAuth()] as const, summary: "Change a target (or mark a carried one as reviewed)",
  request: { params: IdParam, body: jsonBody(z.object({ periodEnd: Day.optional(), entriesTarget: Count.optional(), booksTarget: Count.nullable().optional(), carried: z.boolean().optional() })) },
  responses: { 200: jsonOk(Target, "Updated"), ...errorResponses },
});
const remove = createRoute({ method: "delete", path: "/api/targets/{id}", tags: ["Targets"], security, middleware: [requireAuth()] as const, summary: "Remove a target (the audit log keeps it)", request: { params: IdParam }, responses: { 204: { description: "Removed" }, ...errorResponses } });

type Row = TargetRow;
const out = (t: Row) => ({
  id: t.id, campaignId: t.campaignId, unitId: t.unitId, periodType: t.periodType, periodStart: fromDay(t.periodStart), periodEnd: fromDay(t.periodEnd),
  entriesTarget: t.entriesTarget, booksTarget: t.booksTarget, carried: t.carried, unit: t.unit, campaign: t.campaign, updatedAt: t.updatedAt.toISOString(),
});
const badPeriod = () => invalid("periodEnd", "Ngày kết thúc kỳ phải từ ngày bắt đầu kỳ trở đi.", "The period end must not be before its start.");

export function targetResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: Prisma.TargetWhereInput = {
      unit: { ...scopeFilter(c.var.user), ...unitMatch(q) }, ...idFilter(q),
      ...(q.campaignId ? { campaignId: q.campaignId } : {}), ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.periodStart ? { periodStart: toDay(q.periodStart) } : {}), ...(q.periodType ? { periodType: q.periodType } : {}),
    };
    const p = page(q, ["periodStart", "periodEnd", "entriesTarget", "updatedAt"], { periodStart: "desc" });
    const { rows, total } = await targetPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const t = await targetById(c.var.deps.db, c.req.valid("param").id);
    await assertVisible(c, t?.unitId, WHAT);
    return c.json(out(t!), 200);
  });
  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    await assertManages(c, b.unitId, { below: true });
    if (b.periodEnd < b.periodStart) throw badPeriod();
    await campaignCovering(c, b.campaignId, b.unitId);
    const t = await createTarget(
      c.var.deps.db,
      { campaignId: b.campaignId, unitId: b.unitId, periodType: b.periodType, periodStart: toDay(b.periodStart), periodEnd: toDay(b.periodEnd), entriesTarget: b.entriesTarget, booksTarget: b.booksTarget ?? null, updatedById: c.var.user.id },
      (t) => auditValues(c, { action: "create", entity: "target", entityId: t.id, unitId: t.unitId, details: { campaignId: t.campaignId, periodType: t.periodType, periodStart: b.periodStart, periodEnd: b.periodEnd, entriesTarget: t.entriesTarget, booksTarget: t.booksTarget } }),
    );
    if (!t) throw conflict({ vi: "Đơn vị đã có chỉ tiêu cho kỳ này; hãy sửa chỉ tiêu đó.", en: "The unit already has a target for this period; edit that one." });
    return c.json(out(t), 201);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const before = await targetById(c.var.deps.db, id);
    await assertVisible(c, before?.unitId, WHAT);
    await assertManages(c, before!.unitId, { below: true });
    if (b.periodEnd && b.periodEnd < fromDay(before!.periodStart)) throw badPeriod();
    const t = await updateTarget(
      c.var.deps.db, id,
      {
          ...(b.periodEnd ? { periodEnd: toDay(b.periodEnd) } : {}), ...(b.entriesTarget !== undefined ? { entriesTarget: b.entriesTarget } : {}),
          ...(b.booksTarget !== undefined ? { booksTarget: b.booksTarget } : {}), ...(b.carried !== undefined ? { carried: b.carried } : {}), updatedById: c.var.user.id,
      },
      (t) => auditValues(c, { action: "update", entity: "target", entityId: id, unitId: t.unitId, details: { before: out(before!), after: b } }),
    );
    return c.json(out(t), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const before = await targetById(c.var.deps.db, id);
    if (!before) throw notFound(WHAT);
    await assertVisible(c, before.unitId, WHAT);
    await assertManages(c, before.unitId, { below: true });
    await deleteTarget(c.var.deps.db, id, auditValues(c, { action: "delete", entity: "target", entityId: id, unitId: before.unitId, details: out(before) }));
    return c.body(null, 204);
  });
  return app;
}
