/** Shared OpenAPI pieces: the error schema, the validation hook and a router factory using them. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";

export const Message = z.object({ vi: z.string(), en: z.string() }).openapi("Message");

export const Issue = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    message: Message,
    sheet: z.string(),
    cell: z.string().nullable(),
    cells: z.array(z.string()).optional(),
    row: z.number().optional(),
  })
  .openapi("ValidationIssue");

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: Message,
      field: z.string().optional(),
      issues: z.array(Issue).optional(),
      reading: z.unknown().optional().openapi({ description: "422 to a sheet: how it was read (WorkbookReading)" }),
    }),
  })
  .openapi("Error");

export const errorResponses = {
  400: { description: "Invalid input", content: { "application/json": { schema: ErrorBody } } },
  401: { description: "Not signed in", content: { "application/json": { schema: ErrorBody } } },
  403: { description: "Outside your scope or role", content: { "application/json": { schema: ErrorBody } } },
  404: { description: "Not found", content: { "application/json": { schema: ErrorBody } } },
} as const;

export const security = [{ bearer: [] as string[] }];

export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const first = result.error.issues[0];
        const field = first?.path.join(".") ?? "";
        const viMessage = first ? vietnameseIssue(first) : "";
        return c.json(
          {
            error: {
              code: "bad_request",
              field,
              message: {
                vi: `Dữ liệu không hợp lệ ở trường "${field}": ${viMessage}`,
                en: `Invalid input at "${field}": ${first?.message ?? ""}`,
              },
              details: result.error.issues.map((i) => ({ field: i.path.join("."), message: i.message, messageVi: vietnameseIssue(i) })),
            },
          },
          400,
        );
      }
    },
  });
}

const zodVi = z.locales.vi().localeError;

/** zod's own Vietnamese wording of an issue (the English one is `issue.message`), or the schema's own (params.vi). */
function vietnameseIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom" && typeof issue.params?.vi === "string") return issue.params.vi;
  try {
    const m = zodVi(issue as unknown as Parameters<typeof zodVi>[0]);
    const text = typeof m === "string" ? m : m?.message;
    // Issues do not carry the rejected input, so "received undefined" would be wrong: leave it out.
    return text ? text.replace(/, nhận được undefined$/, "") : issue.message;
  } catch {
    return issue.message;
  }
}
