/**
 * File imports of the management console, each with a dry-run preview first and nothing stored on an error:
 *  - POST /api/units/import             a unit registry (the JSON of shared/data/administrative-units), admin only;
 *  - POST /api/units/successors/import  successor links ({old, new[], primary}[]), admin only, then carries figures;
 *  - GET  /api/units/{code}/successor-units   where a unit that no longer exists on a date went (dashboard hint).
 * Monthly targets from a sheet: targets-import.ts.
 */
import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { carryPlans, carryReform, formerUnitByCode, importReformLinks, importRegistry, provincesOf, scopedUnitByCodeOn, successionsBelow, unitsByIds, type RegistryNode } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { audit } from "../lib/audit";
import { conflict, notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope, requireRole } from "../lib/scope";
import { toUnitSummary } from "../lib/units";
import { bad, limitUploads, multipart, readForm, vnDate } from "./import-form";
import { Day, toDay } from "./resources/rest";
import { UnitSummarySchema } from "@sohoa/contract";

function dayField(fields: Record<string, string>, name: string): string {
  const r = Day.safeParse(fields[name] ?? "");
  if (!r.success) throw bad(name, `Ngày hiệu lực "${fields[name] ?? ""}" không hợp lệ (cần yyyy-mm-dd, một ngày có thật).`, `Invalid effective date "${fields[name] ?? ""}" (expected an existing yyyy-mm-dd).`);
  return r.data;
}

async function readJsonFile(file: File): Promise<{ data: unknown; sha256: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  try {
    return { data: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown, sha256 };
  } catch {
    throw bad("file", "Tệp không phải là JSON hợp lệ (UTF-8).", "The file is not valid JSON (UTF-8).");
  }
}

const zodPath = (p: PropertyKey[]) => p.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("").replace(/^\./, "");
function zodFail(e: z.ZodError, what: { vi: string; en: string }): never {
  const first = e.issues[0]!;
  const where = zodPath(first.path);
  throw bad("file", `${what.vi}: sai ở ${where || "gốc tệp"} (${first.message}).`, `${what.en}: invalid at ${where || "the top level"} (${first.message}).`);
}

// ── unit registry ────────────────────────────────────────────────────────────────────────────────────
const Code = z.string().regex(/^[0-9A-Za-z_-]{1,20}$/, "code: 1–20 letters, digits, - or _");
const Leaf = z.object({ code: Code, name: z.string().trim().min(1).max(200), fullName: z.string().trim().min(1).max(200), nameEn: z.string().max(200).optional(), type: z.string().max(40).optional() });
const Ward = Leaf.strip();
const District = Leaf.extend({ wards: z.array(Ward).max(2000).optional() });
const Province = Leaf.extend({ districts: z.array(District).max(2000).optional(), wards: z.array(Ward).max(20_000).optional() });
const Registry = z.array(Province).min(1).max(200);
const MAX_REGISTRY_UNITS = 30_000;

const ImportReportSchema = z.object({
  effective: z.string(), added: z.number(), changed: z.number(), closed: z.number(), unchanged: z.number(),
  byLevel: z.record(z.string(), z.object({ added: z.number(), changed: z.number(), closed: z.number(), unchanged: z.number() })),
});
const unitImport = createRoute({
  method: "post", path: "/api/units/import", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Admin: import a unit registry (JSON, the format of shared/data/administrative-units) as the tree from an effective date; dryRun=true previews the counts",
  request: { body: multipart({ effectiveDate: z.string(), dryRun: z.string().optional() }) },
  responses: {
    200: { description: "Preview (dryRun) or result", content: { "application/json": { schema: z.object({ dryRun: z.boolean(), filename: z.string(), units: z.number(), report: ImportReportSchema }) } } },
    409: { description: "The tree already changes after that date", content: { "application/json": { schema: z.any() } } },
    413: { description: "File too large", content: { "application/json": { schema: z.any() } } },
    ...errorResponses,
  },
});

