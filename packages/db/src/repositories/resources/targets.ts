/** Targets (entries, books to digitize per unit and period of a campaign) as the console manages them. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit, type AuditRow } from "../audit";
import type { AuditOf } from "./campaigns";
import type { Page } from "./page";

const include = { unit: { select: { id: true, code: true, name: true, fullName: true, level: true } }, campaign: { select: { id: true, code: true, name: true } } } as const satisfies Prisma.TargetInclude;
export type TargetRow = Prisma.TargetGetPayload<{ include: typeof include }>;

export async function targetPage(db: Database, where: Prisma.TargetWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.target.findMany({ where, ...p, include }), db.prisma.target.count({ where })]);
  return { rows, total };
}

export function targetById(db: Database, id: string): Promise<TargetRow | null> {
  return db.prisma.target.findUnique({ where: { id }, include });
}

/** Creates the target with its audit entry; null when the unit has one for that campaign, period type and start. */
export function createTarget(db: Database, data: Prisma.TargetUncheckedCreateInput, auditOf: AuditOf<TargetRow>): Promise<TargetRow | null> {
  return db.prisma.$transaction(async (tx) => {
    const key = { campaignId: data.campaignId, unitId: data.unitId, periodType: data.periodType, periodStart: data.periodStart as Date };
    if (await tx.target.findUnique({ where: { campaignId_unitId_periodType_periodStart: key }, select: { id: true } })) return null;
    const t = await tx.target.create({ data, include });
    await writeAudit(tx, auditOf(t));
    return t;
  });
}

export function updateTarget(db: Database, id: string, data: Prisma.TargetUncheckedUpdateInput, auditOf: AuditOf<TargetRow>): Promise<TargetRow> {
  return db.prisma.$transaction(async (tx) => {
    const t = await tx.target.update({ where: { id }, data, include });
    await writeAudit(tx, auditOf(t));
    return t;
  });
}

export async function deleteTarget(db: Database, id: string, audit: AuditRow): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.target.delete({ where: { id } });
    await writeAudit(tx, audit);
  });
}
