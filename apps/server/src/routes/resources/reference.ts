import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../middleware/auth";
import { errorResponses, router, security } from "../../lib/openapi";
import { scopeFilter } from "../../lib/scope";
import { ListQuery, page, withTotal } from "./rest";

const Kind = z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string(), sortOrder: z.number(), active: z.boolean() }).openapi("RegisterKind");
const kinds = createRoute({ method: "get", path: "/api/register-kinds", tags: ["Reference"], security, middleware: [requireAuth()] as const, summary: "Register kinds (data, not code)", responses: { 200: { description: "Kinds", content: { "application/json": { schema: z.array(Kind) } } }, ...errorResponses } });
const phases = createRoute({ method: "get", path: "/api/book-phases", tags: ["Reference"], security, middleware: [requireAuth()] as const, summary: "Book phases", responses: { 200: { description: "Phases", content: { "application/json": { schema: z.array(z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() })) } } }, ...errorResponses } });
const campaigns = createRoute({
  method: "get", path: "/api/campaigns", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "Campaigns that apply to your scope",
  request: { query: ListQuery }, responses: { 200: { description: "Campaigns", content: { "application/json": { schema: z.array(z.any()) } } }, ...errorResponses },
});
const audits = createRoute({
  method: "get", path: "/api/audit-logs", tags: ["Audit"], security, middleware: [requireAuth()] as const, summary: "Audit log of your scope (admins: everything)",
  request: { query: ListQuery.extend({ entity: z.string().max(40).optional(), action: z.string().max(40).optional() }) },
  responses: { 200: { description: "Entries", content: { "application/json": { schema: z.array(z.any()) } } }, ...errorResponses },
});

export function referenceResources() {
  const app = router();
  app.openapi(kinds, async (c) => {
    const rows = await c.var.deps.db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    return c.json(withTotal(c, rows, rows.length), 200);
  });
  app.openapi(phases, async (c) => {
    const rows = await c.var.deps.db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } });
    return c.json(withTotal(c, rows, rows.length), 200);
  });
  app.openapi(campaigns, async (c) => {
    const q = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    // A campaign applies when it covers the user's unit (an ancestor) or lies inside the user's scope.
    const where = { OR: [{ unit: { descendants: { some: { descendantId: c.var.user.unitId } } } }, { unit: scopeFilter(c.var.user) }] };
    const p = page(q, ["startDate", "endDate", "name", "code"], { startDate: "desc" });
    const [rows, total] = await Promise.all([prisma.campaign.findMany({ where, ...p, include: { unit: { select: { code: true, fullName: true } } } }), prisma.campaign.count({ where })]);
    return c.json(withTotal(c, rows.map((k) => ({ ...k, startDate: k.startDate.toISOString().slice(0, 10), endDate: k.endDate.toISOString().slice(0, 10) })), total), 200);
  });
  app.openapi(audits, async (c) => {
    const q = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    const user = c.var.user;
    const scope = user.role === "ADMIN" ? {} : { unitId: { in: (await prisma.unitClosure.findMany({ where: { ancestorId: user.unitId }, select: { descendantId: true } })).map((r) => r.descendantId) } };
    const where = { ...scope, ...(q.entity ? { entity: q.entity } : {}), ...(q.action ? { action: q.action } : {}) };
    const p = page(q, ["at", "action", "entity"], { at: "desc" });
    const [rows, total] = await Promise.all([prisma.auditLog.findMany({ where, ...p }), prisma.auditLog.count({ where })]);
    return c.json(withTotal(c, rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })), total), 200);
  });
  return app;
}
