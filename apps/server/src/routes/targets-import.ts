/**
 * Monthly targets from a sheet, with a dry-run preview first and nothing stored on an error:
 *  - GET  /api/targets/template.xlsx    the units below a unit × the months of a campaign, current targets filled in;
 *  - POST /api/targets/import           that sheet back: every cell checked by core (targets.ts), errors name the
 *                                       cell in vi and en; this route looks the codes up and stores the targets.
 * Mounted before the REST resources: `/api/targets/template.xlsx` would otherwise be read as a target id.
 */
import { campaignForSheet, isInSubtree, monthTargetsOf, sheetRoot, sheetUnits, sheetUnitsByCode, writeTargetSheet, type TargetSheetWrite } from "@sohoa/db";
import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import ExcelJS from "exceljs";
import { checkTargetRows, monthEnd, monthLabel, monthStart, monthsBetween, readTargetSheet, TARGET_HEAD, TARGET_SHEET, type TargetIssue } from "@sohoa/core";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { auditValues } from "../lib/audit";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope, requireManager } from "../lib/scope";
import { readXlsxGridGuarded as readXlsxGrid } from "../lib/xlsx-guard";
import { bad, limitUploads, multipart, readForm, vnDate } from "./import-form";
import { campaignCovering } from "./resources/deadlines";
import { appliesOrInScope, fromDay, toDay } from "./resources/rest";
import { addSafeRow, xlsxBuffer, xlsxHeaders } from "../lib/xlsx-write";

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

export function targetImportRoutes() {
  const app = router();
  limitUploads(app, ["/api/targets/import"]);

  app.openapi(template, async (c) => {
    requireManager(c.var.user);
    const q = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    // A campaign the person may not see is not found, as GET /api/campaigns/{id} answers: its name is not told.
    const k = await campaignForSheet(db, { id: q.campaignId, ...appliesOrInScope(user) });
    if (!k) throw notFound({ vi: "đợt/chiến dịch trong phạm vi của bạn", en: "Campaign within your scope" });
    const from = q.from ?? fromDay(k.startDate).slice(0, 7);
    const to = q.to ?? fromDay(k.endDate).slice(0, 7);
    const months = monthsBetween(from, to);
    if (to < from || months.length === 0 || months.length > 24) throw bad("to", "Khoảng tháng không hợp lệ (từ tháng đến tháng, tối đa 24 tháng).", "Invalid month range (from ≤ to, at most 24 months).");
    const at = toDay(monthStart(from));
    // The person's own unit or below it (closure rows include the unit itself at distance 0).
    const root = await sheetRoot(db, user.unitId, q.unit, at);
    if (!root || !(await inScope(c, root.id))) throw notFound({ vi: `đơn vị mã ${q.unit ?? ""} vào ngày ${vnDate(monthStart(from))} trong phạm vi của bạn`, en: `Unit ${q.unit ?? ""} on ${monthStart(from)} within your scope` });
    await campaignCovering(c, k.id, root.id);
    const units = await sheetUnits(db, root.id, at, q.level);
    const existing = await monthTargetsOf(db, k.id, units.map((u) => u.id), months.map((m) => toDay(monthStart(m))));
    const have = new Map(existing.map((t) => [`${t.unitId}|${fromDay(t.periodStart).slice(0, 7)}`, t.entriesTarget]));
    const wb = new ExcelJS.Workbook();
    wb.creator = "Sohoa";
    const ws = wb.addWorksheet(TARGET_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
    addSafeRow(ws, [TARGET_HEAD.code, TARGET_HEAD.name, TARGET_HEAD.parent, ...months.map(monthLabel)]);
    ws.getRow(1).font = { bold: true };
    ws.getColumn(1).width = 12;
    ws.getColumn(2).width = 32;
    ws.getColumn(3).width = 26;
    months.forEach((_, i) => { ws.getColumn(4 + i).width = 13; ws.getColumn(4 + i).numFmt = "#,##0"; });
    for (const u of units) addSafeRow(ws, [u.code, u.fullName, u.parent?.fullName ?? "", ...months.map((m) => have.get(`${u.id}|${m}`) ?? null)]);
    // Codes are text ("00004" keeps its zeros).
    ws.getColumn(1).numFmt = "@";
    return c.body(new Uint8Array(await xlsxBuffer(wb)), 200, xlsxHeaders(`chi-tieu-${root.code}-${from}-${to}.xlsx`));
  });

  app.openapi(targetImport, async (c) => {
    requireManager(c.var.user);
    const user = c.var.user;
    const { file, fields } = await readForm(c);
    const dryRun = fields.dryRun === "true";
    const { db } = c.var.deps;
    const k = await campaignForSheet(db, { id: fields.campaignId ?? "" });
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
    const found = await sheetUnitsByCode(db, user.unitId, sheet.codes, at, k.unitId);
    const byCode = new Map(found.map((u) => [u.code, u]));
    const checked = checkTargetRows(sheet, byCode, campaign, user.role === "ADMIN" ? null : user.unitId);
    if (checked.issues.length) return fail(checked.issues);
    const rowsOut: z.infer<typeof PreviewRow>[] = checked.rows.map((x) => ({ unit: x.unit, month: x.month, entriesTarget: x.entriesTarget, before: null, cell: x.cell }));

    const existing = await monthTargetsOf(db, k.id, [...new Set(rowsOut.map((x) => x.unit.id))], [...seenMonths].map((m) => toDay(monthStart(m))));
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
      const write: TargetSheetWrite = { update: [], create: [] };
      for (const x of rowsOut) {
        const t = have.get(`${x.unit.id}|${x.month}`);
        if (t && t.entriesTarget === x.entriesTarget) continue;
        if (t) write.update.push({ id: t.id, entriesTarget: x.entriesTarget });
        else write.create.push({ unitId: x.unit.id, periodStart: toDay(monthStart(x.month)), periodEnd: toDay(monthEnd(x.month)), entriesTarget: x.entriesTarget });
      }
      await writeTargetSheet(db, k.id, user.id, write, auditValues(c, {
        action: "import", entity: "target", unitId: user.unitId,
        details: { campaignId: k.id, filename: file.name.slice(0, 200), sha256, created, updated, unchanged, months: seenMonths, changes: rowsOut.filter((x) => x.before !== x.entriesTarget).slice(0, 2000).map((x) => ({ unit: x.unit.code, month: x.month, before: x.before, after: x.entriesTarget })) },
      }));
    }
    return c.json({ dryRun, created, updated, unchanged, rows: rowsOut }, 200);
  });

  return app;
}

/** A campaign applies to the person when its unit is in their subtree or above their unit. */
async function campaignApplies(c: Context<AppEnv>, campaignUnitId: string): Promise<boolean> {
  if (await inScope(c, campaignUnitId)) return true;
  return isInSubtree(c.var.deps.db, campaignUnitId, c.var.user.unitId);
}

