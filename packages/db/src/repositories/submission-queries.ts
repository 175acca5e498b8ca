/** Reads around receiving a sheet: an earlier submission under an Idempotency-Key, where former units' figures go. */
import type { Database } from "../connection";
import { isoDate } from "../text";
import { flowShares } from "./successors";
import type { PriorSubmission } from "./submission-context";

/** The submission a person sent under `idempotencyKey`, if any. */
export async function submissionByIdempotencyKey(db: Database, userId: string, idempotencyKey: string): Promise<PriorSubmission | null> {
  const s = await db.prisma.submission.findUnique({
    where: { submittedById_idempotencyKey: { submittedById: userId, idempotencyKey } },
    select: { receipt: true, checksum: true, requestHash: true },
  });
  return s;
}

/** Share of each former unit's figures going to each successor, at the reorganization the first of them went in. */
export async function formerUnitFlows(db: Database, predecessorIds: string[]): Promise<{ predecessorId: string; successorId: string; share: number }[]> {
  const succ = await db.prisma.unitSuccession.findFirst({ where: { predecessorId: { in: predecessorIds } }, select: { effectiveDate: true } });
  return succ ? flowShares(db.prisma, isoDate(succ.effectiveDate)) : [];
}

/** Share of each predecessor's figures going to each successor at the reorganization of `effectiveIso` (flowShares). */
export function reformFlows(db: Database, effectiveIso: string, successorIds?: string[]) {
  return flowShares(db.prisma, effectiveIso, successorIds);
}
