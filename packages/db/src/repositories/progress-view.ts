/**
 * The reads of a progress view besides the roll-ups (progress/views.ts): the unit with its path and children,
 * a commune's kinds × phases, the month's targets and the deadlines in force. Every statement is prepared.
 */
import { PREPARED, type Sql } from "../sql";
import type { Database } from "../connection";
import { isoDate } from "../text";
import { COUNT_FIELDS, ZERO, latestSnapshotsJoin, type Counts } from "./progress";

/** A view's unit row: role 0 the unit, 1 an ancestor (from the top), 2 a child (by level and code). */
export interface ViewUnitRow { role: number; id: string; code: string; name: string; fullName: string; nameEn: string | null; level: string; parentId: string | null; validFrom: string; validTo: string | null; hasChildren: boolean }

const validOnDate = (a: string) => `${a}."active" AND ${a}."validFrom" <= $2::date AND (${a}."validTo" IS NULL OR ${a}."validTo" > $2::date)`;
const unitColumns = (a: string) => `${a}."id", ${a}."code", ${a}."name", ${a}."fullName", ${a}."nameEn", ${a}."level"::text AS "level", ${a}."parentId", to_char(${a}."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(${a}."validTo", 'YYYY-MM-DD') AS "validTo"`;
/**
 * A view's unit (by code, on the date, only inside the scope: the closure holds every unit as its own ancestor),
 * its path from the top and its children on that date (and whether each has children of its own), as plain
 * rows. (Built as one JSON document it cost several times more, in PostgreSQL and in decoding.)
 */
const VIEW_HEAD = `${PREPARED}WITH u AS (
  SELECT u.* FROM "Unit" u
   WHERE u."code" = $1 AND ${validOnDate("u")}
     AND EXISTS (SELECT 1 FROM "UnitClosure" c WHERE c."ancestorId" = $3 AND c."descendantId" = u."id")
   ORDER BY u."validFrom" DESC LIMIT 1
)
SELECT * FROM (
  SELECT 0 AS "role", 0 AS "distance", u."level" AS "sortLevel", ${unitColumns("u")}, false AS "hasChildren" FROM u
  UNION ALL
  SELECT 1, l."distance", a."level", ${unitColumns("a")}, true
    FROM u JOIN "UnitClosure" l ON l."descendantId" = u."id" AND l."distance" > 0 JOIN "Unit" a ON a."id" = l."ancestorId"
  UNION ALL
  SELECT 2, 0, c."level", ${unitColumns("c")}, coalesce(
      -- ordered like the (parentId, validFrom) index, so that it is probed rather than scanned (EXISTS was a scan)
      (SELECT true FROM "Unit" g WHERE g."parentId" = c."id" AND ${validOnDate("g")} ORDER BY g."parentId", g."validFrom" LIMIT 1), false)
    FROM u JOIN "Unit" c ON c."parentId" = u."id" WHERE ${validOnDate("c")}
) x ORDER BY x."role", x."distance" DESC, x."sortLevel", x."code"`;

/** The unit of code `code` on `date` inside the scope, its ancestors and its children; empty or without role 0 when none. */
export function viewUnits(sql: Sql, code: string, date: string, scopeUnitId: string): Promise<ViewUnitRow[]> {
  return sql.$queryRawUnsafe<ViewUnitRow[]>(VIEW_HEAD, code, date, scopeUnitId);
}

export interface KindPhaseSnapshot {
  registerKind: { code: string; nameVi: string; nameEn: string };
  phase: { code: string; nameVi: string; nameEn: string };
  counts: Counts;
  reportDate: string;
  version: number;
}

type KindPhaseDbRow = Partial<Record<(typeof COUNT_FIELDS)[number], number>> & { kindCode: string; kindVi: string; kindEn: string; phaseCode: string; phaseVi: string; phaseEn: string; reportDate: Date; version: number };

/** A unit's latest snapshot per register kind × phase at or before `date`, in the order of the kinds and phases. */
export async function kindPhaseSnapshots(sql: Sql, unitId: string, date: string): Promise<KindPhaseSnapshot[]> {
  const rows = await sql.$queryRawUnsafe<KindPhaseDbRow[]>(
    `${PREPARED}SELECT k."code" AS "kindCode", k."nameVi" AS "kindVi", k."nameEn" AS "kindEn", b."code" AS "phaseCode", b."nameVi" AS "phaseVi", b."nameEn" AS "phaseEn", p.*
       FROM (SELECT $1::text AS "id") u
       ${latestSnapshotsJoin(`u."id"`, "$2::date", `s."reportDate", s."version", ${COUNT_FIELDS.map((f) => `s."${f}"`).join(", ")}`)}
      ORDER BY k."sortOrder", b."sortOrder"`,
    unitId, date,
  );
  return rows.map((r) => {
    const counts = { ...ZERO };
    for (const f of COUNT_FIELDS) counts[f] = Number(r[f] ?? 0);
    return {
      registerKind: { code: r.kindCode, nameVi: r.kindVi, nameEn: r.kindEn },
      phase: { code: r.phaseCode, nameVi: r.phaseVi, nameEn: r.phaseEn },
      counts,
      reportDate: isoDate(r.reportDate),
      version: Number(r.version),
    };
  });
}