const SuccessorFile = z.array(z.object({ old: Code, new: z.array(Code).min(1).max(10), primary: Code }).refine((l) => l.new.includes(l.primary), "primary must be one of new")).min(1).max(20_000);
const successorImport = createRoute({
  method: "post", path: "/api/units/successors/import", tags: ["Units"], security, middleware: [requireAuth()] as const,
  summary: "Admin: import successor links ({old, new[], primary}[]) effective on a date, then carry figures, targets and deadlines; dryRun=true previews",
  request: { body: multipart({ effectiveDate: z.string(), dryRun: z.string().optional() }) },
  responses: {
    200: {
      description: "Preview (dryRun) or result",
      content: { "application/json": { schema: z.object({ dryRun: z.boolean(), filename: z.string(), linked: z.number(), unchanged: z.number(), predecessors: z.number(), notFound: z.number(), notFoundSample: z.array(z.object({ old: z.string(), new: z.string().optional(), reason: z.string() })), carried: z.object({ successors: z.number(), predecessors: z.number() }).nullable() }) } },
    },
    413: { description: "File too large", content: { "application/json": { schema: z.any() } } },
    ...errorResponses,
  },
});

const whereabouts = createRoute({
  method: "get", path: "/api/units/{code}/successor-units", tags: ["Reorganization"], security, middleware: [requireAuth()] as const,
  summary: "Where a unit went: for a code that no longer names a unit on the date, the unit it named last and the units that took over its communes",
  request: { params: z.object({ code: z.string().min(1).max(20) }), query: z.object({ date: Day }) },
  responses: {
    200: {
      description: "The former unit and its successors (grouped at its own level where that level still exists)",
      content: { "application/json": { schema: z.object({ unit: UnitSummarySchema, current: z.boolean(), successors: z.array(z.object({ unit: UnitSummarySchema, communes: z.number(), inScope: z.boolean() })) }) } },
    },
    ...errorResponses,
  },
});

