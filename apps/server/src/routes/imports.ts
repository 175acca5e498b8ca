/**
 * File imports of the management console, each with a dry-run preview first and nothing stored on an error:
 *  - POST /api/units/import             a unit registry (the JSON of shared/data/administrative-units), admin only;
 *  - POST /api/units/successors/import  successor links ({old, new[], primary}[]), admin only, then carries figures;
 *  - GET  /api/targets/template.xlsx    the units below a unit × the months of a campaign, current targets filled in;
 *  - POST /api/targets/import           that sheet back: every cell checked, errors name the cell in vi and en;
 *  - GET  /api/units/{code}/successor-units   where a unit that no longer exists on a date went (dashboard hint).
 * Mounted before the REST resources: `/api/targets/template.xlsx` would otherwise be read as a target id.
 */
import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Context } from "hono";
import ExcelJS from "exceljs";
import { checkTargetRows, monthEnd, monthLabel, monthStart, monthsBetween, readTargetSheet, TARGET_HEAD, TARGET_SHEET, type TargetIssue } from "@sohoa/core";
import { carryAcrossReform, carryPlansAcrossReform, importSuccessors, importUnitRegistry, type RegistryNode } from "@sohoa/db";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { audit } from "../lib/audit";
import { ApiError, conflict, notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope, requireManager, requireRole, scopeFilter } from "../lib/scope";
import { toUnitSummary, unitSelect, validOn } from "../lib/units";
import { readXlsxGridGuarded as readXlsxGrid } from "../lib/xlsx-guard";
import { campaignCovering } from "./resources/deadlines";
import { Day, fromDay, toDay } from "./resources/rest";
import { UnitSummarySchema } from "./schemas";

const bad = (field: string, vi: string, en: string) => new ApiError(400, "bad_request", { vi, en }, { field });
const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "payload_too_large", { vi: `Tệp tải lên vượt quá giới hạn ${Math.round(limit / 1024 / 1024)} MB.`, en: `The upload is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.` }, { field: "file" });
};
const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** multipart/form-data → fields, or a 415/400 in both languages. */
async function readForm(c: Context<AppEnv>): Promise<{ file: File; fields: Record<string, string> }> {
  const ct = c.req.header("content-type") ?? "";
  if (!ct.toLowerCase().startsWith("multipart/form-data")) {
    throw new ApiError(415, "unsupported_media_type", { vi: `Cần gửi tệp dạng multipart/form-data (nhận được: ${ct || "không có"}).`, en: `Expected multipart/form-data (got ${ct || "none"}).` });
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody();
  } catch (err) {
    if (err instanceof ApiError) throw err; // a field the text guard refused
    throw bad("file", "Không đọc được dữ liệu tải lên (multipart).", "The multipart upload could not be read.");
  }
  const file = form.file;
  if (!(file instanceof File)) throw bad("file", "Chưa chọn tệp để tải lên (trường \"file\").", "No file was uploaded (field \"file\").");
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string") fields[k] = v.trim();
  return { file, fields };
}

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
const multipart = (fields: Record<string, z.ZodType>) => ({
  required: true,
  content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }), ...fields }) } },
}) as const;

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

// ── targets from a sheet ─────────────────────────────────────────────────────────────────────────────
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "yyyy-mm");
const template = createRoute({
  method: "get", path: "/api/targets/template.xlsx", tags: ["Targets"], security, middleware: [requireAuth()] as const,
  summary: "A sheet of the units below a unit (in your scope) × the months of a campaign, with the current monthly targets",
  request: { query: z.object({ campaignId: z.string().min(1).max(64), unit: z.string().max(20).optional(), level: z.enum(["DISTRICT", "COMMUNE", "AGENCY"]).optional(), from: Month.optional(), to: Month.optional() }) },
  responses: { 200: { description: "The .xlsx sheet", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.any().openapi({ type: "string", format: "binary" }) } } }, ...errorResponses },
});

