/**
 * Saved layouts: how a unit's sheets of one header are read, as a person corrected it on the upload page (a column
 * read as another field or not at all, rows that are not data). Every later submission of that unit whose header
 * has the same signature is read with it (services/submissions.ts).
 *   GET    /api/units/{code}/sheet-layouts
 *   PUT    /api/units/{code}/sheet-layouts/{signature}
 *   DELETE /api/units/{code}/sheet-layouts/{signature}
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteSheetLayout, saveSheetLayout, scopedUnitOn, sheetLayoutsOf } from "@sohoa/db";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { audit } from "../lib/audit";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { requireSubmitter } from "../lib/scope";
import { todayInVietnam } from "@sohoa/core";
import { CalendarDateSchema as IsoDate, SheetLayoutCorrectionSchema as Correction, SheetLayoutSchema as LayoutSchema, SheetLayoutsSchema } from "@sohoa/contract";

const params = z.object({ code: z.string().min(1).max(20).regex(/^[A-Za-z0-9-]+$/).openapi({ param: { name: "code", in: "path" }, example: "505" }) });
/** the date the unit is looked up on (a code names a unit only with a date): the sheet's report date; default today */
const query = z.object({ date: IsoDate.optional() });
const withSignature = params.extend({ signature: z.string().regex(/^[0-9a-f]{8}$/).openapi({ param: { name: "signature", in: "path" }, example: "1a2b3c4d" }) });

const list = createRoute({
  method: "get", path: "/api/units/{code}/sheet-layouts", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "The unit's saved sheet layouts (corrections of how its sheets are read)",
  request: { params, query },
  responses: { 200: { description: "Saved layouts", content: { "application/json": { schema: SheetLayoutsSchema } } }, ...errorResponses },
});
const put = createRoute({
  method: "put", path: "/api/units/{code}/sheet-layouts/{signature}", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "Save how sheets of this header are read for the unit (from the reading's signature)",
  request: { params: withSignature, query, body: { required: true, content: { "application/json": { schema: Correction } } } },
  responses: { 200: { description: "Saved", content: { "application/json": { schema: LayoutSchema } } }, ...errorResponses },
});
const del = createRoute({
  method: "delete", path: "/api/units/{code}/sheet-layouts/{signature}", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "Forget a saved sheet layout",
  request: { params: withSignature, query },
  responses: { 204: { description: "Forgotten" }, ...errorResponses },
});

/** The unit, today, within the person's subtree (404 outside it, as every unit route answers). */
async function unitFor(c: Context<AppEnv>, code: string, date: string | undefined) {
  const u = await scopedUnitOn(c.var.deps.db.sql, code, date ?? todayInVietnam(c.var.deps.clock()), c.var.user.unitId);
  if (!u) throw notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` });
  return u;
}

export function sheetLayoutRoutes() {
  const app = router();
  app.openapi(list, async (c) => {
    const u = await unitFor(c, c.req.valid("param").code, c.req.valid("query").date);
    const rows = await sheetLayoutsOf(c.var.deps.db, u.id);
    return c.json({ layouts: rows.map((r) => ({ signature: r.signature, correction: r.correction as z.infer<typeof Correction>, updatedAt: r.updatedAt.toISOString() })) }, 200);
  });
  app.openapi(put, async (c) => {
    requireSubmitter(c.var.user);
    const { code, signature } = c.req.valid("param");
    const correction = c.req.valid("json");
    const u = await unitFor(c, code, c.req.valid("query").date);
    await saveSheetLayout(c.var.deps.db, u.id, signature, correction, c.var.user.id);
    await audit(c, { action: "sheet_layout_saved", entity: "sheet_layout", entityId: `${u.id}:${signature}`, unitId: u.id, details: correction });
    return c.json({ signature, correction, updatedAt: c.var.deps.clock().toISOString() }, 200);
  });
  app.openapi(del, async (c) => {
    requireSubmitter(c.var.user);
    const { code, signature } = c.req.valid("param");
    const u = await unitFor(c, code, c.req.valid("query").date);
    if (!(await deleteSheetLayout(c.var.deps.db, u.id, signature))) throw notFound({ vi: `cách đọc đã lưu ${signature}`, en: `Saved layout ${signature}` });
    await audit(c, { action: "sheet_layout_deleted", entity: "sheet_layout", entityId: `${u.id}:${signature}`, unitId: u.id });
    return c.body(null, 204);
  });
  return app;
}