export interface MonthTarget { periodStart: string; periodEnd: string; entriesTarget: number }

/** Monthly target of each unit for the month containing `date`: the sum of its subtree's (its own included). */
export async function monthTargets(sql: Sql, unitIds: string[], date: string): Promise<Map<string, MonthTarget>> {
  const rows = await sql.$queryRawUnsafe<{ unitId: string; periodStart: Date; periodEnd: Date; entriesTarget: bigint }[]>(
    `${PREPARED}SELECT c."ancestorId" AS "unitId", min(t."periodStart") AS "periodStart", max(t."periodEnd") AS "periodEnd", sum(t."entriesTarget") AS "entriesTarget"
       FROM "Target" t JOIN "UnitClosure" c ON c."descendantId" = t."unitId"
      WHERE c."ancestorId" = ANY($1::text[]) AND t."periodType" = 'MONTH' AND t."periodStart" <= $2::date AND t."periodEnd" >= $2::date
      GROUP BY c."ancestorId"`,
    unitIds, date,
  );
  return new Map(rows.map((r) => [r.unitId, { periodStart: isoDate(r.periodStart), periodEnd: isoDate(r.periodEnd), entriesTarget: Number(r.entriesTarget) }]));
}

/** A unit's monthly targets (summed over its subtree) of the months overlapping [from, to], in order. */
export async function monthTargetsBetween(sql: Sql, unitId: string, from: string, to: string): Promise<{ periodStart: Date; periodEnd: Date; entriesTarget: number }[]> {
  const rows = await sql.$queryRawUnsafe<{ periodStart: Date; periodEnd: Date; entriesTarget: bigint }[]>(
    `SELECT t."periodStart", t."periodEnd", sum(t."entriesTarget") AS "entriesTarget"
       FROM "Target" t JOIN "UnitClosure" c ON c."descendantId" = t."unitId"
      WHERE c."ancestorId" = $1 AND t."periodType" = 'MONTH' AND t."periodEnd" >= $2::date AND t."periodStart" <= $3::date
      GROUP BY 1, 2 ORDER BY 1`,
    unitId, from, to,
  );
  return rows.map((r) => ({ periodStart: r.periodStart, periodEnd: r.periodEnd, entriesTarget: Number(r.entriesTarget) }));
}

/**
 * Deadline that applies to each unit: its own, else the nearest ancestor's (a district deadline applies to its
 * communes); for `unitId` without one, the latest anywhere below it (everyone must be done by then).
 */
export async function deadlinesInForce(sql: Sql, unitId: string, childIds: string[], date: string): Promise<Map<string, string>> {
  // Own or inherited deadlines by nearness, then (the last row) the latest deadline anywhere below the unit.
  const rows = await sql.$queryRawUnsafe<{ unitId: string; dueDate: Date | null }[]>(
    `${PREPARED}SELECT * FROM (
       SELECT c."descendantId" AS "unitId", d."dueDate", c.distance, false AS "below"
         FROM "Deadline" d JOIN "Campaign" k ON k.id = d."campaignId"
         JOIN "UnitClosure" c ON c."ancestorId" = d."unitId"
        WHERE c."descendantId" = ANY($1::text[]) AND k.active AND k."startDate" <= $2::date
       UNION ALL
       -- only deadlines of campaigns covering the unit: the nation does not take one province's deadline as its own
       SELECT $3, max(d."dueDate"), NULL, true FROM "Deadline" d JOIN "UnitClosure" c ON c."descendantId" = d."unitId"
         JOIN "Campaign" k ON k.id = d."campaignId" JOIN "UnitClosure" kc ON kc."ancestorId" = k."unitId" AND kc."descendantId" = $3
        WHERE c."ancestorId" = $3 AND k.active
     ) x ORDER BY x."below", x.distance`,
    [unitId, ...childIds], date, unitId,
  );
  const out = new Map<string, string>();
  for (const r of rows) if (r.dueDate && !out.has(r.unitId)) out.set(r.unitId, isoDate(r.dueDate));
  return out;
}

/** The day a unit came into being (yyyy-mm-dd); throws if there is no such unit. */
export async function unitValidFrom(db: Database, unitId: string): Promise<string> {
  const unit = await db.prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { validFrom: true } });
  return isoDate(unit.validFrom);
}
