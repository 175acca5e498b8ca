/** The audit log as the console reads it. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import type { Page } from "./page";

/** Ids of the units in a subtree (itself included). */
export async function subtreeUnitIds(db: Database, unitId: string): Promise<string[]> {
  return (await db.prisma.unitClosure.findMany({ where: { ancestorId: unitId }, select: { descendantId: true } })).map((r) => r.descendantId);
}

export async function auditLogPage(db: Database, where: Prisma.AuditLogWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.auditLog.findMany({ where, ...p, orderBy: [p.orderBy, { id: "desc" }] }), db.prisma.auditLog.count({ where })]);
  return { rows, total };
}

export function auditLogEntry(db: Database, where: Prisma.AuditLogWhereInput) {
  return db.prisma.auditLog.findFirst({ where });
}
