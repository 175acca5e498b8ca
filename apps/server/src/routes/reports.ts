/**
 * Reports: on demand (`/api/reports/preview`, JSON / .xlsx / PDF from the same data) and the ones the
 * scheduler generated at each cut-off (`/api/reports`, Refine list conventions, and their downloads).
 */
import { generatedReportPage, generatedReport, generatedReportFile } from "@sohoa/db";
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { defaultDate } from "../services/progress";
import { buildReport, reportFileName, type ReportData } from "../services/report";
import { writeReportXlsx } from "../services/report-xlsx";
import { writeReportPdf } from "../services/report-pdf";
import { IdParam, ListQuery, page, idFilter, withTotal } from "./resources/rest";
import { scheduleOf, unitInScope } from "./compliance";
import { CalendarDateSchema as IsoDate, GeneratedReportSchema, GeneratedReportWithDataSchema, PeriodParamSchema, PeriodTypeSchema, ReportDataSchema } from "@sohoa/contract";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Format = z.enum(["json", "xlsx", "pdf"]);
const Binary = z.string().openapi({ format: "binary" });
const fileResponses = {
  200: {
    description: "The report (JSON ReportData, .xlsx or PDF)",
    content: { "application/json": { schema: ReportDataSchema }, [XLSX_TYPE]: { schema: Binary }, "application/pdf": { schema: Binary } },
  },
  ...errorResponses,
} as const;

const preview = createRoute({
  method: "get", path: "/api/reports/preview", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "The report of a unit for a day, week or month, built now (default date: the latest report date in your scope)",
  description: "Percent of target compares the period's output so far (from its first day to the as-of date) with the share of the monthly targets for those days; `legend` says it in words. With `schedule` (a schedule on the unit or an ancestor), the report follows that schedule: its cadence, cut-off, days off and the level expected to report.",
  request: { query: z.object({ unit: z.string().min(1).max(20), period: PeriodParamSchema.default("day"), date: IsoDate.optional(), format: Format.default("json"), schedule: z.string().min(1).max(64).optional() }) },
  responses: fileResponses,
});

const list = createRoute({
  method: "get", path: "/api/reports", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "Reports generated at the cut-offs, for units in your scope (total in X-Total-Count)",
  request: { query: ListQuery.extend({ unitId: z.string().max(64).optional(), periodType: PeriodTypeSchema.optional(), scheduleId: z.string().max(64).optional() }) },
  responses: { 200: { description: "Reports", content: { "application/json": { schema: z.array(GeneratedReportSchema) } } }, ...errorResponses },
});

const show = createRoute({
  method: "get", path: "/api/reports/{id}", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "A generated report with its data", request: { params: IdParam },
  responses: { 200: { description: "The report", content: { "application/json": { schema: GeneratedReportWithDataSchema } } }, ...errorResponses },
});

const download = createRoute({
  method: "get", path: "/api/reports/{id}/download", tags: ["Reporting"], security, middleware: [requireAuth()] as const,
  summary: "A generated report as .xlsx, PDF or JSON", request: { params: IdParam, query: z.object({ format: Format.default("xlsx") }) },
  responses: fileResponses,
});

async function send(c: Context<AppEnv>, data: ReportData, format: z.infer<typeof Format>, stored?: { xlsx: Uint8Array | null; pdf: Uint8Array | null }) {
  if (format === "json") return c.json(data, 200);
  const bytes = format === "xlsx" ? (stored?.xlsx ?? (await writeReportXlsx(data))) : (stored?.pdf ?? (await writeReportPdf(data)));
  c.header("Content-Type", format === "xlsx" ? XLSX_TYPE : "application/pdf");
  c.header("Content-Disposition", `attachment; filename="${reportFileName(data, format)}"`);
  return c.body(new Uint8Array(bytes), 200);
}

type Row = { id: string; scheduleId: string | null; unitId: string; periodType: "DAY" | "WEEK" | "MONTH"; periodStart: Date; periodEnd: Date; cutoffAt: Date; generatedAt: Date; unit: { code: string; name: string; fullName: string } };
const day = (d: Date) => d.toISOString().slice(0, 10);
function toApi(r: Row, data: Partial<ReportData> | null, has: { xlsx: boolean; pdf: boolean }) {
  return {
    id: r.id, scheduleId: r.scheduleId, unitId: r.unitId, unit: r.unit, periodType: r.periodType, periodStart: day(r.periodStart), periodEnd: day(r.periodEnd),
    cutoffAt: r.cutoffAt.toISOString(), generatedAt: r.generatedAt.toISOString(),
    title: data?.subtitle ? `${data.title} ${data.subtitle}` : "BÁO CÁO", progressLine: data?.progressLine || null, hasXlsx: has.xlsx, hasPdf: has.pdf,
  };
}

export function reportRoutes() {
  const app = router();
  app.openapi(preview, async (c) => {
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const date = q.date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const unit = await unitInScope(c, q.unit, date);
    const schedule = await scheduleOf(c, unit.id, q.period, q.schedule);
    const periodType = ({ DAILY: "day", WEEKLY: "week", MONTHLY: "month" } as const)[schedule.cadence];
    const data = await buildReport(db, { unitId: unit.id, periodType, date, schedule, now: clock() });
    return send(c, data, q.format);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const p = page(q, ["generatedAt", "cutoffAt", "periodStart", "periodType"], { cutoffAt: "desc" });
    const { rows, total, heads } = await generatedReportPage(c.var.deps.db, { scopeUnitId: c.var.user.unitId, ids: idFilter(q).id?.in, unitId: q.unitId, periodType: q.periodType, scheduleId: q.scheduleId }, p);
    return c.json(withTotal(c, rows.map((r) => {
      const e = heads.get(r.id);
      return toApi(r, e ? { title: e.title ?? "BÁO CÁO", subtitle: e.subtitle ?? "", progressLine: e.progressLine ?? "" } : null, { xlsx: !!e?.hasXlsx, pdf: !!e?.hasPdf });
    }), total), 200);
  });

  app.openapi(show, async (c) => {
    const r = await generatedReport(c.var.deps.db, c.req.valid("param").id);
    if (!r || !(await inScope(c, r.unitId))) throw notFound({ vi: "báo cáo", en: "The report" });
    return c.json({ ...toApi(r, r.data as Partial<ReportData>, { xlsx: true, pdf: true }), data: r.data as Record<string, unknown> }, 200);
  });

  app.openapi(download, async (c) => {
    const format = c.req.valid("query").format;
    const r = await generatedReportFile(c.var.deps.db, c.req.valid("param").id, format);
    if (!r || !(await inScope(c, r.unitId))) throw notFound({ vi: "báo cáo", en: "The report" });
    return send(c, r.data as unknown as ReportData, format, { xlsx: r.xlsx, pdf: r.pdf });
  });
  return app;
}
