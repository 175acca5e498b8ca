/**
 * Deadlines per campaign × unit. Read: deadlines of units in your subtree. Write: managers, for units below
 * their own (the level above sets a unit's deadline), and only for a campaign that covers the unit.
 * `POST /api/deadlines/bulk` sets the same date for every child valid today of a parent, in one transaction.
 */
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import { DeadlineSchema as Deadline } from "@sohoa/contract";
import type { Prisma } from "@sohoa/db";
import type { AppEnv } from "../../context";
import { requireAuth } from "../../middleware/auth";
import { audit } from "../../lib/audit";
import { conflict, notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { requireManager, scopeFilter } from "../../lib/scope";
import { validOn } from "../../lib/units";
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

const include = { unit: { select: { id: true, code: true, name: true, fullName: true, level: true } }, campaign: { select: { id: true, code: true, name: true } } } as const;
type Row = Prisma.DeadlineGetPayload<{ include: typeof include }>;
const out = (d: Row) => ({ id: d.id, campaignId: d.campaignId, unitId: d.unitId, dueDate: fromDay(d.dueDate), note: d.note, confirmed: d.confirmed, unit: d.unit, campaign: d.campaign, updatedAt: d.updatedAt.toISOString() });

/** The campaign must exist, be visible, and cover the unit (set on the unit or one of its ancestors). */
export async function campaignCovering(c: Context<AppEnv>, campaignId: string, unitId: string) {
  const { prisma } = c.var.deps.db;
  const k = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { id: true, unitId: true, name: true } });
  if (!k) throw invalid("campaignId", "Không có đợt/chiến dịch này.", "No such campaign.");
  const covers = await prisma.unitClosure.findUnique({ where: { ancestorId_descendantId: { ancestorId: k.unitId, descendantId: unitId } }, select: { distance: true } });
  if (!covers) throw invalid("campaignId", `Đợt "${k.name}" không áp dụng cho đơn vị này.`, `Campaign "${k.name}" does not cover this unit.`);
  return k;
}

export function deadlineResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    const where: Prisma.DeadlineWhereInput = {
      unit: { ...scopeFilter(c.var.user), ...unitMatch(q) }, ...idFilter(q),
      ...(q.campaignId ? { campaignId: q.campaignId } : {}), ...(q.unitId ? { unitId: q.unitId } : {}), ...(q.confirmed ? { confirmed: q.confirmed === "true" } : {}),
    };
    const p = page(q, ["dueDate", "updatedAt", "createdAt"], { dueDate: "asc" });
    const [rows, total] = await Promise.all([prisma.deadline.findMany({ where, ...p, include }), prisma.deadline.count({ where })]);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const d = await c.var.deps.db.prisma.deadline.findUnique({ where: { id: c.req.valid("param").id }, include });
    await assertVisible(c, d?.unitId, WHAT);
    return c.json(out(d!), 200);
  });
  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    await assertManages(c, b.unitId, { below: true });
    await campaignCovering(c, b.campaignId, b.unitId);
    const d = await prisma.$transaction(async (tx) => {
      if (await tx.deadline.findUnique({ where: { campaignId_unitId: { campaignId: b.campaignId, unitId: b.unitId } }, select: { id: true } })) {
        throw conflict({ vi: "Đơn vị đã có hạn hoàn thành trong đợt này; hãy sửa hạn đó.", en: "The unit already has a deadline in this campaign; edit that one." });
      }
      const d = await tx.deadline.create({ data: { campaignId: b.campaignId, unitId: b.unitId, dueDate: toDay(b.dueDate), note: b.note ?? null, updatedById: c.var.user.id }, include });
      await audit(c, { action: "create", entity: "deadline", entityId: d.id, unitId: d.unitId, details: { campaignId: d.campaignId, dueDate: b.dueDate, note: d.note } }, tx);
      return d;
    });
    return c.json(out(d), 201);
  });
  app.openapi(bulk, async (c) => {
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    requireManager(c.var.user);
    const parent = await prisma.unit.findUnique({ where: { id: b.parentUnitId }, select: { id: true } });
    await assertVisible(c, parent?.id, { vi: "đơn vị cấp trên trong phạm vi của bạn", en: "Parent unit within your scope" });
    await assertManages(c, b.parentUnitId);
    await campaignCovering(c, b.campaignId, b.parentUnitId);
    const children = await prisma.unit.findMany({ where: { parentId: b.parentUnitId, ...validOn(toDay(today(c))) }, select: { id: true }, orderBy: { code: "asc" } });
    if (children.length === 0) throw invalid("parentUnitId", "Đơn vị này không có đơn vị trực thuộc còn hiệu lực hôm nay.", "This unit has no units under it valid today.");
    const due = toDay(b.dueDate);
    const result = await prisma.$transaction(async (tx) => {
      const existing = new Map((await tx.deadline.findMany({ where: { campaignId: b.campaignId, unitId: { in: children.map((u) => u.id) } } })).map((d) => [d.unitId, d]));
      const rows: Row[] = [];
      for (const u of children) {
        const prev = existing.get(u.id);
        const d = await tx.deadline.upsert({
          where: { campaignId_unitId: { campaignId: b.campaignId, unitId: u.id } },
          create: { campaignId: b.campaignId, unitId: u.id, dueDate: due, note: b.note ?? null, updatedById: c.var.user.id },
          update: { dueDate: due, ...(b.note !== undefined ? { note: b.note } : {}), confirmed: true, updatedById: c.var.user.id },
          include,
        });
        await audit(c, { action: prev ? "update" : "create", entity: "deadline", entityId: d.id, unitId: u.id, details: { bulk: { parentUnitId: b.parentUnitId }, campaignId: b.campaignId, dueDate: b.dueDate, before: prev ? fromDay(prev.dueDate) : null } }, tx);
        rows.push(d);
      }
      return { rows, created: children.length - existing.size };
    });
    return c.json({ count: result.rows.length, created: result.created, updated: result.rows.length - result.created, deadlines: result.rows.map(out) }, 200);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const { prisma } = c.var.deps.db;
    const before = await prisma.deadline.findUnique({ where: { id }, include });
    await assertVisible(c, before?.unitId, WHAT);
    await assertManages(c, before!.unitId, { below: true });
    const d = await prisma.$transaction(async (tx) => {
      const d = await tx.deadline.update({
        where: { id },
        data: { ...(b.dueDate ? { dueDate: toDay(b.dueDate) } : {}), ...(b.note !== undefined ? { note: b.note } : {}), ...(b.confirmed !== undefined ? { confirmed: b.confirmed } : {}), updatedById: c.var.user.id },
        include,
      });
      await audit(c, { action: "update", entity: "deadline", entityId: id, unitId: d.unitId, details: { before: { dueDate: fromDay(before!.dueDate), note: before!.note, confirmed: before!.confirmed }, after: { dueDate: fromDay(d.dueDate), note: d.note, confirmed: d.confirmed } } }, tx);
      return d;
    });
    return c.json(out(d), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const { prisma } = c.var.deps.db;
    const before = await prisma.deadline.findUnique({ where: { id }, include });
    if (!before) throw notFound(WHAT);
    await assertVisible(c, before.unitId, WHAT);
    await assertManages(c, before.unitId, { below: true });
    await prisma.$transaction(async (tx) => {
      await tx.deadline.delete({ where: { id } });
      await audit(c, { action: "delete", entity: "deadline", entityId: id, unitId: before.unitId, details: out(before) }, tx);
    });
    return c.body(null, 204);
  });
  return app;
}
