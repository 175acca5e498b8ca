/**
 * Reading roll-ups and snapshots. Reading a unit on any date is one index probe (the latest roll-up row at or
 * before the date), whatever the depth of the tree.
 */
import { PREPARED, type Sql } from "../../sql";
import { COUNT_COLUMNS, countsOf, isoDay, pick, type Counts, type RollupDbRow, type SnapshotDbRow } from "./counts";

export interface RollupRow extends Counts { unitId: string; date: string; lastReportAt: Date | null }

const rollupRow = (r: RollupDbRow): RollupRow => ({ unitId: r.unitId, date: isoDay(r.date), lastReportAt: r.lastReportAt, ...pick(r) });

/** Figures of each unit's subtree as of `date` (latest roll-up row at or before it); absent units have none yet. */
export async function rollupsAt(tx: Sql, unitIds: string[], date: string): Promise<Map<string, RollupRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<RollupDbRow[]>(
    // One index probe per unit (the latest row at or before the date), however long its history.
    `SELECT r."unitId", r."date", ${countsOf("r")}, r."lastReportAt"
       FROM unnest($1::text[]) AS u("id")
       CROSS JOIN LATERAL (
         SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT 1
       ) r`,
    unitIds, date,
  );
  return new Map(rows.map((r) => [r.unitId, rollupRow(r)]));
}

/** Daily cumulative series per unit over [from, to] (only days with a change; callers carry forward). */
export async function rollupSeries(tx: Sql, unitIds: string[], from: string, to: string): Promise<Map<string, RollupRow[]>> {
  const out = new Map<string, RollupRow[]>();
  if (unitIds.length === 0) return out;
  const rows = await tx.$queryRawUnsafe<RollupDbRow[]>(
    `(SELECT r."unitId", r."date", ${countsOf("r")}, r."lastReportAt"
        FROM unnest($1::text[]) AS u("id")
        CROSS JOIN LATERAL (
          SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" < $2::date ORDER BY x."date" DESC LIMIT 1
        ) r)
     UNION ALL
     (SELECT r."unitId", r."date", ${countsOf("r")}, r."lastReportAt"
        FROM unnest($1::text[]) AS u("id")
        CROSS JOIN LATERAL (
          SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" >= $2::date AND x."date" <= $3::date
        ) r)
     ORDER BY 1, 2`,
    unitIds, from, to,
  );
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push(rollupRow(r));
    out.set(r.unitId, list);
  }
  return out;
}

export interface ViewFigures {
  /** The unit's roll-up as of the view's date (none before anything was reported below it). */
  now: RollupRow | null;
  /** Digitized entries as of `before` (e.g. the day before the month began: what the month's output counts from). */
  before: number;
  /** Cumulative digitized entries over [from, date]: the value carried into the window first, then each day with a change. */
  series: { date: string; entriesDigitized: number }[];
}

// Prepared: the same shape for every view. Per unit, two index probes: the roll-up on the date, and one backward
// scan over the latest $3 rows at or before it, which reach every cut-off the view asks about (see viewFigures).
// The scan travels as text ("daysBack value …", newest first), several times cheaper to build and decode than JSON.
const VIEW_FIGURES = `${PREPARED}SELECT u."id" AS "unitId", n."date", ${countsOf("n")}, n."lastReportAt",
    (SELECT string_agg(($2::date - r."date") || ' ' || r."entriesDigitized", ' ') FROM (
       SELECT x."date", x."entriesDigitized" FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT $3
     ) r) AS "recent"
   FROM unnest($1::text[]) AS u("id")
   LEFT JOIN LATERAL (SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT 1) n ON true`;

/** A VIEW_FIGURES row: the roll-up fields are null for a unit with nothing reported yet. */
type ViewDbRow = Partial<RollupDbRow> & { unitId: string; date: Date | null; recent: string | null };

