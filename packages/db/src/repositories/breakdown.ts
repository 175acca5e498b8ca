/**
 * Figures per register kind × phase summed over a unit's whole subtree as of a date: each unit's latest snapshot
 * of each key (carried figures included, as in the roll-ups, so the rows add up to the unit's total). One statement.
 */
import { PREPARED, type Sql } from "../sql";
import { COUNT_FIELDS, latestSnapshotsJoin, type Counts } from "./progress";

export interface SubtreeBreakdownRow {
  registerKind: { code: string; nameVi: string; nameEn: string };
  phase: { code: string; nameVi: string; nameEn: string };
  counts: Counts;
  /** The latest report date among the units summed. */
  reportDate: string;
  /** How many units have figures for this kind × phase. */
  units: number;
}

const SUBTREE_BREAKDOWN = `${PREPARED}SELECT k."code" AS "kindCode", k."nameVi" AS "kindVi", k."nameEn" AS "kindEn", b."code" AS "phaseCode", b."nameVi" AS "phaseVi", b."nameEn" AS "phaseEn",
       ${COUNT_FIELDS.map((f) => `sum(p."${f}") AS "${f}"`).join(", ")}, to_char(max(p."reportDate"), 'YYYY-MM-DD') AS "reportDate", count(*) AS "units"
  FROM "UnitClosure" c
  ${latestSnapshotsJoin(`c."descendantId"`, "$2::date", `s."reportDate", ${COUNT_FIELDS.map((f) => `s."${f}"`).join(", ")}`)}
 WHERE c."ancestorId" = $1
 GROUP BY k."id", b."id"
 ORDER BY min(k."sortOrder"), min(b."sortOrder")`;

type Row = Record<(typeof COUNT_FIELDS)[number], bigint | null> & { kindCode: string; kindVi: string; kindEn: string; phaseCode: string; phaseVi: string; phaseEn: string; reportDate: string; units: bigint };

export async function subtreeBreakdown(tx: Sql, unitId: string, date: string): Promise<SubtreeBreakdownRow[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(SUBTREE_BREAKDOWN, unitId, date);
  return rows.map((r) => {
    const counts = {} as Counts;
    for (const f of COUNT_FIELDS) counts[f] = Number(r[f] ?? 0);
    return {
      registerKind: { code: r.kindCode, nameVi: r.kindVi, nameEn: r.kindEn },
      phase: { code: r.phaseCode, nameVi: r.phaseVi, nameEn: r.phaseEn },
      counts, reportDate: r.reportDate, units: Number(r.units),
    };
  });
}
