/**
 * The 2025 reorganization in the API: a unit's predecessors and successors, the per-province view of what
 * each new commune was formed from with the carried figures, and the admin's choice for a divided commune
 * (primary successor, another successor, or shares summing to 100%), with a reason, audited.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { carryReform, provinceAfterReform, rollupsAt, setSuccessionShares, successionLinks, successorLinksOf, sumCountsOf, unitOfCodeOn } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { auditValues } from "../lib/audit";
import { ApiError, notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { assertInScope, inScope, requireRole } from "../lib/scope";
import { toUnitSummary } from "../lib/units";
import { CalendarDateSchema as IsoDate, ProgressCountsSchema as Counts, SuccessionLinkSchema as Link, UnitHistorySchema, UnitSummarySchema } from "@sohoa/contract";

const history = createRoute({
  method: "get", path: "/api/units/{code}/history", tags: ["Reorganization"], security, middleware: [requireAuth()] as const,
  summary: "Predecessors and successors of a unit (the code is read against the date)",
  request: { params: z.object({ code: z.string().min(1).max(20) }), query: z.object({ date: IsoDate.optional() }) },
  responses: { 200: { description: "History", content: { "application/json": { schema: UnitHistorySchema } } }, ...errorResponses },
});

const province = createRoute({
  method: "get", path: "/api/reorganization/{code}", tags: ["Reorganization"], security, middleware: [requireAuth()] as const,
  summary: "For a new province: each new commune, what it was formed from, and the figures carried on the effective date",
  request: { params: z.object({ code: z.string().min(1).max(20) }), query: z.object({ effective: IsoDate.default("2025-07-01") }) },
  responses: {
    200: {
      description: "Formation of the new communes",
      content: {
        "application/json": {
          schema: z.object({
            province: UnitSummarySchema, effectiveDate: z.string(), carried: Counts,
            communes: z.array(z.object({ unit: UnitSummarySchema, carried: Counts, formedFrom: z.array(z.object({ unit: UnitSummarySchema, share: z.number(), isPrimary: z.boolean(), divided: z.boolean(), figures: Counts })) })),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

const setShares = createRoute({
  method: "put", path: "/api/units/{id}/successors", tags: ["Reorganization"], security, middleware: [requireAuth()] as const,
  summary: "Admin: how a divided unit's figures are carried — to one successor, or split by shares summing to 100%",
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            mode: z.enum(["primary", "shares"]),
            primarySuccessorId: z.string().max(64).optional(),
            shares: z.array(z.object({ successorId: z.string().max(64), percent: z.number().min(0).max(100) })).max(10).optional(),
            reason: z.string().trim().min(5).max(1000),
          }),
        },
      },
    },
  },
  responses: { 200: { description: "Updated; figures re-carried", content: { "application/json": { schema: z.object({ links: z.array(Link) }) } } }, ...errorResponses },
});

type LinkRow = { id: string; effectiveDate: Date; kind: string; isPrimary: boolean; shareBp: number | null; reason: string | null };
const linkOut = (l: LinkRow, unit: Parameters<typeof toUnitSummary>[0]) => ({
  id: l.id, effectiveDate: l.effectiveDate.toISOString().slice(0, 10), kind: l.kind, isPrimary: l.isPrimary, share: l.shareBp === null ? null : l.shareBp / 100, reason: l.reason, unit: toUnitSummary(unit),
});

export function reorganizationRoutes() {
  const app = router();

  app.openapi(history, async (c) => {
    const { code } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const date = c.req.valid("query").date ?? clock().toISOString().slice(0, 10);
    const unit = await unitOfCodeOn(db, code, new Date(`${date}T00:00:00Z`));
    if (!unit || !(await inScope(c, unit.id))) throw notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` });
    const { predecessors: preds, successors: succs } = await successionLinks(db, unit.id);
    return c.json({ unit: toUnitSummary(unit), predecessors: preds.map((p) => linkOut(p, p.predecessor)), successors: succs.map((s) => linkOut(s, s.successor)) }, 200);
  });

  app.openapi(province, async (c) => {
    const { code } = c.req.valid("param");
    const { effective } = c.req.valid("query");
    const { db } = c.var.deps;
    const E = new Date(`${effective}T00:00:00Z`);
    const prov = await unitOfCodeOn(db, code, E, "PROVINCE");
    if (!prov || !(await inScope(c, prov.id))) throw notFound({ vi: `tỉnh/thành phố mã ${code} sau sắp xếp trong phạm vi của bạn`, en: `Province ${code} after the reorganization within your scope` });
    const { communes, links } = await provinceAfterReform(db, prov.id, E);
    const dayBefore = new Date(E.getTime() - 86_400_000).toISOString().slice(0, 10);
    const predIds = [...new Set(links.map((l) => l.predecessorId))];
    const [carried, predFigures] = await Promise.all([rollupsAt(db.sql, communes.map((u) => u.id), effective), rollupsAt(db.sql, predIds, dayBefore)]);
    const counts = (r: { booksTotal: number; booksDigitized: number; entriesTotal: number; entriesDigitized: number; entriesChecked: number; entriesLoaded: number } | undefined) => sumCountsOf(r ? [r] : []);
    const out = communes.map((u) => {
      const mine = links.filter((l) => l.successorId === u.id);
      return {
        unit: toUnitSummary(u),
        carried: counts(carried.get(u.id)),
        formedFrom: mine.map((l) => {
          const divided = l.predecessor.successors.length > 1;
          const shared = l.shareBp !== null;
          return { unit: toUnitSummary(l.predecessor), isPrimary: l.isPrimary, divided, share: shared ? l.shareBp! / 100 : l.isPrimary ? 100 : 0, figures: counts(predFigures.get(l.predecessorId)) };
        }),
      };
    });
    return c.json({ province: toUnitSummary(prov), effectiveDate: effective, carried: sumCountsOf(out.map((o) => o.carried)), communes: out }, 200);
  });

  app.openapi(setShares, async (c) => {
    requireRole(c.var.user, "ADMIN");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db } = c.var.deps;
    const links = await successorLinksOf(db, id);
    if (links.length === 0) throw notFound({ vi: "đơn vị cũ có đơn vị kế thừa", en: "A former unit with successors" });
    await assertInScope(c, id);
    const E = links[0]!.effectiveDate;
    const bad = (vi: string, en: string, field: string) => new ApiError(400, "bad_request", { vi, en }, { field });
    let updates: { id: string; isPrimary: boolean; shareBp: number | null }[];
    if (body.mode === "primary") {
      const target = links.find((l) => l.successorId === body.primarySuccessorId);
      if (!target) throw bad("Đơn vị kế thừa được chọn không thuộc danh sách kế thừa của đơn vị này.", "The chosen successor is not one of this unit's successors.", "primarySuccessorId");
      updates = links.map((l) => ({ id: l.id, isPrimary: l.id === target.id, shareBp: null }));
    } else {
      const shares = body.shares ?? [];
      const total = shares.reduce((a, s) => a + Math.round(s.percent * 100), 0);
      if (total !== 10_000) throw bad(`Tổng tỷ lệ phân chia phải bằng 100% (hiện là ${(total / 100).toLocaleString("vi-VN")}%).`, `The shares must add up to 100% (they add up to ${total / 100}%).`, "shares");
      if (shares.some((s) => !links.some((l) => l.successorId === s.successorId))) throw bad("Có đơn vị trong bảng phân chia không phải là đơn vị kế thừa.", "A share names a unit that is not a successor.", "shares");
      updates = links.map((l) => ({ id: l.id, isPrimary: l.isPrimary, shareBp: Math.round((shares.find((s) => s.successorId === l.successorId)?.percent ?? 0) * 100) }));
    }
    await setSuccessionShares(db, updates, body.reason, c.var.user.id, auditValues(c, { action: "succession_allocation", entity: "unit", entityId: id, unitId: id, details: { mode: body.mode, updates, reason: body.reason } }));
    await carryReform(db, E.toISOString().slice(0, 10), links.map((l) => l.successorId));
    const fresh = await successorLinksOf(db, id);
    return c.json({ links: fresh.map((l) => linkOut(l, l.successor)) }, 200);
  });
  return app;
}
