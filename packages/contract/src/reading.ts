/** What Sohoa understood of a workbook (core's WorkbookReading), sent with every answer to a sheet, and the error body. */
import { z } from "@hono/zod-openapi";
import { ROW_ROLES, type RowRole } from "@sohoa/core";
import { MessageSchema, ProgressCountsSchema, ValidationIssueSchema } from "./common";

const RowRoleSchema = z.enum(ROW_ROLES as [RowRole, ...RowRole[]]);
const DateSource = z.enum(["column", "label", "subtitle", "title", "date-line", "request"]);

export const SheetReadingSchema = z
  .object({
    name: z.string(),
    kind: z.enum(["table", "summary", "none"]).openapi({ description: "summary: checked against the other sheets, not counted" }),
    unit: z.object({ code: z.string(), fullName: z.string(), cell: z.string().nullable(), source: z.enum(["column", "title", "cell", "sheet-name", "submitter", "layout"]) }).nullable(),
    reportDate: z.object({ date: z.string(), cell: z.string().nullable(), source: DateSource, text: z.string().optional() }).nullable(),
    signedOn: z.object({ date: z.string(), cell: z.string() }).nullable().optional(),
    header: z.object({ firstRow: z.number(), lastRow: z.number(), columns: z.array(z.object({ field: z.string(), column: z.string(), cell: z.string(), label: z.string() })) }).nullable(),
    rows: z.array(z.object({ row: z.number(), role: RowRoleSchema, label: z.string().optional(), unitCode: z.string().optional(), registerKind: z.string().optional(), phase: z.string().optional(), sums: z.tuple([z.number(), z.number()]).optional() })).openapi({ description: "each row's role (the first 2,000 rows of a sheet)" }),
    tally: z.record(RowRoleSchema, z.number()).openapi({ description: "rows per role" }),
    totals: z.union([ProgressCountsSchema, z.null()]), // not .nullable(): that would make the shared component itself nullable
    signature: z.string().optional().openapi({ description: "the header's signature, under which a corrected layout is saved (PUT /api/units/{code}/sheet-layouts/{signature})" }),
    layout: z.literal("saved").optional().openapi({ description: "read with the unit's saved layout for this header" }),
  })
  .openapi("SheetReading");
export type SheetReading = z.infer<typeof SheetReadingSchema>;

export const WorkbookReadingSchema = z
  .object({
    sheets: z.array(SheetReadingSchema),
    reportDate: z.object({ date: z.string(), sheet: z.string().nullable(), cell: z.string().nullable(), source: DateSource, text: z.string().optional() }).nullable(),
  })
  .openapi("WorkbookReading", { description: "What Sohoa read: per sheet its unit and report date with their cells, the header mapping and each row's role" });
export type WorkbookReading = z.infer<typeof WorkbookReadingSchema>;
export type { RowRole };

export const DryRunSchema = z
  .object({
    dryRun: z.literal(true),
    reportDate: z.string().nullable(),
    hasErrors: z.boolean(),
    issues: z.array(ValidationIssueSchema),
    rows: z.number().openapi({ description: "rows that would be recorded" }),
    units: z.number(),
    totals: ProgressCountsSchema,
    reading: WorkbookReadingSchema,
  })
  .openapi("DryRun", { description: "The sheet read and validated as a submission would be; nothing is stored" });
export type DryRun = z.infer<typeof DryRunSchema>;

export const ApiErrorSchema = z.object({
  code: z.string(),
  message: MessageSchema,
  field: z.string().optional(),
  issues: z.array(ValidationIssueSchema).optional(),
  submissionId: z.string().nullable().optional().openapi({ description: "422 to a sheet: the rejected submission, kept for the record" }),
  reading: WorkbookReadingSchema.optional(),
  details: z.array(z.object({ field: z.string(), message: z.string(), messageVi: z.string() })).optional().openapi({ description: "400: every invalid field" }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
export const ErrorBodySchema = z.object({ error: ApiErrorSchema }).openapi("Error");
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
