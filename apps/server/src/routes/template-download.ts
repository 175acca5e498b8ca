/**
 * GET /api/units/{code}/template.xlsx: the unit's template as a file for the web upload — a commune's register
 * kinds × phases, or a parent's units — pre-filled with the last accepted figures, so the official only
 * changes what moved. (The JSON grid for the task pane is routes/templates.ts.)
 */
import { createRoute, z } from "@hono/zod-openapi";
import { buildCommuneTemplate, buildRollupTemplate, formatDate, todayInVietnam } from "@sohoa/core";
import { templateInputsOf } from "@sohoa/db";
import { requireAuth } from "../middleware/auth";
import { notFound } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { inScope } from "../lib/scope";
import { defaultDate } from "../services/progress";
import { writeTemplateXlsx } from "../services/template-xlsx";
import { CalendarDateSchema as IsoDate } from "@sohoa/contract";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DV = {
  vi: { dvTitle: "Số liệu không hợp lệ", dvMessage: "Nhập số nguyên không âm (0, 1, 2, …)." },
  en: { dvTitle: "Invalid figure", dvMessage: "Enter a whole number, 0 or more." },
};

const route = createRoute({
  method: "get", path: "/api/units/{code}/template.xlsx", tags: ["Submissions"], security, middleware: [requireAuth()] as const,
  summary: "The unit's template as .xlsx, pre-filled with its rows and last figures (kind: commune = register kinds × phases, rollup = its units; default by whether it has units)",
  request: {
    params: z.object({ code: z.string().min(1).max(20) }),
    query: z.object({ kind: z.enum(["commune", "rollup"]).optional(), date: IsoDate.optional(), locale: z.enum(["vi", "en"]).default("vi") }),
  },
  responses: {
    200: { description: "The workbook", content: { [XLSX]: { schema: z.any().openapi({ type: "string", format: "binary" }) } } },
    ...errorResponses,
  },
});

export function templateDownloadRoutes() {
  const app = router();
  app.openapi(route, async (c) => {
    const { code } = c.req.valid("param");
    const q = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const date = q.date ?? todayInVietnam(clock());
    const missing = () => notFound({ vi: `đơn vị mã ${code} trong phạm vi của bạn vào ngày ${formatDate(date)}`, en: `Unit ${code} within your scope on ${date}` });
    // the figures: those of that day when a date is given, else the latest report in the user's scope
    const figuresDate = q.date ?? (await defaultDate(db, c.var.user.unitId, clock()));
    const input = await templateInputsOf(db, code, date, figuresDate > date ? date : figuresDate);
    if (!input || !(await inScope(c, input.unit.id))) throw missing();
    const kind = q.kind ?? (input.children.length ? "rollup" : "commune");
    const sheet = kind === "rollup"
      ? buildRollupTemplate({ parent: input.unit, children: input.children, reportDate: date, locale: q.locale, previous: input.previous })
      : buildCommuneTemplate({ unit: input.unit, registerKinds: input.kinds, phases: input.phases, reportDate: date, locale: q.locale, previous: input.previous });
    const bytes = await writeTemplateXlsx(sheet, DV[q.locale]);
    c.header("Content-Type", XLSX);
    c.header("Content-Disposition", `attachment; filename="sohoa-mau-${kind === "rollup" ? "tong-hop" : "xa"}-${input.unit.code}-${date}.xlsx"`);
    return c.body(new Uint8Array(bytes), 200);
  });
  return app;
}
