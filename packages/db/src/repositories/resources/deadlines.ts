/** Deadlines (a campaign's due date for a unit) as the console manages them. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit } from "../audit";
import { validOn } from "../units-read";
import type { AuditOf } from "./campaigns";
import type { Page } from "./page";

const include = { unit: { select: { id: true, code: true, name: true, fullName: true, level: true } }, campaign: { select: { id: true, code: true, name: true } } } as const satisfies Prisma.DeadlineInclude;
export type DeadlineRow = Prisma.DeadlineGetPayload<{ include: typeof include }>;

export function campaignHead(db: Database, id: string) {
  return db.prisma.campaign.findUnique({ where: { id }, select: { id: true, unitId: true, name: true } });
}

export async function deadlinePage(db: Database, where: Prisma.DeadlineWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.deadline.findMany({ where, ...p, include }), db.prisma.deadline.count({ where })]);
  return { rows, total };
}

export function deadlineById(db: Database, id: string): Promise<DeadlineRow | null> {
  return db.prisma.deadline.findUnique({ where: { id }, include });
}

/** Creates the deadline with its audit entry; null when the unit already has one in the campaign. */
export function createDeadline(db: Database, data: Prisma.DeadlineUncheckedCreateInput, auditOf: AuditOf<DeadlineRow>): Promise<DeadlineRow | null> {
  return db.prisma.$transaction(async (tx) => {
    if (await tx.deadline.findUnique({ where: { campaignId_unitId: { campaignId: data.campaignId, unitId: data.unitId } }, select: { id: true } })) return null;
    const d = await tx.deadline.create({ data, include });
    await writeAudit(tx, auditOf(d));
    return d;
  });
}

/** Ids of a unit's children valid on `at`, by code. */
export async function childIdsOn(db: Database, parentId: string, at: Date): Promise<string[]> {
  return (await db.prisma.unit.findMany({ where: { parentId, ...validOn(at) }, select: { id: true }, orderBy: { code: "asc" } })).map((u) => u.id);
}

export interface BulkDeadlines { campaignId: string; unitIds: string[]; dueDate: Date; note: string | null | undefined; updatedById: string }

/**
 * Sets the campaign's deadline of every unit (created or updated and confirmed), each with its audit entry, in one
 * transaction; `auditOf` gets the row and its previous due date (null when created).
 */
export function setDeadlines(db: Database, b: BulkDeadlines, auditOf: (row: DeadlineRow, before: Date | null) => ReturnType<AuditOf<DeadlineRow>>) {
  return db.prisma.$transaction(async (tx) => {
    const existing = new Map((await tx.deadline.findMany({ where: { campaignId: b.campaignId, unitId: { in: b.unitIds } } })).map((d) => [d.unitId, d]));
    const rows: DeadlineRow[] = [];
    for (const unitId of b.unitIds) {
      const prev = existing.get(unitId);
      const d = await tx.deadline.upsert({
        where: { campaignId_unitId: { campaignId: b.campaignId, unitId } },
        create: { campaignId: b.campaignId, unitId, dueDate: b.dueDate, note: b.note ?? null, updatedById: b.updatedById },
        update: { dueDate: b.dueDate, ...(b.note !== undefined ? { note: b.note } : {}), confirmed: true, updatedById: b.updatedById },
        include,
      });
      await writeAudit(tx, auditOf(d, prev ? prev.dueDate : null));
      rows.push(d);
    }
    return { rows, created: b.unitIds.length - existing.size };
  });
}

export function updateDeadline(db: Database, id: string, data: Prisma.DeadlineUncheckedUpdateInput, auditOf: AuditOf<DeadlineRow>): Promise<DeadlineRow> {
  return db.prisma.$transaction(async (tx) => {
    const d = await tx.deadline.update({ where: { id }, data, include });
    await writeAudit(tx, auditOf(d));
    return d;
  });
}

export async function deleteDeadline(db: Database, id: string, audit: ReturnType<AuditOf<DeadlineRow>>): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.deadline.delete({ where: { id } });
    await writeAudit(tx, audit);
  });
}
