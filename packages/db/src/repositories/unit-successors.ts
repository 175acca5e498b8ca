/** Where closed units went: the successor(s) a search lists beside a former unit ("→ Xã …"). */
import type { PrismaClient } from "../generated/prisma/client";

export interface SuccessorRef { code: string; fullName: string; effectiveDate: string; primary: boolean }

/** For each unit id that has successions, its successors (the primary one first). One query. */
export async function successorsOf(prisma: PrismaClient, unitIds: string[]): Promise<Map<string, SuccessorRef[]>> {
  const out = new Map<string, SuccessorRef[]>();
  if (!unitIds.length) return out;
  const rows = await prisma.unitSuccession.findMany({
    where: { predecessorId: { in: unitIds } },
    select: { predecessorId: true, effectiveDate: true, isPrimary: true, successor: { select: { code: true, fullName: true } } },
    orderBy: [{ isPrimary: "desc" }, { successor: { code: "asc" } }],
  });
  for (const r of rows) {
    const list = out.get(r.predecessorId) ?? [];
    list.push({ code: r.successor.code, fullName: r.successor.fullName, effectiveDate: r.effectiveDate.toISOString().slice(0, 10), primary: r.isPrimary });
    out.set(r.predecessorId, list);
  }
  return out;
}
