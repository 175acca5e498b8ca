/** The targets sheet: what it is filled with when downloaded, and writing what was uploaded (one transaction). */
import type { Database } from "../connection";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit, type AuditRow } from "./audit";
import { subtreeFilter } from "./credentials";
import { validOn } from "./units-read";

const campaignSelect = { id: true, name: true, unitId: true, startDate: true, endDate: true } as const;

export function campaignForSheet(db: Database, where: Prisma.CampaignWhereInput) {
  return db.prisma.campaign.findFirst({ where, select: campaignSelect });
}

/** The unit of `code` on `at` in the scope, or the scope's own unit when no code is given. */
export function sheetRoot(db: Database, scopeUnitId: string, code: string | undefined, at: Date) {
  return code
    ? db.prisma.unit.findFirst({ where: { code, ...validOn(at), ...subtreeFilter(scopeUnitId) }, select: { id: true, code: true, fullName: true } })
    : db.prisma.unit.findUnique({ where: { id: scopeUnitId }, select: { id: true, code: true, fullName: true } });
}

/** Active units strictly below `rootId` on `at` (of one level if given), by depth then code, with their parent. */
export function sheetUnits(db: Database, rootId: string, at: Date, level?: Prisma.UnitWhereInput["level"]) {
  return db.prisma.unit.findMany({
    where: { ...validOn(at), active: true, ancestors: { some: { ancestorId: rootId, distance: { gt: 0 } } }, ...(level ? { level } : {}) },
    select: { id: true, code: true, fullName: true, depth: true, parent: { select: { code: true, fullName: true } } },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
  });
}

/** The campaign's monthly targets of these units starting on these days. */
export function monthTargetsOf(db: Database, campaignId: string, unitIds: string[], periodStarts: Date[]) {
  return db.prisma.target.findMany({ where: { campaignId, periodType: "MONTH", unitId: { in: unitIds }, periodStart: { in: periodStarts } }, select: { id: true, unitId: true, periodStart: true, entriesTarget: true } });
}

/** Units of these codes valid on `at` in the scope, each saying whether the campaign's unit is at or above it. */
export async function sheetUnitsByCode(db: Database, scopeUnitId: string, codes: string[], at: Date, campaignUnitId: string) {
  if (codes.length === 0) return [];
  const found = await db.prisma.unit.findMany({ where: { code: { in: codes }, ...validOn(at), ...subtreeFilter(scopeUnitId) }, select: { id: true, code: true, fullName: true, ancestors: { where: { ancestorId: campaignUnitId }, select: { distance: true } } } });
  return found.map((u) => ({ id: u.id, code: u.code, fullName: u.fullName, inCampaign: u.ancestors.length > 0 }));
}

export interface TargetSheetWrite { update: { id: string; entriesTarget: number }[]; create: { unitId: string; periodStart: Date; periodEnd: Date; entriesTarget: number }[] }

/** Writes an uploaded sheet's new and changed monthly targets with the import's audit entry, all or nothing. */
export async function writeTargetSheet(db: Database, campaignId: string, userId: string, w: TargetSheetWrite, audit: AuditRow): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    for (const t of w.update) await tx.target.update({ where: { id: t.id }, data: { entriesTarget: t.entriesTarget, carried: false, updatedById: userId } });
    for (const t of w.create) await tx.target.create({ data: { campaignId, unitId: t.unitId, periodType: "MONTH", periodStart: t.periodStart, periodEnd: t.periodEnd, entriesTarget: t.entriesTarget, updatedById: userId } });
    await writeAudit(tx, audit);
  }, { timeout: 120_000, maxWait: 30_000 });
}
