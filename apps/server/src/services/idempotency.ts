/**
 * Idempotency-Key replays: a retried request gets the first receipt, but only if it is the same request — the
 * same unit, report date, sheet (or file), acceptWarnings and correction. Anything else under a used key is a 409.
 */
import { createHash } from "node:crypto";
import type { PriorSubmission } from "@sohoa/db";
import { ApiError } from "../lib/errors";

export interface FingerprintInput {
  unitCode: string;
  reportDate?: string | undefined;
  acceptWarnings?: boolean | undefined;
  correctionReason?: string | undefined;
}

/** sha256 over the whole request as sent; `checksum` stands for the sheet (its file's bytes or its grid). */
export function requestFingerprint(input: FingerprintInput, checksum: string): string {
  const parts = [input.unitCode, input.reportDate ?? null, checksum, !!input.acceptWarnings, input.correctionReason ?? null];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** The first receipt (status 200 tells the route it is a replay; the client sees the same 201), or a 409. */
export function replay<R extends object>(prior: PriorSubmission, fingerprint: string, checksum: string): { status: 200; receipt: R & { replayed: true } } {
  // Submissions stored before fingerprints existed are compared by their sheet only.
  const same = prior.requestHash ? prior.requestHash === fingerprint : prior.checksum === checksum;
  if (!same) {
    throw new ApiError(409, "conflict", {
      vi: "Mã Idempotency-Key này đã được dùng cho một lần gửi khác (đơn vị, ngày báo cáo, bảng tính hoặc lý do điều chỉnh khác). Hãy tạo mã mới cho nội dung mới.",
      en: "This Idempotency-Key was already used for a different submission (another unit, report date, sheet or correction). Use a new key for new content.",
    });
  }
  return { status: 200, receipt: { ...(prior.receipt as R), replayed: true } };
}
