/** Register kinds are data, not code: everyone reads them; an admin may rename, reorder or retire one. */
import { createRoute, z } from "@hono/zod-openapi";
import { searchText, registerKinds, registerKind, updateRegisterKind } from "@sohoa/db";
import { RegisterKindSchema as Kind } from "@sohoa/contract";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { requireRole } from "../../lib/scope";
import { IdParam, idFilter, jsonBody, jsonOk, ListQuery, page, withTotal } from "./rest";

const WHAT = { vi: "loại sổ hộ tịch", en: "Register kind" };

const list = createRoute({
  method: "get", path: "/api/register-kinds", tags: ["Reference"], security, middleware: [requireAuth({ token: "submit" })] as const, summary: "Register kinds (data, not code)",
  request: { query: ListQuery.extend({ active: z.enum(["true", "false"]).optional(), code: z.string().max(40).optional() }) },
  responses: { 200: jsonOk(z.array(Kind), "Kinds (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({
  method: "get", path: "/api/register-kinds/{id}", tags: ["Reference"], security, middleware: [requireAuth()] as const, summary: "One register kind",
  request: { params: IdParam }, responses: { 200: jsonOk(Kind, "Kind"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/register-kinds/{id}", tags: ["Reference"], security, middleware: [requireAuth()] as const, summary: "Admin: rename, reorder or retire a kind",
  request: { params: IdParam, body: jsonBody(z.object({ nameVi: z.string().trim().min(1).max(200).optional(), nameEn: z.string().trim().min(1).max(200).optional(), sortOrder: z.number().int().min(0).max(10_000).optional(), active: z.boolean().optional() })) },
  responses: { 200: jsonOk(Kind, "Updated"), ...errorResponses },
});

export function registerKindResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    // Names are short and few (a dozen kinds): filter the search in memory, diacritics-insensitive.
    const where = { ...idFilter(q), ...(q.active ? { active: q.active === "true" } : {}), ...(q.code ? { code: q.code } : {}) };
    const p = page(q, ["sortOrder", "code", "nameVi", "nameEn"], { sortOrder: "asc" });
    let rows = await registerKinds(c.var.deps.db, where, p.orderBy);
    if (q.q) {
      const term = searchText(q.q);
      rows = rows.filter((k) => searchText(`${k.code} ${k.nameVi} ${k.nameEn}`).includes(term));
    }
    return c.json(withTotal(c, rows.slice(p.skip, p.skip + p.take), rows.length), 200);
  });
  app.openapi(one, async (c) => {
    const k = await registerKind(c.var.deps.db, c.req.valid("param").id);
    if (!k) throw notFound(WHAT);
    return c.json(k, 200);
  });
  app.openapi(update, async (c) => {
    requireRole(c.var.user, "ADMIN");
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const before = await registerKind(c.var.deps.db, id);
    if (!before) throw notFound(WHAT);
    const k = await updateRegisterKind(c.var.deps.db, id, b, auditValues(c, { action: "update", entity: "register_kind", entityId: id, details: { before: { nameVi: before.nameVi, nameEn: before.nameEn, sortOrder: before.sortOrder, active: before.active }, after: b } }));
    return c.json(k, 200);
  });
  return app;
}
