import { createRoute, z } from "@hono/zod-openapi";
import { submissionDetail, submissionFile, submissionPage } from "@sohoa/db";
import { requireAuth } from "../../middleware/auth";
import { notFound } from "../../lib/errors";
import { xlsxHeaders } from "../../lib/xlsx-write";
import { errorResponses, router, security } from "../../lib/openapi";
import { inScope } from "../../lib/scope";
import { toUnitSummary } from "../../lib/units";
import { CalendarDateSchema as IsoDate, SubmissionSourceSchema as Source, SubmissionStatusSchema as Status, SubmissionSummarySchema as Row } from "@sohoa/contract";
import { idFilter, ListQuery, page, withTotal, unitMatch } from "./rest";


const list = createRoute({
  method: "get", path: "/api/submissions", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "Submissions inbox of your scope (filters unitId, status, source, reportDate)",
  request: { query: ListQuery.extend({ unitId: z.string().max(64).optional(), status: Status.optional(), source: Source.optional(), reportDate: IsoDate.optional() }) },
  responses: { 200: { description: "Submissions (total in X-Total-Count)", content: { "application/json": { schema: z.array(Row) } } }, ...errorResponses },
});
const one = createRoute({
  method: "get", path: "/api/submissions/{id}", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "A submission with its issues, grid, the figures it recorded and the other versions for the same unit and date",
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: { 200: { description: "Submission", content: { "application/json": { schema: z.any() } } }, ...errorResponses },
});
const file = createRoute({
  method: "get", path: "/api/submissions/{id}/file", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "The original workbook as uploaded (served as .xlsx, its name sanitized)", request: { params: z.object({ id: z.string().uuid() }) },
  responses: { 200: { description: "The file" }, ...errorResponses },
});

type SubRow = { id: string; unit: { id: string; code: string; fullName: string }; reportDate: Date | null; source: z.infer<typeof Source>; status: z.infer<typeof Status>; submittedAt: Date; submittedBy: { username: string } | null; rowCount: number; errorCount: number; warningCount: number; isCorrection: boolean; correctionReason: string | null; fileId: string | null; ip: string | null };
const summary = (s: SubRow) => ({
  id: s.id, unit: s.unit, reportDate: s.reportDate?.toISOString().slice(0, 10) ?? null, source: s.source, status: s.status, submittedAt: s.submittedAt.toISOString(),
  submittedBy: s.submittedBy?.username ?? null, rowCount: s.rowCount, errorCount: s.errorCount, warningCount: s.warningCount, isCorrection: s.isCorrection,
  correctionReason: s.correctionReason, hasFile: !!s.fileId, ip: s.ip,
});

export function submissionResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where = {
      unit: { ancestors: { some: { ancestorId: c.var.user.unitId } }, ...unitMatch(q) },
      ...idFilter(q),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.source ? { source: q.source } : {}),
      ...(q.reportDate ? { reportDate: new Date(`${q.reportDate}T00:00:00Z`) } : {}),
    };
    const p = page(q, ["submittedAt", "reportDate", "status", "source"], { submittedAt: "desc" });
    const { rows, total } = await submissionPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(summary), total), 200);
  });
  app.openapi(one, async (c) => {
    const detail = await submissionDetail(c.var.deps.db, c.req.valid("param").id);
    if (!detail || !(await inScope(c, detail.submission.unit.id))) throw notFound({ vi: "lần gửi trong phạm vi của bạn", en: "Submission within your scope" });
    const { submission: s, snapshots, versions } = detail;
    return c.json({
      ...summary({ ...s, unit: { id: s.unit.id, code: s.unit.code, fullName: s.unit.fullName } }),
      unitDetail: toUnitSummary(s.unit), checksum: s.checksum, userAgent: s.userAgent, requestId: s.requestId, grid: s.grid, issues: s.issues, receipt: s.receipt,
      figures: snapshots.map((x) => ({ unitId: x.unitId, registerKind: { code: x.registerKind.code, nameVi: x.registerKind.nameVi, nameEn: x.registerKind.nameEn }, phase: { code: x.phase.code, nameVi: x.phase.nameVi, nameEn: x.phase.nameEn }, version: x.version, booksTotal: x.booksTotal, booksDigitized: x.booksDigitized, entriesTotal: x.entriesTotal, entriesDigitized: x.entriesDigitized, entriesChecked: x.entriesChecked, entriesLoaded: x.entriesLoaded })),
      versions: versions.map(summary),
    }, 200);
  });
  app.openapi(file, async (c) => {
    const s = await submissionFile(c.var.deps.db, c.req.valid("param").id);
    if (!s || !s.file || !(await inScope(c, s.unitId))) throw notFound({ vi: "tệp gốc của lần gửi", en: "The submission's original file" });
    // Never what the client declared (text/html, <img…>.html): only workbooks Sohoa could read are stored.
    return c.body(new Uint8Array(s.file.data), 200, xlsxHeaders(s.file.filename));
  });
  return app;
}
