/** The 2025 reorganization as the console shows and adjusts it: a unit's links, a province's new communes, shares. */
import type { Database } from "../connection";
import { writeAudit, type AuditRow } from "./audit";
import { unitSelect, validOn } from "./units-read";

/** The unit of `code` valid on `at` (of `level` if given). */
export function unitOfCodeOn(db: Database, code: string, at: Date, level?: "PROVINCE") {
  return db.prisma.unit.findFirst({ where: { code, ...(level ? { level } : {}), ...validOn(at) }, select: unitSelect });
}

/** What a unit was formed from and what succeeded it. */
export async function successionLinks(db: Database, unitId: string) {
  const [predecessors, successors] = await Promise.all([
    db.prisma.unitSuccession.findMany({ where: { successorId: unitId }, include: { predecessor: { select: unitSelect } }, orderBy: { predecessor: { code: "asc" } } }),
    db.prisma.unitSuccession.findMany({ where: { predecessorId: unitId }, include: { successor: { select: unitSelect } }, orderBy: [{ isPrimary: "desc" }] }),
  ]);
  return { predecessors, successors };
}

/** A province's units valid on the effective date, by code, and the links into them that took effect that day. */
export async function provinceAfterReform(db: Database, provinceId: string, effective: Date) {
  const communes = await db.prisma.unit.findMany({ where: { parentId: provinceId, ...validOn(effective) }, select: unitSelect, orderBy: { code: "asc" } });
  const links = await db.prisma.unitSuccession.findMany({ where: { successorId: { in: communes.map((u) => u.id) }, effectiveDate: effective }, include: { predecessor: { select: { ...unitSelect, successors: { select: { id: true } } } } } });
  return { communes, links };
}

/** A former unit's links to its successors. */
export function successorLinksOf(db: Database, predecessorId: string) {
  return db.prisma.unitSuccession.findMany({ where: { predecessorId }, include: { successor: { select: unitSelect } } });
}

/** Sets how a former unit's figures are shared among its successors, with the audit entry, in one transaction. */
export async function setSuccessionShares(db: Database, updates: { id: string; isPrimary: boolean; shareBp: number | null }[], reason: string, userId: string, audit: AuditRow): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    for (const u of updates) await tx.unitSuccession.update({ where: { id: u.id }, data: { isPrimary: u.isPrimary, shareBp: u.shareBp, reason, createdById: userId } });
    await writeAudit(tx, audit);
  });
}
