/**
 * Campaigns. Read: those that apply to you (set on your unit or above it) and those set inside your subtree.
 * Write: managers, on campaigns of their own subtree. Delete deactivates: deadlines, targets and
 * submissions refer to a campaign long after it ends.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { campaignPage, campaignWhere, createCampaign, phaseCodes, updateCampaign, type CampaignRow, type Database, type Prisma } from "@sohoa/db";
import { CampaignSchema as Campaign } from "@sohoa/contract";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { conflict, notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { appliesOrInScope, assertManages, Day, fromDay, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, toDay, withTotal } from "./rest";

const WHAT = { vi: "đợt/chiến dịch trong phạm vi của bạn", en: "Campaign within your scope" };
const Phases = z.array(z.string().max(10)).max(10);
const Fields = {
  name: z.string().trim().min(1).max(300),
  legalReference: z.string().trim().max(500).nullable().optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  startDate: Day,
  endDate: Day,
  phases: Phases.optional(),
};

const list = createRoute({
  method: "get", path: "/api/campaigns", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "Campaigns that apply to your unit or lie inside your scope",
  request: { query: ListQuery.extend({ unitId: z.string().max(64).optional(), active: z.enum(["true", "false"]).optional(), code: z.string().max(50).optional() }) },
  responses: { 200: jsonOk(z.array(Campaign), "Campaigns (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/campaigns/{id}", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "One campaign", request: { params: IdParam }, responses: { 200: jsonOk(Campaign, "Campaign"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/campaigns", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "Create a campaign for a unit of your subtree",
  request: { body: jsonBody(z.object({ code: z.string().trim().regex(/^[0-9A-Za-z_.-]{1,50}$/), unitId: z.string().min(1).max(64), ...Fields, legalRef: z.string().trim().max(500).optional() })) },
  responses: { 201: jsonOk(Campaign, "Created"), 409: jsonOk(z.any(), "Code already used"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/campaigns/{id}", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "Edit a campaign of your subtree",
  request: { params: IdParam, body: jsonBody(z.object({ ...Fields, startDate: Day.optional(), endDate: Day.optional(), name: Fields.name.optional(), active: z.boolean().optional(), legalRef: z.string().trim().max(500).optional() })) },
  responses: { 200: jsonOk(Campaign, "Updated"), ...errorResponses },
});
const remove = createRoute({ method: "delete", path: "/api/campaigns/{id}", tags: ["Campaigns"], security, middleware: [requireAuth()] as const, summary: "Deactivate a campaign (history stays)", request: { params: IdParam }, responses: { 200: jsonOk(Campaign, "Deactivated"), ...errorResponses } });

type Row = CampaignRow;
const out = (k: Row) => ({
  id: k.id, code: k.code, name: k.name, legalReference: k.legalReference, description: k.description, unitId: k.unitId, unit: k.unit,
  startDate: fromDay(k.startDate), endDate: fromDay(k.endDate), phases: k.phases, active: k.active, createdAt: k.createdAt.toISOString(), updatedAt: k.updatedAt.toISOString(),
});

async function checkPhases(db: Database, phases: string[] | undefined) {
  if (!phases?.length) return;
  const known = await phaseCodes(db);
  const bad = phases.filter((p) => !known.has(p));
  if (bad.length) throw invalid("phases", `Giai đoạn sổ không có: ${bad.join(", ")}.`, `Unknown book phases: ${bad.join(", ")}.`);
}

export function campaignResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: Prisma.CampaignWhereInput = {
      AND: [
        appliesOrInScope(c.var.user), idFilter(q),
        q.unitId ? { unitId: q.unitId } : {}, q.active ? { active: q.active === "true" } : {}, q.code ? { code: q.code } : {},
        q.q ? { OR: [{ name: { contains: q.q.trim(), mode: "insensitive" } }, { code: { contains: q.q.trim(), mode: "insensitive" } }] } : {},
      ],
    };
    const p = page(q, ["startDate", "endDate", "name", "code", "createdAt"], { startDate: "desc" });
    const { rows, total } = await campaignPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const k = await campaignWhere(c.var.deps.db, { id: c.req.valid("param").id, ...appliesOrInScope(c.var.user) });
    if (!k) throw notFound(WHAT);
    return c.json(out(k), 200);
  });
  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    const { db } = c.var.deps;
    await assertManages(c, b.unitId);
    if (b.endDate < b.startDate) throw invalid("endDate", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must not be before the start date.");
    await checkPhases(db, b.phases);
    const k = await createCampaign(
      db,
      { code: b.code, name: b.name, legalReference: b.legalReference ?? b.legalRef ?? null, description: b.description ?? null, unitId: b.unitId, startDate: toDay(b.startDate), endDate: toDay(b.endDate), phases: b.phases ?? ["P1", "P2"], createdById: c.var.user.id },
      (k) => auditValues(c, { action: "create", entity: "campaign", entityId: k.id, unitId: k.unitId, details: out(k) }),
    );
    if (!k) throw conflict({ vi: `Mã đợt ${b.code} đã có.`, en: `Campaign code ${b.code} already exists.` });
    return c.json(out(k), 201);
  });
  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const { db } = c.var.deps;
    const before = await campaignWhere(db, { id, ...appliesOrInScope(c.var.user) });
    if (!before) throw notFound(WHAT);
    await assertManages(c, before.unitId);
    const start = b.startDate ?? fromDay(before.startDate);
    const end = b.endDate ?? fromDay(before.endDate);
    if (end < start) throw invalid("endDate", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must not be before the start date.");
    await checkPhases(db, b.phases);
    const k = await updateCampaign(
      db, id,
      {
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.legalReference !== undefined || b.legalRef !== undefined ? { legalReference: b.legalReference ?? b.legalRef ?? null } : {}),
          ...(b.description !== undefined ? { description: b.description } : {}),
          ...(b.phases !== undefined ? { phases: b.phases } : {}),
          ...(b.active !== undefined ? { active: b.active } : {}),
          startDate: toDay(start), endDate: toDay(end),
      },
      (k) => auditValues(c, { action: "update", entity: "campaign", entityId: id, unitId: k.unitId, details: { before: out(before), after: out(k) } }),
    );
    return c.json(out(k), 200);
  });
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const before = await campaignWhere(c.var.deps.db, { id, ...appliesOrInScope(c.var.user) });
    if (!before) throw notFound(WHAT);
    await assertManages(c, before.unitId);
    const k = await updateCampaign(c.var.deps.db, id, { active: false }, (k) => auditValues(c, { action: "deactivate", entity: "campaign", entityId: id, unitId: k.unitId, details: { code: k.code } }));
    return c.json(out(k), 200);
  });
  return app;
}
