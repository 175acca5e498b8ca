/**
 * The units at the bottom of a subtree on a date (communes, wards, agencies: whatever has no child that day,
 * however deep the tree), each with the unit above it and its figures as of the date. One statement.
 */
import { PREPARED, type Sql } from "../sql";
import { COUNT_FIELDS, type Counts } from "./progress";

export interface BottomUnitRow {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: string;
  /** The unit directly above (the district before 07/2025, the province after); null for a root leaf. */
  parent: { id: string; code: string; name: string; fullName: string; level: string } | null;
  counts: Counts;
  /** The day of its latest real report at or before the date (carried figures are not reports). */
  lastReportDate: string | null;
  lastReportAt: Date | null;
}

const validOn = (a: string) => `${a}."active" AND ${a}."validFrom" <= $2::date AND (${a}."validTo" IS NULL OR ${a}."validTo" > $2::date)`;

const BOTTOM_UNITS = `${PREPARED}SELECT l."id", l."code", l."name", l."fullName", l."level"::text AS "level",
       p."id" AS "parentId", p."code" AS "parentCode", p."name" AS "parentName", p."fullName" AS "parentFullName", p."level"::text AS "parentLevel",
       ${COUNT_FIELDS.map((f) => `r."${f}"`).join(", ")}, to_char(r."lastReportDate", 'YYYY-MM-DD') AS "lastReportDate", r."lastReportAt"
  FROM "UnitClosure" c
  JOIN "Unit" l ON l."id" = c."descendantId" AND ${validOn("l")}
  LEFT JOIN "Unit" p ON p."id" = l."parentId"
  LEFT JOIN LATERAL (SELECT * FROM "UnitRollup" x WHERE x."unitId" = l."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT 1) r ON true
 WHERE c."ancestorId" = $1
   AND NOT EXISTS (SELECT 1 FROM "Unit" g WHERE g."parentId" = l."id" AND ${validOn("g")})
 ORDER BY p."code" NULLS FIRST, l."code"`;

type Row = Record<(typeof COUNT_FIELDS)[number], bigint | null> & {
  id: string; code: string; name: string; fullName: string; level: string;
  parentId: string | null; parentCode: string | null; parentName: string | null; parentFullName: string | null; parentLevel: string | null;
  lastReportDate: string | null; lastReportAt: Date | null;
};

/** Bottom-level units of `rootId`'s subtree on `date` (the root itself when it has no children), ordered by parent then code. */
export async function bottomUnits(tx: Sql, rootId: string, date: string): Promise<BottomUnitRow[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(BOTTOM_UNITS, rootId, date);
  return rows.map((r) => {
    const counts = {} as Counts;
    for (const f of COUNT_FIELDS) counts[f] = Number(r[f] ?? 0);
    return {
      id: r.id, code: r.code, name: r.name, fullName: r.fullName, level: r.level,
      parent: r.parentId ? { id: r.parentId, code: r.parentCode!, name: r.parentName!, fullName: r.parentFullName!, level: r.parentLevel! } : null,
      counts,
      lastReportDate: r.lastReportDate,
      lastReportAt: r.lastReportAt,
    };
  });
}

export interface ScopedUnit { id: string; code: string; name: string; fullName: string; nameEn: string | null; level: string; parentId: string | null; validFrom: string; validTo: string | null }

const SCOPED_UNIT = `${PREPARED}SELECT u."id", u."code", u."name", u."fullName", u."nameEn", u."level"::text AS "level", u."parentId",
       to_char(u."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(u."validTo", 'YYYY-MM-DD') AS "validTo"
  FROM "Unit" u
 WHERE u."code" = $1 AND ${validOn("u")}
   AND EXISTS (SELECT 1 FROM "UnitClosure" c WHERE c."ancestorId" = $3 AND c."descendantId" = u."id")
 ORDER BY u."validFrom" DESC LIMIT 1`;

/** The unit of `code` on `date` if it lies in `scopeUnitId`'s subtree (the closure holds every unit as its own ancestor); else null. */
export async function scopedUnitOn(tx: Sql, code: string, date: string, scopeUnitId: string): Promise<ScopedUnit | null> {
  const rows = await tx.$queryRawUnsafe<ScopedUnit[]>(SCOPED_UNIT, code, date, scopeUnitId);
  return rows[0] ?? null;
}
