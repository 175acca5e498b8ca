/** Bulk loads (demo, imports, benchmarks), the roll-ups rebuilt from scratch, and the plain computation that checks them. */
import type { Sql } from "../../sql";
import { COUNT_COLUMNS, COUNT_FIELDS, pick, type Counts, type Source } from "./counts";
import { SnapshotRows, type SnapshotMeta } from "./snapshots";

/**
 * The straightforward computation, without roll-ups: latest snapshot per key at or before `date`, summed over
 * the subtree. Used to check the roll-ups and as the benchmark's baseline.
 */
export async function naiveRollupAt(tx: Sql, unitId: string, date: string): Promise<Counts> {
  const rows = await tx.$queryRawUnsafe<Record<string, bigint | null>[]>(
    `SELECT ${COUNT_FIELDS.map((f) => `sum(s."${f}") AS "${f}"`).join(", ")}
       FROM (SELECT DISTINCT ON (p."unitId", p."registerKindId", p."phaseId") p.*
               FROM "ProgressSnapshot" p JOIN "UnitClosure" c ON c."descendantId" = p."unitId"
              WHERE c."ancestorId" = $1 AND p."reportDate" <= $2::date
              ORDER BY p."unitId", p."registerKindId", p."phaseId", p."reportDate" DESC, p."version" DESC) s`,
    unitId, date,
  );
  return pick(rows[0] ?? {});
}

/**
 * Rebuilds UnitRollup from the snapshots in one set-based statement (bulk loads, repairs, benchmarks).
 * Same result as maintaining it incrementally with recordSnapshots().
 */
export async function rebuildRollups(tx: Sql): Promise<number> {
  await tx.$executeRawUnsafe(`DELETE FROM "UnitRollup"`);
  return tx.$executeRawUnsafe(
    `WITH eff AS (
       SELECT DISTINCT ON ("unitId", "registerKindId", "phaseId", "reportDate")
              "unitId", "registerKindId", "phaseId", "reportDate", "submittedAt", "source", ${COUNT_COLUMNS}
         FROM "ProgressSnapshot"
        ORDER BY "unitId", "registerKindId", "phaseId", "reportDate", "version" DESC
     ), deltas AS (
       SELECT "unitId", "reportDate", CASE WHEN "source" = 'CARRIED' THEN NULL ELSE "submittedAt" END AS "submittedAt",
              CASE WHEN "source" = 'CARRIED' THEN NULL ELSE "reportDate" END AS "realDate",
              ${COUNT_FIELDS.map((f) => `"${f}" - COALESCE(lag("${f}") OVER w, 0) AS "${f}"`).join(", ")}
         FROM eff
       WINDOW w AS (PARTITION BY "unitId", "registerKindId", "phaseId" ORDER BY "reportDate")
     ), per_ancestor AS (
       SELECT c."ancestorId" AS "unitId", d."reportDate" AS "date", max(d."submittedAt") AS "at", max(d."realDate") AS "realDate",
              ${COUNT_FIELDS.map((f) => `sum(d."${f}") AS "${f}"`).join(", ")}
         FROM deltas d JOIN "UnitClosure" c ON c."descendantId" = d."unitId"
        GROUP BY 1, 2
     )
     INSERT INTO "UnitRollup" ("unitId", "date", ${COUNT_COLUMNS}, "lastReportAt", "lastReportDate")
     SELECT "unitId", "date",
            ${COUNT_FIELDS.map((f) => `sum("${f}") OVER w`).join(", ")},
            max("at") OVER w, max("realDate") OVER w
       FROM per_ancestor
     WINDOW w AS (PARTITION BY "unitId" ORDER BY "date" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  );
}

export interface BulkSnapshot extends Counts {
  unitId: string; registerKindId: string; phaseId: string; reportDate: string; version: number;
  submissionId: string | null; source: Source; submittedById: string | null; submittedAt: string; checksum: string;
  isCorrection?: boolean; correctionReason?: string | null; note?: string | null;
}

/**
 * Bulk insert: one JSON parameter per batch, parsed by the database, instead of tens of thousands of bind
 * parameters. Roll-ups are not touched (loads call rebuildRollups() after).
 */
export async function bulkInsertSnapshots(tx: Sql, rows: BulkSnapshot[], batch = 20_000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const insert = new SnapshotRows();
    const metas = new Map<string, SnapshotMeta>();
    for (const r of rows.slice(i, i + batch)) {
      const key = [r.submissionId, r.source, r.submittedById, r.submittedAt, r.checksum, r.isCorrection, r.correctionReason].join("\u0000");
      let m = metas.get(key);
      if (!m) {
        m = { submissionId: r.submissionId, source: r.source, submittedById: r.submittedById, submittedAt: r.submittedAt, checksum: r.checksum, isCorrection: r.isCorrection ?? false, correctionReason: r.correctionReason ?? null };
        metas.set(key, m);
      }
      insert.add(r.unitId, r.registerKindId, r.phaseId, r.reportDate, r.version, r, r.note ?? null, m);
    }
    const st = insert.statement();
    await tx.$executeRawUnsafe(st.text, ...st.values!);
  }
}
