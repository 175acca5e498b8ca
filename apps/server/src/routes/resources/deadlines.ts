/**
 * Deadlines per campaign × unit. Read: deadlines of units in your subtree. Write: managers, for units below
 * their own (the level above sets a unit's deadline), and only for a campaign that covers the unit.
 * `POST /api/deadlines/bulk` sets the same date for every child valid today of a parent, in one transaction.
 */
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import { campaignHead, childIdsOn, createDeadline, deadlineById, deadlinePage, deleteDeadline, isInSubtree, setDeadlines, unitExists, updateDeadline, type DeadlineRow, type Prisma } from "@sohoa/db";
import { DeadlineSchema as Deadline } from "@sohoa/contract";
import type { AppEnv } from "../../context";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { conflict, notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { requireManager, scopeFilter } from "../../lib/scope";
import { assertManages, assertVisible, Day, fromDay, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, toDay, today, withTotal, unitMatch } from "./rest";

const WHAT = { vi: "hạn hoàn thành trong phạm vi của bạn", en: "Deadline within your scope" };
const Note = z.string().trim().max(500).nullable().optional();

const list = createRoute({
  method: "get", path: "/api/deadlines", tags: ["Deadlines"], security, middleware: [requireAuth()] as const, summary: "Deadlines of units in your scope",
  request: { query: ListQuery.extend({ campaignId: z.string().max(64).optional(), unitId: z.string().max(64).optional(), confirmed: z.enum(["true", "false"]).optional() }) },
  responses: { 200: jsonOk(z.array(Deadline), "Deadlines (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/deadlines/{id}", tags: ["Deadlines"], security, middleware: [requireAuth()] as const, summary: "One deadline", request: { params: IdParam }, responses: { 200: jsonOk(Deadline, "Deadline"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/deadlines", tags: ["Deadlines"], security, middleware: [requireAuth()] as const, summary: "Set a unit's deadline in a campaign",
  request: { body: jsonBody(z.object({ campaignId: z.string().min(1).max(64), unitId: z.string().min(1).max(64), dueDate: Day, note: Note })) },
  responses: { 201: jsonOk(Deadline, "Created"), 409: jsonOk(z.any(), "The unit already has a deadline in this campaign"), ...errorResponses },
});
const bulk = createRoute({
  method: "post", path: "/api/deadlines/bulk", tags: ["Deadlines"], security, middleware: [requireAuth()] as const,
  summary: "Set the deadline of every child unit (valid today) of a parent, in one transaction",
  request: { body: jsonBody(z.object({ campaignId: z.string().min(1).max(64), parentUnitId: z.string().min(1).max(64), dueDate: Day, note: Note })) },
  responses: { 200: jsonOk(z.object({ count: z.number(), created: z.number(), updated: z.number(), deadlines: z.array(Deadline) }), "Set"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/deadlines/{id}", tags: ["Deadlines"], security, middleware: [requireAuth()] as const, summary: "Move a deadline, change its note or confirm a carried one",
  request: { params: IdParam, body: jsonBody(z.object({ dueDate: Day.optional(), note: Note, confirmed: z.boolean().optional() })) },
  responses: { 200: jsonOk(Deadline, "Updated"), ...errorResponses },
});
const remove = createRoute({ method: "delete", path: "/api/deadlines/{id}", tags: ["Deadlines"], security, middleware: [requireAuth()] as const, summary: "Remove a deadline (the audit log keeps it)", request: { params: IdParam }, responses: { 204: { description: "Removed" }, ...errorResponses } });

type Row = DeadlineRow;
const out = (d: Row) => ({ id: d.id, campaignId: d.campaignId, unitId: d.unitId, dueDate: fromDay(d.dueDate), note: d.note, confirmed: d.confirmed, unit: d.unit, campaign: d.campaign, updatedAt: d.updatedAt.toISOString() });

/** The campaign must exist, be visible, and cover the unit (set on the unit or one of its ancestors). */
export async function campaignCovering(c: Context<AppEnv>, campaignId: string, unitId: string) {
  const k = await campaignHead(c.var.deps.db, campaignId);
  if (!k) throw invalid("campaignId", "Không có đợt/chiến dịch này.", "No such campaign.");
  if (!(await isInSubtree(c.var.deps.db, k.unitId, unitId))) throw invalid("campaignId", `Đợt "${k.name}" không áp dụng cho đơn vị này.`, `Campaign "${k.name}" does not cover this unit.`);
  return k;
}

export function deadlineResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: Prisma.DeadlineWhereInput = {
      unit: { ...scopeFilter(c.var.user), ...unitMatch(q) }, ...idFilter(q),
      ...(q.campaignId ? { campaignId: q.campaignId } : {}), ...(q.unitId ? { unitId: q.unitId } : {}), ...(q.confirmed ? { confirmed: q.confirmed === "true" } : {}),
    };
    const p = page(q, ["dueDate", "updatedAt", "createdAt"], { dueDate: "asc" });
    const { rows, total } = await deadlinePage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const d = await deadlineById(c.var.deps.db, c.req.valid("param").id);
    await assertVisible(c, d?.unitId, WHAT);
    return c.json(out(d!), 200);
  });
  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    await assertManages(c, b.unitId, { below: true });
    await campaignCovering(c, b.campaignId, b.unitId);
    const d = await createDeadline(
      c.var.deps.db,
      { campaignId: b.campaignId, unitId: b.unitId, dueDate: toDay(b.dueDate), note: b.note ?? null, updatedById: c.var.user.id },
      (d) => auditValues(c, { action: "create", entity: "deadline", entityId: d.id, unitId: d.unitId, details: { campaignId: d.campaignId, dueDate: b.dueDate, note: d.note } }),
    );
    if (!d) throw conflict({ vi: "Đơn vị đã có hạn hoàn thành trong đợt này; hãy sửa hạn đó.", en: "The unit already has a deadline in this campaign; edit that one." });
    return c.json(out(d), 201);
  });
  app.openapi(bulk, async (c) => {
    const b = c.req.valid("json");
    const { db } = c.var.deps;
    requireManager(c.var.user);
    const parent = (await unitExists(db, b.parentUnitId)) ? b.parentUnitId : undefined;
    await assertVisible(c, parent, { vi: "đơn vị cấp trên trong phạm vi của bạn", en: "Parent unit within your scope" });
    await assertManages(c, b.parentUnitId);
    await campaignCovering(c, b.campaignId, b.parentUnitId);
    const children = await childIdsOn(db, b.parentUnitId, toDay(today(c)));
    if (children.length === 0) throw invalid("parentUnitId", "Đơn vị này không có đơn vị trực thuộc còn hiệu lực hôm nay.", "This unit has no units under it valid today.");
    const due = toDay(b.dueDate);
    const result = await setDeadlines(
      db,
      { campaignId: b.campaignId, unitIds: children, dueDate: due, note: b.note, updatedById: c.var.user.id },
      (d, prev) => auditValues(c, { action: prev ? "update" : "create", entity: "deadline", entityId: d.id, unitId: d.unitId, details: { bulk: { parentUnitId: b.parentUnitId }, campaignId: b.campaignId, dueDate: b.dueDate, before: prev ? fromDay(prev) : null } }),
    );
    return c.json({ count: result.rows.length, created: result.created, updated: result.rows.length - result.created, deadlines: result.rows.map(out) }, 200);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const before = await deadlineById(c.var.deps.db, id);
    await assertVisible(c, before?.unitId, WHAT);
    await assertManages(c, before!.unitId, { below: true });
    const d = await updateDeadline(
      c.var.deps.db, id,
      { ...(b.dueDate ? { dueDate: toDay(b.dueDate) } : {}), ...(b.note !== undefined ? { note: b.note } : {}), ...(b.confirmed !== undefined ? { confirmed: b.confirmed } : {}), updatedById: c.var.user.id },
      (d) => auditValues(c, { action: "update", entity: "deadline", entityId: id, unitId: d.unitId, details: { before: { dueDate: fromDay(before!.dueDate), note: before!.note, confirmed: before!.confirmed }, after: { dueDate: fromDay(d.dueDate), note: d.note, confirmed: d.confirmed } } }),
    );
    return c.json(out(d), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const before = await deadlineById(c.var.deps.db, id);
    if (!before) throw notFound(WHAT);
    await assertVisible(c, before.unitId, WHAT);
    await assertManages(c, before.unitId, { below: true });
    await deleteDeadline(c.var.deps.db, id, auditValues(c, { action: "delete", entity: "deadline", entityId: id, unitId: before.unitId, details: out(before) }));
    return c.body(null, 204);
  });
  return app;
}
