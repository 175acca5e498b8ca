import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { requireAuth } from "../middleware/auth";
import { safeXlsxFilename, XLSX_TYPE } from "../lib/xlsx-write";
import { ApiError } from "../lib/errors";
import { errorResponses, router, security } from "../lib/openapi";
import { requireSubmitter } from "../lib/scope";
import { readXlsxGridGuarded as readXlsxGrid } from "../lib/xlsx-guard";
import { readNodeBody } from "../lib/node-body";
import { submit, type SubmitInput } from "../services/submissions";
import { DryRunSchema, ErrorBodySchema as ErrorBody, isCalendarDate, ReceiptSchema, SubmissionRequestSchema as SubmitBody } from "@sohoa/contract";

const IdempotencyHeader = z.object({
  "idempotency-key": z.string().min(8).max(200).regex(/^[\w.:-]+$/).optional().openapi({ description: "Idempotency-Key: a retried request with the same key returns the first receipt" }),
});

const responses = {
  200: { description: "Dry run: what would be recorded, and how the sheet was read (nothing stored)", content: { "application/json": { schema: DryRunSchema } } },
  201: { description: "Accepted: the receipt", content: { "application/json": { schema: ReceiptSchema } } },
  422: { description: "Errors in the sheet, or warnings not acknowledged (resend with acceptWarnings)", content: { "application/json": { schema: ErrorBody } } },
  409: { description: "Idempotency-Key reused for different content", content: { "application/json": { schema: ErrorBody } } },
  413: { description: "Too large", content: { "application/json": { schema: ErrorBody } } },
  415: { description: "Unsupported content type", content: { "application/json": { schema: ErrorBody } } },
  ...errorResponses,
} as const;

const tooLarge = (limit: number) => (): never => {
  throw new ApiError(413, "payload_too_large", {
    vi: `Dữ liệu gửi lên vượt quá giới hạn ${Math.round(limit / 1024 / 1024)} MB.`,
    en: `The request is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.`,
  });
};

function requireContentType(type: string) {
  return async (c: Context<AppEnv>, next: () => Promise<void>) => {
    const ct = c.req.header("content-type") ?? "";
    if (!ct.toLowerCase().startsWith(type)) {
      throw new ApiError(415, "unsupported_media_type", {
        vi: `Định dạng dữ liệu không được hỗ trợ (${ct || "không có"}); cần ${type}.`,
        en: `Unsupported content type (${ct || "none"}); expected ${type}.`,
      });
    }
    await next();
  };
}

const post = createRoute({
  method: "post", path: "/api/submissions", tags: ["Submissions"], security,
  summary: "Submit a progress sheet (grid) from the add-in, the console or the API",
  middleware: [requireContentType("application/json"), requireAuth({ token: "submit" })] as const,
  request: { headers: IdempotencyHeader, body: { content: { "application/json": { schema: SubmitBody } }, required: true } },
  responses,
});

const upload = createRoute({
  method: "post", path: "/api/submissions/upload", tags: ["Submissions"], security,
  summary: "Upload an .xlsx progress sheet (multipart: file, unitCode, reportDate, acceptWarnings, correctionReason, dryRun)",
  middleware: [requireContentType("multipart/form-data"), requireAuth({ token: "submit" })] as const,
  request: {
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }), unitCode: z.string(), acceptWarnings: z.string().optional(), correctionReason: z.string().optional(), reportDate: z.string().optional(), dryRun: z.string().optional() }),
        },
      },
    },
  },
  responses,
});

