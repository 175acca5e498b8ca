import type { Level, UnitSummary } from "../context";

export interface UnitRow {
  id: string; code: string; name: string; fullName: string; nameEn: string | null; level: string;
  parentId: string | null; validFrom: Date; validTo: Date | null;
}

export { unitSelect, validOn } from "@sohoa/db";

export function toUnitSummary(u: UnitRow): UnitSummary {
  return {
    id: u.id, code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn, level: u.level as Level, parentId: u.parentId,
    validFrom: u.validFrom.toISOString().slice(0, 10), validTo: u.validTo ? u.validTo.toISOString().slice(0, 10) : null,
  };
}

/** Prisma filter: valid on a date (validFrom ≤ d < validTo). */
