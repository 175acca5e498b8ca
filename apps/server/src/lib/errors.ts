/** Domain/API errors: thrown anywhere, mapped to the one JSON error shape in app.onError. */
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type { Message as Msg } from "@sohoa/contract";
import type { Message as Msg } from "@sohoa/contract";

export type ErrorCode =
  | "validation_failed" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict"
  | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal";

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly msg: Msg,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(msg.en);
  }
}

export const badRequest = (msg: Msg, extra: Record<string, unknown> = {}) => new ApiError(400, "bad_request", msg, extra);
export const unauthorized = (msg: Msg = { vi: "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.", en: "Your session has expired or is invalid. Please sign in again." }) =>
  new ApiError(401, "unauthorized", msg);
export const forbidden = (msg: Msg = { vi: "Bạn không có quyền thực hiện thao tác này.", en: "You are not allowed to do this." }) => new ApiError(403, "forbidden", msg);
export const outOfScope = () =>
  new ApiError(403, "forbidden", { vi: "Đơn vị này nằm ngoài phạm vi quản lý của bạn.", en: "This unit is outside your scope." });
export const notFound = (what: Msg) => new ApiError(404, "not_found", { vi: `Không tìm thấy ${what.vi}.`, en: `${what.en} not found.` });
export const conflict = (msg: Msg) => new ApiError(409, "conflict", msg);
