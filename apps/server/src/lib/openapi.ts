/** Shared OpenAPI pieces: the error schema, the validation hook and a router factory using them. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { ErrorBodySchema } from "@sohoa/contract";
import type { AppEnv } from "../context";

// The error body is the contract's; the response objects that carry it are the server's.
const ErrorBody = ErrorBodySchema;

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
