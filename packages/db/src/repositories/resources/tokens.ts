/** Personal API tokens: listing those one may see, issuing, revoking. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit, type AuditRow } from "../audit";
import type { Page } from "./page";

const include = { user: { select: { id: true, username: true, displayName: true } } } as const satisfies Prisma.ApiTokenInclude;
export type TokenRow = Prisma.ApiTokenGetPayload<{ include: typeof include }>;

export async function tokenPage(db: Database, where: Prisma.ApiTokenWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.apiToken.findMany({ where, ...p, include }), db.prisma.apiToken.count({ where })]);
  return { rows, total };
}

export function tokenWhere(db: Database, where: Prisma.ApiTokenWhereInput) {
  return db.prisma.apiToken.findFirst({ where, include });
}

/** The token with its owner's unit and username (for revoking). */
export function tokenWithOwner(db: Database, where: Prisma.ApiTokenWhereInput) {
  return db.prisma.apiToken.findFirst({ where, include: { user: { select: { unitId: true, username: true } } } });
}

/** Issues a token and writes its audit entry (whose entityId is the new token's). */
export function createToken(db: Database, data: Prisma.ApiTokenUncheckedCreateInput, audit: AuditRow) {
  return db.prisma.$transaction(async (tx) => {
    const t = await tx.apiToken.create({ data, include });
    await writeAudit(tx, { ...audit, entityId: t.id });
    return t;
  });
}

export async function revokeToken(db: Database, id: string, at: Date, audit: AuditRow): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id }, data: { revokedAt: at } });
    await writeAudit(tx, audit);
  });
}
