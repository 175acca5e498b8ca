/** The layouts a unit's people saved for their sheets (core's SavedLayout), by header signature. */
import type { Database } from "../connection";

export interface SheetLayoutRow { signature: string; correction: { columns?: Record<string, string | null>; notData?: string[] }; updatedAt: Date; updatedById: string | null }

export async function sheetLayoutsOf(db: Database, unitId: string): Promise<SheetLayoutRow[]> {
  const rows = await db.prisma.sheetLayout.findMany({ where: { unitId }, orderBy: { updatedAt: "desc" }, take: 200 });
  return rows.map((r) => ({ signature: r.signature, correction: r.correction as SheetLayoutRow["correction"], updatedAt: r.updatedAt, updatedById: r.updatedById }));
}

export async function saveSheetLayout(db: Database, unitId: string, signature: string, correction: SheetLayoutRow["correction"], userId: string): Promise<void> {
  await db.prisma.sheetLayout.upsert({
    where: { unitId_signature: { unitId, signature } },
    create: { unitId, signature, correction, updatedById: userId },
    update: { correction, updatedById: userId },
  });
}

export async function deleteSheetLayout(db: Database, unitId: string, signature: string): Promise<boolean> {
  const r = await db.prisma.sheetLayout.deleteMany({ where: { unitId, signature } });
  return r.count > 0;
}
