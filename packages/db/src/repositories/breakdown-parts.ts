/**
 * The parts a subtree's kinds × phases are summed from, so that a server can keep each unit's part until its
 * version stamp moves (view-stamps.ts) and read again only the units written since: every unit of the subtree with
 * its stamp, and the units' own latest snapshots per kind × phase.
 */
import { PREPARED, type Sql } from "../sql";
import { COUNT_FIELDS, latestSnapshotsJoin, type Counts } from "./progress";

export interface SubtreeStamps { global: bigint; units: { id: string; version: bigint }[] }

const SUBTREE_STAMPS = `${PREPARED}SELECT c."descendantId" AS "id", coalesce(s."version", 0) AS "version", (SELECT g."version" FROM "ViewStamp" g WHERE g."unitId" = '*') AS "global"
  FROM "UnitClosure" c LEFT JOIN "ViewStamp" s ON s."unitId" = c."descendantId"
 WHERE c."ancestorId" = $1`;

/** Every unit of a unit's subtree (itself included) with its stamp, and the stamp '*'. */
export async function subtreeStamps(tx: Sql, unitId: string): Promise<SubtreeStamps> {
  const rows = await tx.$queryRawUnsafe<{ id: string; version: bigint | number; global: bigint | number | null }[]>(SUBTREE_STAMPS, unitId);
  return { global: BigInt(rows[0]?.global ?? 0), units: rows.map((r) => ({ id: r.id, version: BigInt(r.version) })) };
}

export interface OwnBreakdownRow {
  unitId: string;
  registerKind: { id: string; code: string; nameVi: string; nameEn: string; sortOrder: number };
  phase: { id: string; code: string; nameVi: string; nameEn: string; sortOrder: number };
  counts: Counts;
  reportDate: string;
}

const OWN_BREAKDOWN = `${PREPARED}SELECT u."id" AS "unitId", k."id" AS "kindId", k."code" AS "kindCode", k."nameVi" AS "kindVi", k."nameEn" AS "kindEn", k."sortOrder" AS "kindSort",
       b."id" AS "phaseId", b."code" AS "phaseCode", b."nameVi" AS "phaseVi", b."nameEn" AS "phaseEn", b."sortOrder" AS "phaseSort", p.*
  FROM unnest($1::text[]) AS u("id")
  ${latestSnapshotsJoin(`u."id"`, "$2::date", `to_char(s."reportDate", 'YYYY-MM-DD') AS "reportDate", ${COUNT_FIELDS.map((f) => `s."${f}"`).join(", ")}`)}`;

/** Each unit's own latest snapshot per kind × phase at or before `date` (only where there is one). */
export async function ownBreakdowns(tx: Sql, unitIds: string[], date: string): Promise<OwnBreakdownRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<(Record<string, unknown> & { unitId: string; reportDate: string })[]>(OWN_BREAKDOWN, unitIds, date);
  return rows.map((r) => {
    const counts = {} as Counts;
    for (const f of COUNT_FIELDS) counts[f] = Number(r[f] ?? 0);
    return {
      unitId: r.unitId,
      registerKind: { id: String(r.kindId), code: String(r.kindCode), nameVi: String(r.kindVi), nameEn: String(r.kindEn), sortOrder: Number(r.kindSort) },
      phase: { id: String(r.phaseId), code: String(r.phaseCode), nameVi: String(r.phaseVi), nameEn: String(r.phaseEn), sortOrder: Number(r.phaseSort) },
      counts, reportDate: r.reportDate,
    };
  });
}
