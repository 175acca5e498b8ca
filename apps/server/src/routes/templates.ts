import { createRoute, z } from "@hono/zod-openapi";
import { buildCommuneTemplate, buildRollupTemplate, type ProgressCounts, type UnitRef } from "@sohoa/core";
import { latestSnapshots, activeUnitByCodeOn, activeChildrenOn, activeKindsAndPhases } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { todayInVietnam } from "@sohoa/core";
import { defaultDate } from "../services/progress";
import { CalendarDateSchema as IsoDate } from "@sohoa/contract";

const route = createRoute({
  method: "get", path: "/api/units/{code}/template", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "The official sheet for a unit, pre-filled: a commune's register kinds × phases, or a parent's units",
  request: {
    params: z.object({ code: z.string().min(1).max(20) }),
    query: z.object({ kind: z.enum(["commune", "rollup"]).optional(), date: IsoDate.optional(), locale: z.enum(["vi", "en"]).default("vi") }),
  },
  responses: {
    200: { description: "A sheet (core Grid model)", content: { "application/json": { schema: z.object({ sheet: z.object({ name: z.string(), rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))), merges: z.array(z.string()).optional() }) }) } } },
    ...errorResponses,
  },
});

export function templateRoutes() {
  const app = router();
  app.openapi(route, async (c) => {
    const { code } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const date = q.date ?? todayInVietnam(clock());
    const at = new Date(`${date}T00:00:00Z`);
    const unit = await activeUnitByCodeOn(db, code, at);
    if (!unit || !(await inScope(c, unit.id))) throw notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` });
    const children = await activeChildrenOn(db, unit.id, at);
    const ref = (u: typeof unit): UnitRef => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId, validFrom: u.validFrom.toISOString().slice(0, 10), validTo: u.validTo?.toISOString().slice(0, 10) ?? null });
    const kind = q.kind ?? (children.length ? "rollup" : "commune");
    if (kind === "rollup") {
      return c.json({ sheet: buildRollupTemplate({ parent: ref(unit), children: children.map(ref), reportDate: date, locale: q.locale }) }, 200);
    }
    const { kinds, phases } = await activeKindsAndPhases(db);
    // Pre-filled with the latest accepted figures, so the official only updates what changed.
    const last = await latestSnapshots(db.sql, [unit.id], q.date ?? (await defaultDate(db, unit.id, clock())));
    const previous = new Map<string, ProgressCounts>();
    for (const s of last) {
      const k = kinds.find((x) => x.id === s.registerKindId);
      const p = phases.find((x) => x.id === s.phaseId);
      if (k && p) previous.set(`${unit.code}|${k.code}|${p.code}`, s.counts);
    }
    const sheet = buildCommuneTemplate({
      unit: ref(unit),
      registerKinds: kinds.map((k) => ({ code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, sortOrder: k.sortOrder })),
      phases: phases.map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn })),
      reportDate: date,
      locale: q.locale,
      previous,
    });
    return c.json({ sheet }, 200);
  });
  return app;
}
