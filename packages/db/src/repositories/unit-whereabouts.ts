/** Where a unit code led: the unit it names on a date, or the former unit and what succeeded it. */
import type { Database } from "../connection";
import { subtreeFilter } from "./credentials";
import { unitSelect, validOn, type UnitSelected } from "./units-read";

/** The unit of `code` valid on `at` inside the scope. */
export function scopedUnitByCodeOn(db: Database, scopeUnitId: string, code: string, at: Date): Promise<UnitSelected | null> {
  return db.prisma.unit.findFirst({ where: { code, ...validOn(at), ...subtreeFilter(scopeUnitId) }, select: unitSelect });
}

/** The unit this code named last before `at`, inside the scope. */
export function formerUnitByCode(db: Database, scopeUnitId: string, code: string, at: Date) {
  return db.prisma.unit.findFirst({ where: { code, validTo: { lte: at }, ...subtreeFilter(scopeUnitId) }, select: { ...unitSelect, depth: true }, orderBy: { validTo: "desc" } });
}

/** Links from the units at or below `unitId` that were succeeded to their successors. */
export function successionsBelow(db: Database, unitId: string) {
  return db.prisma.unitSuccession.findMany({ where: { predecessor: { ancestors: { some: { ancestorId: unitId } } } }, select: { predecessorId: true, successorId: true, isPrimary: true } });
}

/** The province above each of the units. */
export async function provincesOf(db: Database, unitIds: string[]): Promise<Map<string, string>> {
  const up = await db.prisma.unitClosure.findMany({ where: { descendantId: { in: unitIds }, ancestor: { level: "PROVINCE" } }, select: { ancestorId: true, descendantId: true } });
  return new Map(up.map((x) => [x.descendantId, x.ancestorId]));
}

export function unitsByIds(db: Database, ids: string[]): Promise<UnitSelected[]> {
  return db.prisma.unit.findMany({ where: { id: { in: ids } }, select: unitSelect });
}
