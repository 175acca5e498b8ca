/** Register kinds (the console edits their names, order and whether they are in use). */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit, type AuditRow } from "../audit";

export function registerKinds(db: Database, where: Prisma.RegisterKindWhereInput, orderBy: Prisma.RegisterKindOrderByWithRelationInput) {
  return db.prisma.registerKind.findMany({ where, orderBy });
}

export function registerKind(db: Database, id: string) {
  return db.prisma.registerKind.findUnique({ where: { id } });
}

export function updateRegisterKind(db: Database, id: string, data: Prisma.RegisterKindUpdateInput, audit: AuditRow) {
  return db.prisma.$transaction(async (tx) => {
    const k = await tx.registerKind.update({ where: { id }, data });
    await writeAudit(tx, audit);
    return k;
  });
}
