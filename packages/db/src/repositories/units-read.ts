/** Unit reads shared by services: by id, a subtree on a date with each unit's parent, a unit's justice agency. */
import type { Database } from "../connection";
import type { Prisma } from "../generated/prisma/client";

/** The columns of a unit that summaries need. */
export const unitSelect = { id: true, code: true, name: true, fullName: true, nameEn: true, level: true, parentId: true, validFrom: true, validTo: true } as const;

/** Prisma filter: valid on day `d` (validFrom ≤ d < validTo). */
export function validOn(d: Date) {
  return { validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }] };
}

export type UnitSelected = Prisma.UnitGetPayload<{ select: typeof unitSelect }>;

/** The unit of `id`; throws when there is none. */
export function unitById(db: Database, id: string): Promise<UnitSelected> {
  return db.prisma.unit.findUniqueOrThrow({ where: { id }, select: unitSelect });
}

/** Active units of `unitId`'s subtree (itself included) valid on `at`, each with its parent. */
export function subtreeUnitsOn(db: Database, unitId: string, at: Date) {
  return db.prisma.unit.findMany({
    where: { ancestors: { some: { ancestorId: unitId } }, active: true, ...validOn(at) },
    select: { ...unitSelect, parent: { select: unitSelect } },
  });
}

/** Full name of the first active justice agency (level AGENCY) directly under a unit on `at`, if any. */
export async function agencyNameUnder(db: Database, unitId: string, at: Date): Promise<string | null> {
  const row = await db.prisma.unit.findFirst({ where: { parentId: unitId, level: "AGENCY", active: true, ...validOn(at) }, select: { fullName: true }, orderBy: { code: "asc" } });
  return row?.fullName ?? null;
}

/** Active schedules (of `cadence`, or of id `scheduleId`) set on the unit or an ancestor, with their unit's depth. */
export function schedulesCovering(db: Database, unitId: string, cadence: Prisma.ReportingScheduleWhereInput["cadence"] | null, scheduleId?: string) {
  return db.prisma.reportingSchedule.findMany({
    where: { ...(cadence ? { cadence } : {}), ...(scheduleId ? { id: scheduleId } : {}), active: true, unit: { descendants: { some: { descendantId: unitId } } } },
    include: { unit: { select: { depth: true } } },
  });
}

/** First accepted (non-carried) submission of each unit per report date in [from, to]. */
export async function firstSubmissions(db: Database, unitIds: string[], from: string, to: string): Promise<{ unitId: string; date: string; at: Date }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.prisma.submission.groupBy({
    by: ["unitId", "reportDate"],
    where: { unitId: { in: unitIds }, status: "ACCEPTED", source: { not: "CARRIED" }, reportDate: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    _min: { submittedAt: true },
  });
  return rows.filter((r) => r.reportDate && r._min.submittedAt).map((r) => ({ unitId: r.unitId, date: r.reportDate!.toISOString().slice(0, 10), at: r._min.submittedAt! }));
}

/**
 * Each unit's share of the MONTH targets for the days [from, to]: Σ target × (days of the target's period in
 * [from, to]) / (days of the target's period). A unit's own targets if it has some, else the sum over its
 * subtree of the topmost units that have (a district target is not added to its communes' targets). One query.
 */
export async function periodTargetShares(db: Database, rootId: string, unitIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (unitIds.length === 0 || to < from) return new Map();
  const rows = await db.sql.$queryRawUnsafe<{ unitId: string; share: number | string }[]>(
    // Each target's cap: the distance to its nearest ancestor that has a target too; an ancestor at that distance
    // or beyond counts that one instead. (A NOT EXISTS over the closure per pair cost ~0,5 s for a province.)
    `WITH share AS (
       SELECT t."unitId", sum(t."entriesTarget"::float8 * (least(t."periodEnd", $4::date) - greatest(t."periodStart", $3::date) + 1) / (t."periodEnd" - t."periodStart" + 1)) AS s
         FROM "Target" t JOIN "UnitClosure" r ON r."descendantId" = t."unitId" AND r."ancestorId" = $2
        WHERE t."periodType" = 'MONTH' AND t."periodStart" <= $4::date AND t."periodEnd" >= $3::date
        GROUP BY t."unitId"),
     capped AS MATERIALIZED (
       SELECT s."unitId", s.s, min(up.distance) FILTER (WHERE s2."unitId" IS NOT NULL) AS cap
         FROM share s LEFT JOIN "UnitClosure" up ON up."descendantId" = s."unitId" AND up.distance > 0
         LEFT JOIN share s2 ON s2."unitId" = up."ancestorId"
        GROUP BY s."unitId", s.s)
     SELECT c."ancestorId" AS "unitId", sum(s.s)::float8 AS share
       FROM "UnitClosure" c JOIN capped s ON s."unitId" = c."descendantId"
      WHERE c."ancestorId" = ANY($1::text[]) AND (s.cap IS NULL OR c.distance < s.cap)
      GROUP BY c."ancestorId"`,
    unitIds, rootId, from, to,
  );
  return new Map(rows.map((r) => [r.unitId, Number(r.share)]));
}
