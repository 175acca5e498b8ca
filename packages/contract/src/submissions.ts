/** Sending a sheet: the grid, the request, the receipt, and the saved layouts of how a unit's sheets are read. */
import { z } from "@hono/zod-openapi";
import { COUNT_FIELDS, a1, formatNumber, type CellValue } from "@sohoa/core";
import { CalendarDateSchema, ValidationIssueSchema } from "./common";
import { WorkbookReadingSchema } from "./reading";

const MAX_CELL_TEXT = 2000;
const MAX_ROW_CELLS = 200;
const MAX_SHEET_ROWS = 100_000;
const isCell = (v: unknown) => v === null || typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && v.length <= MAX_CELL_TEXT);
/**
 * A sheet's rows of cells, checked in one loop: as a zod union per cell it cost the server more than reading the
 * JSON. The first bad cell is named by its address, in both languages; OpenAPI documents the same shape.
 */
const Rows = z
  .custom<CellValue[][]>(() => true)
  .superRefine((rows, ctx) => {
    const bad = (path: (string | number)[], vi: string, en: string) => ctx.addIssue({ code: "custom", path, message: en, params: { vi } });
    if (!Array.isArray(rows) || rows.length > MAX_SHEET_ROWS) return bad([], `phải là danh sách các dòng (tối đa ${formatNumber(MAX_SHEET_ROWS)} dòng)`, `must be a list of rows (at most ${formatNumber(MAX_SHEET_ROWS, "en")})`);
    for (let r = 0; r < rows.length; r++) {
      const row: unknown = rows[r];
      if (!Array.isArray(row) || row.length > MAX_ROW_CELLS) return bad([r], `dòng ${r + 1} phải là danh sách tối đa ${MAX_ROW_CELLS} ô`, `row ${r + 1} must be a list of at most ${MAX_ROW_CELLS} cells`);
      for (let c = 0; c < row.length; c++) {
        if (!isCell(row[c])) return bad([r, c], `ô ${a1(r, c)} phải là chữ (tối đa ${formatNumber(MAX_CELL_TEXT)} ký tự), số, đúng/sai hoặc để trống`, `cell ${a1(r, c)} must be text (at most ${formatNumber(MAX_CELL_TEXT, "en")} characters), a number, true/false or empty`);
      }
    }
  })
  .openapi({
    type: "array",
    maxItems: MAX_SHEET_ROWS,
    items: { type: "array", maxItems: MAX_ROW_CELLS, items: { type: ["string", "number", "boolean", "null"], maxLength: MAX_CELL_TEXT } },
  });

export const GridSchema = z
  .object({
    sheets: z
      .array(
        z.object({
          name: z.string().min(1).max(100),
          rows: Rows,
          merges: z.array(z.string().max(30)).max(10_000).optional(),
        }),
      )
      .min(1)
      .max(30),
  })
  .openapi("Grid");

export const SubmissionRequestSchema = z
  .object({
    unitCode: z.string().min(1).max(20).openapi({ example: "20491" }),
    grid: GridSchema,
    source: z.enum(["ADDIN", "CONSOLE", "API"]).default("API"),
    reportDate: CalendarDateSchema.optional(),
    acceptWarnings: z.boolean().optional(),
    correctionReason: z.string().trim().min(3).max(1000).optional(),
    dryRun: z.boolean().optional().openapi({ description: "read and validate only: answers 200 with what would be recorded and how the sheet was read; nothing is stored" }),
  })
  .openapi("SubmissionRequest");
/** What a client sends (z.input: `source` may be left out). */
export type SubmissionRequest = z.input<typeof SubmissionRequestSchema>;

export const ReceiptSchema = z
  .object({
    id: z.string(), checksum: z.string(), status: z.literal("ACCEPTED"), reportDate: z.string(), submittedAt: z.string(),
    accepted: z.object({ rows: z.number(), units: z.number() }), warnings: z.array(ValidationIssueSchema),
    changes: z.array(z.object({ unitCode: z.string(), registerKind: z.string(), phase: z.string(), version: z.number(), entriesDigitized: z.number(), delta: z.number() })),
    replayed: z.boolean().optional(),
    /** how the server read the workbook (not on a replay) */
    reading: WorkbookReadingSchema.optional(),
  })
  .openapi("Receipt");
export type Receipt = z.infer<typeof ReceiptSchema>;

export const SUBMISSION_SOURCES = ["ADDIN", "UPLOAD", "CONSOLE", "API", "DEMO", "CARRIED"] as const;
export const SubmissionSourceSchema = z.enum(SUBMISSION_SOURCES);
export type SubmissionSource = z.infer<typeof SubmissionSourceSchema>;
export const SubmissionStatusSchema = z.enum(["ACCEPTED", "REJECTED"]);
export const SubmissionSummarySchema = z.object({
  id: z.string(), unit: z.object({ id: z.string(), code: z.string(), fullName: z.string() }), reportDate: z.string().nullable(), source: SubmissionSourceSchema, status: SubmissionStatusSchema,
  submittedAt: z.string(), submittedBy: z.string().nullable(), rowCount: z.number(), errorCount: z.number(), warningCount: z.number(), isCorrection: z.boolean(),
  correctionReason: z.string().nullable(), hasFile: z.boolean(), ip: z.string().nullable(),
}).openapi("SubmissionSummary");
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

const LAYOUT_FIELDS = [...COUNT_FIELDS, "index", "unitCode", "unitName", "registerKind", "phase", "statedPercent", "reportDate", "note", "correction", "book"] as const;
export const SheetLayoutCorrectionSchema = z
  .object({
    columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.enum(LAYOUT_FIELDS).nullable()).optional().openapi({ description: "column letter → the field it holds (null: not read)" }),
    notData: z.array(z.string().trim().min(1).max(200)).max(200).optional().openapi({ description: "labels of rows that are not data" }),
  })
  .refine((x) => Object.keys(x.columns ?? {}).length <= 100, { message: "at most 100 columns" })
  .openapi("SheetLayoutCorrection");
export type SheetLayoutCorrection = z.infer<typeof SheetLayoutCorrectionSchema>;
export const SheetLayoutSchema = z.object({ signature: z.string(), correction: SheetLayoutCorrectionSchema, updatedAt: z.string() }).openapi("SheetLayout");
export type SheetLayout = z.infer<typeof SheetLayoutSchema>;
export const SheetLayoutsSchema = z.object({ layouts: z.array(SheetLayoutSchema) });