export function importRoutes() {
  const app = router();
  limitUploads(app, ["/api/units/import", "/api/units/successors/import"]);

  app.openapi(unitImport, async (c) => {
    requireRole(c.var.user, "ADMIN");
    const { file, fields } = await readForm(c);
    const effective = dayField(fields, "effectiveDate");
    const dryRun = fields.dryRun === "true";
    const { data, sha256 } = await readJsonFile(file);
    const parsed = Registry.safeParse(data);
    if (!parsed.success) zodFail(parsed.error, { vi: "Tệp danh mục đơn vị không đúng định dạng", en: "The unit registry file is not in the expected format" });
    const registry = parsed.data as RegistryNode[];
    // Codes identify units within one map: the same code twice at one level is a broken file.
    const seen = new Map<string, string>();
    let units = 0;
    const check = (level: string, n: { code: string; fullName: string }) => {
      units++;
      const k = `${level}:${n.code}`;
      const other = seen.get(k);
      if (other) throw bad("file", `Mã ${n.code} xuất hiện hai lần (${other} và ${n.fullName}).`, `Code ${n.code} appears twice (${other} and ${n.fullName}).`);
      seen.set(k, n.fullName);
    };
    for (const p of registry) {
      check("P", p);
      for (const d of p.districts ?? []) { check("D", d); for (const w of d.wards ?? []) check("C", w); }
      for (const w of p.wards ?? []) check("C", w);
    }
    if (units > MAX_REGISTRY_UNITS) throw bad("file", `Tệp có ${units} đơn vị, vượt giới hạn ${MAX_REGISTRY_UNITS}.`, `The file has ${units} units, over the ${MAX_REGISTRY_UNITS} limit.`);
    let report;
    try {
      report = await importRegistry(c.var.deps.db, registry, effective, { dryRun });
    } catch (e) {
      const m = /already has changes after .* \((.*) from (\d{4}-\d{2}-\d{2})\)/.exec((e as Error).message);
      if (m) throw conflict({ vi: `Cây đơn vị đã có thay đổi sau ngày ${vnDate(effective)} (${m[1]} từ ${vnDate(m[2]!)}); hãy nhập các danh mục theo thứ tự ngày.`, en: `The unit tree already changes after ${effective} (${m[1]} from ${m[2]}); import registries in date order.` });
      throw e;
    }
    if (!dryRun) {
      await audit(c, { action: "import", entity: "unit_registry", details: { filename: file.name.slice(0, 200), sha256, effective, units, added: report.added, changed: report.changed, closed: report.closed, unchanged: report.unchanged, byLevel: report.byLevel } });
    }
    return c.json({ dryRun, filename: file.name.slice(0, 200), units, report }, 200);
  });

  app.openapi(successorImport, async (c) => {
    requireRole(c.var.user, "ADMIN");
    const { file, fields } = await readForm(c);
    const effective = dayField(fields, "effectiveDate");
    const dryRun = fields.dryRun === "true";
    const { data, sha256 } = await readJsonFile(file);
    const parsed = SuccessorFile.safeParse(data);
    if (!parsed.success) zodFail(parsed.error, { vi: "Tệp đơn vị kế thừa không đúng định dạng ({old, new[], primary})", en: "The successor file is not in the expected format ({old, new[], primary})" });
    const { db } = c.var.deps;
    const report = await importReformLinks(db, parsed.data, effective, { dryRun });
    let carried: { successors: number; predecessors: number } | null = null;
    if (!dryRun) {
      carried = await carryReform(db, effective);
      const plans = await carryPlans(db, effective);
      await audit(c, { action: "import", entity: "unit_successors", details: { filename: file.name.slice(0, 200), sha256, effective, linked: report.linked, unchanged: report.unchanged, predecessors: report.predecessors, notFound: report.notFound.length, carried, plans } });
    }
    return c.json({
      dryRun, filename: file.name.slice(0, 200), linked: report.linked, unchanged: report.unchanged, predecessors: report.predecessors,
      notFound: report.notFound.length, notFoundSample: report.notFound.slice(0, 20), carried,
    }, 200);
  });

  // scopeFilter: the person's own unit or below it (closure rows include the unit itself at distance 0).
  app.openapi(whereabouts, async (c) => {
    const { code } = c.req.valid("param");
    const { date } = c.req.valid("query");
    const { db } = c.var.deps;
    const D = toDay(date);
    const what = { vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` };
    const current = await scopedUnitByCodeOn(db, c.var.user.unitId, code, D);
    if (current) return c.json({ unit: toUnitSummary(current), current: true, successors: [] }, 200);
    // The unit this code named last before the date, in the person's scope.
    const former = await formerUnitByCode(db, c.var.user.unitId, code, D);
    if (!former) throw notFound(what);
    // Old units at or below it that were succeeded, and what succeeded them.
    const links = await successionsBelow(db, former.id);
    const successorIds = [...new Set(links.map((l) => l.successorId))];
    let groups = new Map<string, Set<string>>(); // unit id shown → old predecessors flowing into it
    if (former.level === "PROVINCE") {
      const provinceOf = await provincesOf(db, successorIds);
      for (const l of links) {
        const p = provinceOf.get(l.successorId);
        if (p) (groups.get(p) ?? groups.set(p, new Set()).get(p)!).add(l.predecessorId);
      }
    } else {
      groups = new Map();
      for (const l of links) (groups.get(l.successorId) ?? groups.set(l.successorId, new Set()).get(l.successorId)!).add(l.predecessorId);
    }
    const units = await unitsByIds(db, [...groups.keys()]);
    const out = await Promise.all(units.map(async (u) => ({ unit: toUnitSummary(u), communes: groups.get(u.id)!.size, inScope: await inScope(c, u.id) })));
    out.sort((a, b) => b.communes - a.communes || a.unit.code.localeCompare(b.unit.code));
    return c.json({ unit: toUnitSummary(former), current: false, successors: out.slice(0, 50) }, 200);
  });

  return app;
}
