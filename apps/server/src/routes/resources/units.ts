import { createRoute, z } from "@hono/zod-openapi";
import { searchText } from "@sohoa/db";
import { requireAuth } from "../../middleware/auth";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { inScope, scopeFilter } from "../../lib/scope";
import { toUnitSummary, unitSelect, validOn } from "../../lib/units";
import { vnToday } from "../../services/progress";
import { IsoDate, Level, UnitSummarySchema } from "../schemas";
import { ListQuery, page, withTotal } from "./rest";

const UnitRow = UnitSummarySchema.extend({ typeName: z.string(), active: z.boolean(), childCount: z.number() }).openapi("Unit");

const list = createRoute({
  method: "get", path: "/api/units", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Units in your scope valid on a date (default today); search is diacritics-insensitive",
  request: { query: ListQuery.extend({ parentId: z.string().max(64).optional(), level: Level.optional(), date: IsoDate.optional(), code: z.string().max(20).optional() }) },
  responses: { 200: { description: "Units (total in X-Total-Count)", content: { "application/json": { schema: z.array(UnitRow) } } }, ...errorResponses },
});
const one = createRoute({
  method: "get", path: "/api/units/{id}", tags: ["Units"], security, middleware: [requireAuth()] as const, summary: "One unit",
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: { 200: { description: "Unit", content: { "application/json": { schema: UnitRow } } }, ...errorResponses },
});

export function unitResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const at = new Date(`${q.date ?? vnToday(clock())}T00:00:00Z`);
    const where = {
      ...scopeFilter(c.var.user),
      ...validOn(at),
      ...(q.parentId ? { parentId: q.parentId } : {}),
      ...(q.level ? { level: q.level } : {}),
      ...(q.code ? { code: q.code } : {}),
      ...(q.q ? { searchName: { contains: searchText(q.q) } } : {}),
    };
    const p = page(q, ["code", "name", "fullName", "level", "validFrom"], { code: "asc" });
    const [rows, total] = await Promise.all([
      db.prisma.unit.findMany({ where, ...p, select: { ...unitSelect, typeName: true, active: true, _count: { select: { children: { where: validOn(at) } } } } }),
      db.prisma.unit.count({ where }),
    ]);
    return c.json(withTotal(c, rows.map((u) => ({ ...toUnitSummary(u), typeName: u.typeName, active: u.active, childCount: u._count.children })), total), 200);
  });
  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const u = await c.var.deps.db.prisma.unit.findUnique({ where: { id }, select: { ...unitSelect, typeName: true, active: true, _count: { select: { children: true } } } });
    if (!u || !(await inScope(c, u.id))) throw notFound({ vi: "đơn vị trong phạm vi của bạn", en: "Unit within your scope" });
    return c.json({ ...toUnitSummary(u), typeName: u.typeName, active: u.active, childCount: u._count.children }, 200);
  });
  return app;
}
