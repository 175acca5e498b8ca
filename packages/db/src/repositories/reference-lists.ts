/** Small reference lists: register kinds and book phases, units by code on a date, a unit's children. */
import type { Database } from "../connection";
import { validOn } from "./units-read";

/** Book phases in their order. */
export function bookPhases(db: Database) {
  return db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } });
}

/** Active register kinds and book phases, in their order. */
export async function activeKindsAndPhases(db: Database) {
  const [kinds, phases] = await Promise.all([
    db.prisma.registerKind.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    db.prisma.bookPhase.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { kinds, phases };
}

/** The active unit with this code valid on `at` (codes are reused across reorganizations: the latest). */
export function activeUnitByCodeOn(db: Database, code: string, at: Date) {
  return db.prisma.unit.findFirst({ where: { code, active: true, ...validOn(at) }, orderBy: { validFrom: "desc" } });
}

/** A unit with this code valid on `at`, active or not; throws when there is none. */
export function unitByCodeOn(db: Database, code: string, at: Date) {
  return db.prisma.unit.findFirstOrThrow({ where: { code, ...validOn(at) } });
}

/** Active children of a unit valid on `at`, by level then code. */
export function activeChildrenOn(db: Database, unitId: string, at: Date) {
  return db.prisma.unit.findMany({ where: { parentId: unitId, active: true, ...validOn(at) }, orderBy: [{ level: "asc" }, { code: "asc" }] });
}

/** A unit with this code valid on `at`, active or not, or null. */
export function unitByCodeOnOrNull(db: Database, code: string, at: Date) {
  return db.prisma.unit.findFirst({ where: { code, ...validOn(at) } });
}
