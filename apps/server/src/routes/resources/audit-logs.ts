/** The audit log, read-only. Admins see everything; others see entries about units of their subtree. */
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import { subtreeUnitIds, auditLogPage, auditLogEntry, type Prisma } from "@sohoa/db";
import { AuditEntrySchema as Entry } from "@sohoa/contract";
import type { AppEnv } from "../../context";
import { requireAuth } from "../../middleware/auth";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { Day, invalid, jsonOk, ListQuery, page, withTotal } from "./rest";

/** An instant, or a day (from = its start, to = its end, in Vietnam). */
const When = z.union([z.iso.datetime({ offset: true }), Day]);

const list = createRoute({
  method: "get", path: "/api/audit-logs", tags: ["Audit"], security, middleware: [requireAuth()] as const, summary: "Audit log of your scope (admins: everything)",
  request: {
    query: ListQuery.omit({ id: true }).extend({
      entity: z.string().max(40).optional(), entityId: z.string().max(64).optional(), userId: z.string().max(64).optional(), action: z.string().max(40).optional(),
      unitId: z.string().max(64).optional(), from: When.optional(), to: When.optional(),
    }),
  },
  responses: { 200: jsonOk(z.array(Entry), "Entries (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({
  method: "get", path: "/api/audit-logs/{id}", tags: ["Audit"], security, middleware: [requireAuth()] as const, summary: "One entry",
  request: { params: z.object({ id: z.string().regex(/^\d{1,18}$/) }) }, responses: { 200: jsonOk(Entry, "Entry"), ...errorResponses },
});

type Row = Prisma.AuditLogGetPayload<object>;
const out = (r: Row) => ({ ...r, id: String(r.id), at: r.at.toISOString(), details: r.details ?? null });

/** Entries the user may read: all for admins, else those whose unit lies in their subtree (set-based, one subquery). */
async function scope(c: Context<AppEnv>): Promise<Prisma.AuditLogWhereInput> {
  const user = c.var.user;
  if (user.role === "ADMIN") return {};
  return { unitId: { in: await subtreeUnitIds(c.var.deps.db, user.unitId) } };
}

const instant = (s: string, end: boolean) => (s.length === 10 ? new Date(`${s}T${end ? "23:59:59.999" : "00:00:00"}+07:00`) : new Date(s));

export function auditLogResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const from = q.from ? instant(q.from, false) : undefined;
    const to = q.to ? instant(q.to, true) : undefined;
    if (from && to && to < from) throw invalid("to", "Thời điểm kết thúc phải sau thời điểm bắt đầu.", "'to' must not be before 'from'.");
    const where: Prisma.AuditLogWhereInput = {
      AND: [
        await scope(c),
        q.entity ? { entity: q.entity } : {}, q.entityId ? { entityId: q.entityId } : {}, q.userId ? { userId: q.userId } : {}, q.action ? { action: q.action } : {},
        q.unitId ? { unitId: q.unitId } : {}, from || to ? { at: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {},
        q.q ? { OR: [{ username: { contains: q.q.trim(), mode: "insensitive" } }, { entityId: q.q.trim() }] } : {},
      ],
    };
    const p = page(q, ["at", "action", "entity", "username"], { at: "desc" });
    const { rows, total } = await auditLogPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const r = await auditLogEntry(c.var.deps.db, { AND: [{ id: BigInt(c.req.valid("param").id) }, await scope(c)] });
    if (!r) throw notFound({ vi: "mục nhật ký trong phạm vi của bạn", en: "Audit entry within your scope" });
    return c.json(out(r), 200);
  });
  return app;
}
