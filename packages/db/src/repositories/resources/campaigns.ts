/** Digitization campaigns as the console manages them. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit, type AuditRow } from "../audit";
import type { Page } from "./page";

const include = { unit: { select: { id: true, code: true, fullName: true } } } as const satisfies Prisma.CampaignInclude;
export type CampaignRow = Prisma.CampaignGetPayload<{ include: typeof include }>;
/** The audit entry of a write, from the row written (a pure function of it: no IO inside the transaction). */
export type AuditOf<R> = (row: R) => AuditRow;

export async function campaignPage(db: Database, where: Prisma.CampaignWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.campaign.findMany({ where, ...p, include }), db.prisma.campaign.count({ where })]);
  return { rows, total };
}

export function campaignWhere(db: Database, where: Prisma.CampaignWhereInput): Promise<CampaignRow | null> {
  return db.prisma.campaign.findFirst({ where, include });
}

/** Book phase codes that exist. */
export async function phaseCodes(db: Database): Promise<Set<string>> {
  return new Set((await db.prisma.bookPhase.findMany({ select: { code: true } })).map((p) => p.code));
}

/** Creates the campaign with its audit entry; null when the code is taken. */
export function createCampaign(db: Database, data: Prisma.CampaignUncheckedCreateInput, auditOf: AuditOf<CampaignRow>): Promise<CampaignRow | null> {
  return db.prisma.$transaction(async (tx) => {
    if (await tx.campaign.findUnique({ where: { code: data.code }, select: { id: true } })) return null;
    const k = await tx.campaign.create({ data, include });
    await writeAudit(tx, auditOf(k));
    return k;
  });
}

export function updateCampaign(db: Database, id: string, data: Prisma.CampaignUncheckedUpdateInput, auditOf: AuditOf<CampaignRow>): Promise<CampaignRow> {
  return db.prisma.$transaction(async (tx) => {
    const k = await tx.campaign.update({ where: { id }, data, include });
    await writeAudit(tx, auditOf(k));
    return k;
  });
}
