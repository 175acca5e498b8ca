/**
 * What the console's file imports share: the multipart form read into a file and its fields, the upload size
 * limit, the OpenAPI shape of such a body, and 400s that name the field, in Vietnamese and English.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { ApiError } from "../lib/errors";
import type { router } from "../lib/openapi";

export const bad = (field: string, vi: string, en: string) => new ApiError(400, "bad_request", { vi, en }, { field });
const tooLarge = (limit: number) => () => {
  throw new ApiError(413, "payload_too_large", { vi: `Tệp tải lên vượt quá giới hạn ${Math.round(limit / 1024 / 1024)} MB.`, en: `The upload is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.` }, { field: "file" });
};
export const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** multipart/form-data → fields, or a 415/400 in both languages. */
export async function readForm(c: Context<AppEnv>): Promise<{ file: File; fields: Record<string, string> }> {
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

export const multipart = (fields: Record<string, z.ZodType>) => ({
  required: true,
  content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }), ...fields }) } },
}) as const;

/** The upload limit on each of `paths`, with a 413 in both languages. */
export function limitUploads(app: ReturnType<typeof router>, paths: string[]): void {
  for (const p of paths) {
    app.use(p, async (c, next) => bodyLimit({ maxSize: c.var.deps.config.maxUploadBytes, onError: tooLarge(c.var.deps.config.maxUploadBytes) })(c, next));
  }
}