const CellIssue = z.object({ code: z.string(), severity: z.literal("error"), sheet: z.string(), cell: z.string(), row: z.number(), message: z.object({ vi: z.string(), en: z.string() }) });
const PreviewRow = z.object({ unit: z.object({ id: z.string(), code: z.string(), fullName: z.string() }), month: z.string(), entriesTarget: z.number(), before: z.number().nullable(), cell: z.string() });
const targetImport = createRoute({
  method: "post", path: "/api/targets/import", tags: ["Targets"], security, middleware: [requireAuth()] as const,
  summary: "Import monthly targets from the .xlsx template (multipart: file, campaignId, dryRun). Any error: 422 with the cells, nothing stored",
  request: { body: multipart({ campaignId: z.string(), dryRun: z.string().optional() }) },
  responses: {
    200: { description: "Preview (dryRun) or result", content: { "application/json": { schema: z.object({ dryRun: z.boolean(), created: z.number(), updated: z.number(), unchanged: z.number(), rows: z.array(PreviewRow) }) } } },
    413: { description: "File too large", content: { "application/json": { schema: z.any() } } },
    422: { description: "Errors, on their cells; nothing stored", content: { "application/json": { schema: z.object({ error: z.object({ code: z.string(), message: z.object({ vi: z.string(), en: z.string() }), issues: z.array(CellIssue) }) }) } } },
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
  for (const p of ["/api/units/import", "/api/units/successors/import", "/api/targets/import"]) {
    app.use(p, async (c, next) => bodyLimit({ maxSize: c.var.deps.config.maxUploadBytes, onError: tooLarge(c.var.deps.config.maxUploadBytes) })(c, next));
  }

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
      report = await importUnitRegistry(c.var.deps.db.prisma, registry, effective, { dryRun });
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
    const { prisma } = c.var.deps.db;
    const report = await importSuccessors(prisma, parsed.data, effective, { dryRun });
    let carried: { successors: number; predecessors: number } | null = null;
    if (!dryRun) {
      carried = await carryAcrossReform(prisma, effective);
      const plans = await carryPlansAcrossReform(prisma, effective);
      await audit(c, { action: "import", entity: "unit_successors", details: { filename: file.name.slice(0, 200), sha256, effective, linked: report.linked, unchanged: report.unchanged, predecessors: report.predecessors, notFound: report.notFound.length, carried, plans } });
    }
    return c.json({
      dryRun, filename: file.name.slice(0, 200), linked: report.linked, unchanged: report.unchanged, predecessors: report.predecessors,
      notFound: report.notFound.length, notFoundSample: report.notFound.slice(0, 20), carried,
    }, 200);
  });

  app.openapi(template, async (c) => {
    requireManager(c.var.user);
    const q = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    const user = c.var.user;
    const k = await prisma.campaign.findUnique({ where: { id: q.campaignId }, select: { id: true, name: true, unitId: true, startDate: true, endDate: true } });
    if (!k) throw notFound({ vi: "đợt/chiến dịch này", en: "Campaign" });
    const from = q.from ?? fromDay(k.startDate).slice(0, 7);
    const to = q.to ?? fromDay(k.endDate).slice(0, 7);
    const months = monthsBetween(from, to);
    if (to < from || months.length === 0 || months.length > 24) throw bad("to", "Khoảng tháng không hợp lệ (từ tháng đến tháng, tối đa 24 tháng).", "Invalid month range (from ≤ to, at most 24 months).");
    const at = toDay(monthStart(from));
    const root = q.unit
      ? await prisma.unit.findFirst({ where: { code: q.unit, ...validOn(at), ...scopeFilterWithSelf(user) }, select: { id: true, code: true, fullName: true } })
      : await prisma.unit.findUnique({ where: { id: user.unitId }, select: { id: true, code: true, fullName: true } });
    if (!root || !(await inScope(c, root.id))) throw notFound({ vi: `đơn vị mã ${q.unit ?? ""} vào ngày ${vnDate(monthStart(from))} trong phạm vi của bạn`, en: `Unit ${q.unit ?? ""} on ${monthStart(from)} within your scope` });
    await campaignCovering(c, k.id, root.id);
    const units = await prisma.unit.findMany({
      where: { ...validOn(at), active: true, ancestors: { some: { ancestorId: root.id, distance: { gt: 0 } } }, ...(q.level ? { level: q.level } : {}) },
      select: { id: true, code: true, fullName: true, depth: true, parent: { select: { code: true, fullName: true } } },
      orderBy: [{ depth: "asc" }, { code: "asc" }],
    });
    const existing = await prisma.target.findMany({ where: { campaignId: k.id, periodType: "MONTH", unitId: { in: units.map((u) => u.id) }, periodStart: { in: months.map((m) => toDay(monthStart(m))) } }, select: { unitId: true, periodStart: true, entriesTarget: true } });
    const have = new Map(existing.map((t) => [`${t.unitId}|${fromDay(t.periodStart).slice(0, 7)}`, t.entriesTarget]));
    const wb = new ExcelJS.Workbook();
    wb.creator = "Sohoa";
    const ws = wb.addWorksheet(TARGET_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
    ws.addRow([TARGET_HEAD.code, TARGET_HEAD.name, TARGET_HEAD.parent, ...months.map(monthLabel)]);
    ws.getRow(1).font = { bold: true };
    ws.getColumn(1).width = 12;
    ws.getColumn(2).width = 32;
    ws.getColumn(3).width = 26;
    months.forEach((_, i) => { ws.getColumn(4 + i).width = 13; ws.getColumn(4 + i).numFmt = "#,##0"; });
    for (const u of units) ws.addRow([u.code, u.fullName, u.parent?.fullName ?? "", ...months.map((m) => have.get(`${u.id}|${m}`) ?? null)]);
    // Codes are text ("00004" keeps its zeros).
    ws.getColumn(1).numFmt = "@";
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const filename = `chi-tieu-${root.code}-${from}-${to}.xlsx`;
    return c.body(buf, 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${filename}"`,
    });
  });

  app.openapi(targetImport, async (c) => {
    requireManager(c.var.user);
    const user = c.var.user;
    const { file, fields } = await readForm(c);
    const dryRun = fields.dryRun === "true";
    const { prisma } = c.var.deps.db;
    const k = await prisma.campaign.findUnique({ where: { id: fields.campaignId ?? "" }, select: { id: true, name: true, unitId: true, startDate: true, endDate: true } });
    if (!k || !(await campaignApplies(c, k.unitId))) throw bad("campaignId", "Chưa chọn đợt/chiến dịch, hoặc đợt này không thuộc phạm vi của bạn.", "No campaign chosen, or the campaign is outside your scope.");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { config } = c.var.deps;
    const grid = await readXlsxGrid(bytes, { maxUncompressedBytes: config.maxXlsxUncompressedBytes, maxRows: 20_000, maxColumns: 80 });
    const campaign = { name: k.name, startDate: fromDay(k.startDate), endDate: fromDay(k.endDate) };
    const fail = (issues: TargetIssue[]) => c.json({ error: { code: "validation_failed", message: { vi: `Bảng chỉ tiêu có ${issues.length} lỗi, chưa lưu gì. Hãy sửa các ô được nêu rồi tải lên lại.`, en: `The target sheet has ${issues.length} errors; nothing was stored. Fix the cells listed and upload again.` }, issues: issues.slice(0, 500) } }, 422);
    const sheet = readTargetSheet(grid.sheets[0], campaign);
    if (sheet.headerRow < 0) return fail(sheet.issues);
    const seenMonths = sheet.months;
    const at = toDay(monthStart(seenMonths[0]!));
    // Every code of the sheet, looked up once: valid on the first month, in the person's scope, under the campaign.
    const found = sheet.codes.length
      ? await prisma.unit.findMany({ where: { code: { in: sheet.codes }, ...validOn(at), ...scopeFilterWithSelf(user) }, select: { id: true, code: true, fullName: true, ancestors: { where: { ancestorId: k.unitId }, select: { distance: true } } } })
      : [];
    const byCode = new Map(found.map((u) => [u.code, { id: u.id, code: u.code, fullName: u.fullName, inCampaign: u.ancestors.length > 0 }]));
    const checked = checkTargetRows(sheet, byCode, campaign, user.role === "ADMIN" ? null : user.unitId);
    if (checked.issues.length) return fail(checked.issues);
    const rowsOut: z.infer<typeof PreviewRow>[] = checked.rows.map((x) => ({ unit: x.unit, month: x.month, entriesTarget: x.entriesTarget, before: null, cell: x.cell }));

    const existing = await prisma.target.findMany({ where: { campaignId: k.id, periodType: "MONTH", unitId: { in: [...new Set(rowsOut.map((x) => x.unit.id))] }, periodStart: { in: [...seenMonths].map((m) => toDay(monthStart(m))) } }, select: { id: true, unitId: true, periodStart: true, entriesTarget: true } });
    const have = new Map(existing.map((t) => [`${t.unitId}|${fromDay(t.periodStart).slice(0, 7)}`, t]));
    let created = 0, updated = 0, unchanged = 0;
    for (const x of rowsOut) {
      const t = have.get(`${x.unit.id}|${x.month}`);
      x.before = t?.entriesTarget ?? null;
      if (!t) created++;
      else if (t.entriesTarget !== x.entriesTarget) updated++;
      else unchanged++;
    }
    if (!dryRun) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      await prisma.$transaction(async (tx) => {
        for (const x of rowsOut) {
          const t = have.get(`${x.unit.id}|${x.month}`);
          if (t && t.entriesTarget === x.entriesTarget) continue;
          if (t) await tx.target.update({ where: { id: t.id }, data: { entriesTarget: x.entriesTarget, carried: false, updatedById: user.id } });
          else await tx.target.create({ data: { campaignId: k.id, unitId: x.unit.id, periodType: "MONTH", periodStart: toDay(monthStart(x.month)), periodEnd: toDay(monthEnd(x.month)), entriesTarget: x.entriesTarget, updatedById: user.id } });
        }
        await audit(c, {
          action: "import", entity: "target", unitId: user.unitId,
          details: { campaignId: k.id, filename: file.name.slice(0, 200), sha256, created, updated, unchanged, months: seenMonths, changes: rowsOut.filter((x) => x.before !== x.entriesTarget).slice(0, 2000).map((x) => ({ unit: x.unit.code, month: x.month, before: x.before, after: x.entriesTarget })) },
        }, tx);
      }, { timeout: 120_000, maxWait: 30_000 });
    }
    return c.json({ dryRun, created, updated, unchanged, rows: rowsOut }, 200);
  });

  app.openapi(whereabouts, async (c) => {
    const { code } = c.req.valid("param");
    const { date } = c.req.valid("query");
    const { prisma } = c.var.deps.db;
    const D = toDay(date);
    const what = { vi: `đơn vị mã ${code} trong phạm vi của bạn`, en: `Unit ${code} within your scope` };
    const current = await prisma.unit.findFirst({ where: { code, ...validOn(D), ...scopeFilterWithSelf(c.var.user) }, select: unitSelect });
    if (current) return c.json({ unit: toUnitSummary(current), current: true, successors: [] }, 200);
    // The unit this code named last before the date, in the person's scope.
    const former = await prisma.unit.findFirst({ where: { code, validTo: { lte: D }, ...scopeFilterWithSelf(c.var.user) }, select: { ...unitSelect, depth: true }, orderBy: { validTo: "desc" } });
    if (!former) throw notFound(what);
    // Old units at or below it that were succeeded, and what succeeded them.
    const links = await prisma.unitSuccession.findMany({
      where: { predecessor: { ancestors: { some: { ancestorId: former.id } } } },
      select: { predecessorId: true, successorId: true, isPrimary: true },
    });
    const successorIds = [...new Set(links.map((l) => l.successorId))];
    let groups = new Map<string, Set<string>>(); // unit id shown → old predecessors flowing into it
    if (former.level === "PROVINCE") {
      const up = await prisma.unitClosure.findMany({ where: { descendantId: { in: successorIds }, ancestor: { level: "PROVINCE" } }, select: { ancestorId: true, descendantId: true } });
      const provinceOf = new Map(up.map((x) => [x.descendantId, x.ancestorId]));
      for (const l of links) {
        const p = provinceOf.get(l.successorId);
        if (p) (groups.get(p) ?? groups.set(p, new Set()).get(p)!).add(l.predecessorId);
      }
    } else {
      groups = new Map();
      for (const l of links) (groups.get(l.successorId) ?? groups.set(l.successorId, new Set()).get(l.successorId)!).add(l.predecessorId);
    }
    const units = await prisma.unit.findMany({ where: { id: { in: [...groups.keys()] } }, select: unitSelect });
    const out = await Promise.all(units.map(async (u) => ({ unit: toUnitSummary(u), communes: groups.get(u.id)!.size, inScope: await inScope(c, u.id) })));
    out.sort((a, b) => b.communes - a.communes || a.unit.code.localeCompare(b.unit.code));
    return c.json({ unit: toUnitSummary(former), current: false, successors: out.slice(0, 50) }, 200);
  });

  return app;
}

/** Units that are the person's own unit or below it (closure rows include the unit itself at distance 0). */
const scopeFilterWithSelf = scopeFilter;

/** A campaign applies to the person when its unit is in their subtree or above their unit. */
async function campaignApplies(c: Context<AppEnv>, campaignUnitId: string): Promise<boolean> {
  if (await inScope(c, campaignUnitId)) return true;
  const row = await c.var.deps.db.prisma.unitClosure.findUnique({ where: { ancestorId_descendantId: { ancestorId: campaignUnitId, descendantId: c.var.user.unitId } }, select: { distance: true } });
  return !!row;
}