const DAY_MS = 86_400_000;
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** What a progress view shows of each unit, in one statement: figures as of `date`, the value at `before`, the series from `from`. */
export async function viewFigures(tx: Sql, unitIds: string[], q: { date: string; from: string; before: string }): Promise<Map<string, ViewFigures>> {
  const out = new Map<string, ViewFigures>();
  if (unitIds.length === 0) return out;
  // Roll-up rows exist only on days with a change, at most one a day: the latest (date − cut-off + 1) rows at or
  // before the date hold the last row at or before each cut-off (the day before the window, and `before`).
  const fromBack = daysFrom(q.from, q.date);
  const beforeBack = daysFrom(q.before, q.date);
  const limit = Math.max(fromBack + 1, beforeBack) + 1;
  const rows = await tx.$queryRawUnsafe<ViewDbRow[]>(VIEW_FIGURES, unitIds, q.date, limit);
  const dayOf = new Map<number, string>();
  const dateAt = (back: number) => {
    let d = dayOf.get(back);
    if (!d) dayOf.set(back, (d = shiftDay(q.date, -back)));
    return d;
  };
  for (const r of rows) {
    const parts = r.recent ? r.recent.split(" ") : [];
    const series: ViewFigures["series"] = [];
    let before: number | null = null;
    let seeded = false;
    // newest first: the window's days, then the value carried into it; `before` is the first at or past its cut-off
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const back = Number(parts[i]);
      const value = Number(parts[i + 1]);
      if (before === null && back >= beforeBack) before = value;
      if (back <= fromBack) series.push({ date: dateAt(back), entriesDigitized: value });
      else if (!seeded) {
        series.push({ date: dateAt(back), entriesDigitized: value });
        seeded = true;
      }
    }
    series.reverse();
    out.set(r.unitId, {
      now: r.date ? { unitId: r.unitId, date: isoDay(r.date), lastReportAt: r.lastReportAt ?? null, ...pick(r) } : null,
      before: before ?? 0,
      series,
    });
  }
  return out;
}

function shiftDay(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * SQL joining, to each unit `unitId` (an expression over the FROM items before it), every register kind `k` ×
 * phase `b` with its latest snapshot `p` at or before `date` (only where there is one): one index probe per
 * unit × kind × phase, so the cost does not grow with the units' history of daily reports. `columns`: what to
 * take of the snapshot `s`.
 */
export const latestSnapshotsJoin = (unitId: string, date: string, columns: string) => `CROSS JOIN "RegisterKind" k CROSS JOIN "BookPhase" b
  CROSS JOIN LATERAL (
    SELECT ${columns} FROM "ProgressSnapshot" s
     WHERE s."unitId" = ${unitId} AND s."registerKindId" = k."id" AND s."phaseId" = b."id" AND s."reportDate" <= ${date}
     ORDER BY s."reportDate" DESC, s."version" DESC LIMIT 1
  ) p`;

/** Latest accepted counts per (unit, kind, phase) at or before `date`, for the units given. */
export async function latestSnapshots(tx: Sql, unitIds: string[], date: string) {
  if (unitIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<(SnapshotDbRow & { submittedAt: Date; source: string; note: string | null })[]>(
    `SELECT p.* FROM unnest($1::text[]) AS u("id")
       ${latestSnapshotsJoin(`u."id"`, "$2::date", `"unitId", "registerKindId", "phaseId", "reportDate", "version", "submittedAt", "source", "note", ${COUNT_COLUMNS}`)}`,
    unitIds, date,
  );
  return rows.map((r) => ({ unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: isoDay(r.reportDate), version: r.version, submittedAt: r.submittedAt, source: r.source, note: r.note, counts: pick(r) }));
}

/** The latest date of a real report in a unit's subtree (the default "as of" date of views). */
export async function latestReportDate(tx: Sql, unitId: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ date: Date | null }[]>(
    `SELECT "lastReportDate" AS "date" FROM "UnitRollup" WHERE "unitId" = $1 ORDER BY "date" DESC LIMIT 1`,
    unitId,
  );
  return rows[0]?.date ? isoDay(rows[0].date) : null;
}