async function answer(c: Context<AppEnv>, input: SubmitInput) {
  requireSubmitter(c.var.user);
  const out = await submit(c, input);
  if (out.status === "dry") return c.json(out.preview, 200);
  if (out.status === 422) {
    const msg =
      out.code === "warnings_not_accepted"
        ? { vi: "Bảng tính có cảnh báo. Hãy xem lại; nếu số liệu đúng, xác nhận để gửi.", en: "The sheet has warnings. Review them; if the figures are right, confirm to submit." }
        : { vi: "Bảng tính có lỗi, chưa được ghi nhận. Hãy sửa các ô được đánh dấu rồi gửi lại.", en: "The sheet has errors and was not recorded. Fix the marked cells and submit again." };
    return c.json({ error: { code: out.code, message: msg, issues: out.issues, submissionId: out.id, reading: out.reading } }, 422);
  }
  if (out.receipt.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(out.reading ? { ...out.receipt, reading: out.reading } : out.receipt, 201);
}

export function submissionRoutes() {
  const app = router();
  app.use("/api/submissions", async (c, next) => {
    const max = c.var.deps.config.maxJsonBytes;
    if (await readNodeBody(c, max, tooLarge(max))) return next();
    return bodyLimit({ maxSize: max, onError: tooLarge(max) })(c, next);
  });
  app.use("/api/submissions/upload", async (c, next) => bodyLimit({ maxSize: c.var.deps.config.maxUploadBytes, onError: tooLarge(c.var.deps.config.maxUploadBytes) })(c, next));

  app.openapi(post, async (c) => {
    const body = c.req.valid("json");
    const totalRows = body.grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    if (totalRows > c.var.deps.config.maxRows) {
      throw new ApiError(413, "payload_too_large", { vi: `Bảng tính có ${totalRows} dòng, vượt giới hạn ${c.var.deps.config.maxRows} dòng.`, en: `The sheet has ${totalRows} rows, over the ${c.var.deps.config.maxRows}-row limit.` }, { field: "grid" });
    }
    return answer(c, { ...body, idempotencyKey: c.req.valid("header")["idempotency-key"] });
  });

  app.openapi(upload, async (c) => {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch (err) {
      if (err instanceof ApiError) throw err; // a field the text guard refused
      throw new ApiError(400, "bad_request", { vi: "Không đọc được dữ liệu tải lên (multipart).", en: "The multipart upload could not be read." });
    }
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(400, "bad_request", { vi: "Chưa chọn tệp Excel để tải lên (trường \"file\").", en: "No Excel file was uploaded (field \"file\")." }, { field: "file" });
    const unitCode = typeof form.unitCode === "string" ? form.unitCode.trim() : "";
    if (!/^[A-Za-z0-9-]{1,20}$/.test(unitCode)) throw new ApiError(400, "bad_request", { vi: "Thiếu hoặc sai mã đơn vị (trường \"unitCode\").", en: "Missing or invalid unit code (field \"unitCode\")." }, { field: "unitCode" });
    const givenDate = typeof form.reportDate === "string" ? form.reportDate.trim() : "";
    if (givenDate && !isCalendarDate(givenDate)) throw new ApiError(400, "bad_request", { vi: `Ngày báo cáo "${givenDate}" không phải ngày có thật (trường "reportDate", dạng yyyy-mm-dd).`, en: `Report date "${givenDate}" is not a calendar date (field "reportDate", yyyy-mm-dd).` }, { field: "reportDate" });
    const reportDate = givenDate || undefined;
    const reason = typeof form.correctionReason === "string" && form.correctionReason.trim() ? form.correctionReason.trim().slice(0, 1000) : undefined;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { config } = c.var.deps;
    const grid = await readXlsxGrid(bytes, { maxUncompressedBytes: config.maxXlsxUncompressedBytes, maxRows: config.maxRows, maxColumns: config.maxColumns });
    return answer(c, {
      unitCode, grid, source: "UPLOAD", reportDate, acceptWarnings: form.acceptWarnings === "true", correctionReason: reason, dryRun: form.dryRun === "true",
      idempotencyKey: c.req.valid("header")["idempotency-key"],
      // The type Sohoa found (it read the bytes as a workbook), not the one the client declared.
      file: { filename: safeXlsxFilename(file.name.slice(0, 200), "upload.xlsx"), contentType: XLSX_TYPE, bytes },
    });
  });
  return app;
}
