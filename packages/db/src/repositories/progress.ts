/**
 * Progress storage and roll-ups.
 *
 * Snapshots are immutable and versioned per unit × register kind × phase × report date; the highest version
 * counts. `UnitRollup` holds, for every unit and every date on which something below it changed, the
 * cumulative figures of its whole subtree. A new snapshot changes its key's effective value on
 * [reportDate, next report date of the same key); that difference (delta) is added, set-based, to the
 * rows of every ancestor in that range, inside the same transaction as the snapshot. Reading a unit on any
 * date is then one index probe (the latest row at or before the date), whatever the depth of the tree.
 */
import { COMMIT, PREPARED, runBatch, type Sql, type Statement } from "../sql";
import type { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";

export type Tx = Prisma.TransactionClient | PrismaClient;

export interface Counts {
  booksTotal: number;
  booksDigitized: number;
  entriesTotal: number;
  entriesDigitized: number;
  entriesChecked: number;
  entriesLoaded: number;
}

export const COUNT_FIELDS = ["booksTotal", "booksDigitized", "entriesTotal", "entriesDigitized", "entriesChecked", "entriesLoaded"] as const;
export const ZERO: Counts = { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };

export type Source = "ADDIN" | "UPLOAD" | "CONSOLE" | "API" | "DEMO" | "CARRIED";

export interface SnapshotInput {
  unitId: string;
  registerKindId: string;
  phaseId: string;
  reportDate: string; // yyyy-mm-dd
  counts: Counts;
  note?: string | null;
  /** This row's submission, when one call records rows of several submissions (else the call's options). */
  meta?: RecordOptions;
}

export interface RecordOptions {
  submissionId: string | null;
  source: Source;
  submittedById: string | null;
  submittedAt: Date;
  checksum: string;
  isCorrection: boolean;
  correctionReason: string | null;
}

export interface RecordedSnapshot extends SnapshotInput {
  version: number;
  previous: Counts | null;
  delta: Counts;
}

const cols = COUNT_FIELDS.map((f) => `"${f}"`).join(", ");

/**
 * Serializes writers of roll-ups (PostgreSQL; PGlite has a single connection anyway). Writers of different units
 * still share ancestors — the province, the nation — and a roll-up row one writer has just materialized (at a
 * date the other did not touch) is invisible to the other until commit: running them side by side would lose a
 * delta or deadlock on the shared rows. So every writer takes one exclusive transaction-level lock; throughput
 * comes from group commit instead (everything that arrived meanwhile goes in the next transaction).
 */
export const LOCK_ROLLUPS: Statement = { text: `${PREPARED}SELECT pg_advisory_xact_lock(hashtextextended('units:all', 0))` };

export async function lockRollups(tx: Sql): Promise<void> {
  await tx.$executeRawUnsafe(LOCK_ROLLUPS.text);
}

interface PrevRow { unitId: string; registerKindId: string; phaseId: string; version: number; reportDate: Date; booksTotal: number; booksDigitized: number; entriesTotal: number; entriesDigitized: number; entriesChecked: number; entriesLoaded: number }

/**
 * Locks the given units' keys until the transaction ends, in a fixed order (so that two writers cannot deadlock):
 * a writer that holds them reads their latest versions and values, and nobody can add a version of theirs before
 * it commits. Writers first share one lock that a writer of many units (a reform's carry) takes alone
 * (lockAllUnits), rather than locking thousands of units one by one. Two-key advisory locks: a space apart from
 * LOCK_ROLLUPS's. Order of all writers: this, then LOCK_ROLLUPS.
 */
export function lockUnitsStatements(unitIds: string[]): Statement[] {
  return [
    { text: `${PREPARED}SELECT pg_advisory_xact_lock_shared(7000, 0)` },
    {
      values: [[...new Set(unitIds)]],
      text: `${PREPARED}SELECT pg_advisory_xact_lock(7001, k.h) FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($1::text[]) AS u ORDER BY 1) k`,
    },
  ];
}

/** Waits for every writer holding units' locks to finish and keeps new ones out until the transaction ends. */
export async function lockAllUnits(tx: Sql): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7000, 0)`);
}

export interface RecordAround {
  /** Statements sent with the first read, in the same round trip (e.g. locks, the submission rows). */
  before?: Statement[];
  /**
   * Statements sent in the last round trip once every version is known, before its snapshot inserts and the roll-up
   * deltas (e.g. the submission rows with their receipts, which the snapshots then reference).
   */
  after?: (recorded: RecordedSnapshot[]) => Statement[];
  /**
   * Take LOCK_ROLLUPS just before the first roll-up delta instead of expecting the caller to hold it: writers
   * then serialize only for the roll-ups, not for reading, planning and inserting snapshots. The caller must hold
   * the units' locks (lockUnitsStatements) from its first read.
   */
  lateRollupLock?: boolean;
  /** End with COMMIT, in the last round trip. */
  commit?: boolean;
  /**
   * Called with each wave's rows (indices into `rows`) and their versions and previous values, read under the units'
   * locks, before anything of the wave is written: throwing ends the write (the caller's transaction rolls back).
   */
  check?: (indices: number[], recorded: RecordedSnapshot[]) => void;
}

/**
 * Writes snapshots and maintains every ancestor's roll-up. Call inside a transaction, after lockRollups() (or with
 * `lateRollupLock` and the units locked).
 */
export async function recordSnapshots(tx: Sql, rows: SnapshotInput[], opts: RecordOptions, around: RecordAround = {}): Promise<RecordedSnapshot[]> {
  // Rows of the same unit × kind × phase interact (one's next date is the other's), so they go in
  // successive waves; within a wave every key is distinct and handled set-based.
  const waves: number[][] = [];
  const waveOf = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = `${r.unitId}|${r.registerKindId}|${r.phaseId}`;
    const w = (waveOf.get(k) ?? -1) + 1;
    waveOf.set(k, w);
    (waves[w] ??= []).push(i);
  });
  // Results in the order of `rows`, whatever wave each went in. Each round trip carries the writes of the
  // previous wave (the caller's `before` statements for the first) and the reads of the next; the last carries
  // the caller's `after` statements (e.g. receipts), the last writes, then the last deltas and COMMIT.
  const out: RecordedSnapshot[] = new Array(rows.length);
  let locked = !around.lateRollupLock;
  const deltasOf = (deltas: Statement[]) => {
    if (locked || deltas.length === 0) return deltas;
    locked = true;
    return [LOCK_ROLLUPS, ...deltas];
  };
  let pending: Statement[] = [...(around.before ?? [])];
  for (const [w, wave] of waves.entries()) {
    const waveRows = wave.map((i) => rows[i]!);
    const results = await runBatch(tx, [...pending, previousStatement(waveRows)]);
    const planned = planWave(results.at(-1) as PreviousRow[], waveRows, opts);
    around.check?.(wave, planned.recorded);
    wave.forEach((i, j) => (out[i] = planned.recorded[j]!));
    const last = w === waves.length - 1;
    pending = last
      ? [...(around.after?.(out) ?? []), ...planned.inserts, ...deltasOf(planned.deltas)]
      : [...planned.inserts, ...deltasOf(planned.deltas)];
  }
  if (waves.length === 0) pending.push(...(around.after?.(out) ?? []));
  await runBatch(tx, [...pending, ...(around.commit ? [COMMIT] : [])]);
  return out;
}

type PreviousRow = Partial<Omit<PrevRow, "reportDate">> & { i: number; reportDate: string | null; next: string | null };

/** Previous effective value of each key at its report date, and the key's next report date (set-based, one statement). */
function previousStatement(rows: SnapshotInput[]): Statement {
  const keys = JSON.stringify(rows.map((r, i) => ({ i, unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate })));
  const keyTable = `jsonb_to_recordset($1::jsonb) AS k(i int, "unitId" text, "registerKindId" text, "phaseId" text, "reportDate" date)`;
  return {
    rows: true,
    values: [keys],
    // dates as yyyy-mm-dd text, compared with the rows' as they are (parsing two dates per row cost more than the rest)
    text: `${PREPARED}SELECT k.i, p."version", to_char(p."reportDate", 'YYYY-MM-DD') AS "reportDate", ${COUNT_FIELDS.map((f) => `p."${f}"`).join(", ")}, to_char(n."next", 'YYYY-MM-DD') AS "next"
       FROM ${keyTable}
       LEFT JOIN LATERAL (
         SELECT * FROM "ProgressSnapshot" p
          WHERE p."unitId" = k."unitId" AND p."registerKindId" = k."registerKindId" AND p."phaseId" = k."phaseId" AND p."reportDate" <= k."reportDate"
          ORDER BY p."reportDate" DESC, p."version" DESC LIMIT 1
       ) p ON true
       LEFT JOIN LATERAL (
         SELECT min(x."reportDate") AS "next" FROM "ProgressSnapshot" x
          WHERE x."unitId" = k."unitId" AND x."registerKindId" = k."registerKindId" AND x."phaseId" = k."phaseId" AND x."reportDate" > k."reportDate"
       ) n ON true`,
  };
}

/** Versions and deltas of a wave's rows from their previous values, and the statements that write them. */
function planWave(prevRows: PreviousRow[], rows: SnapshotInput[], opts: RecordOptions): { recorded: RecordedSnapshot[]; inserts: Statement[]; deltas: Statement[] } {
  const prevOf = new Map(prevRows.filter((p) => p.version != null).map((p) => [Number(p.i), p as Omit<PrevRow, "reportDate"> & { i: number; reportDate: string }]));
  const nextOf = new Map(prevRows.filter((n) => n.next).map((n) => [Number(n.i), n.next!]));
  const out: RecordedSnapshot[] = [];
  const insert = new SnapshotRows();
  // Deltas grouped by (unit, from, until) so ancestors are updated once per group.
  const groups = new Map<string, DeltaGroup>();
  // Field by field (no spreads): a few objects per row, built for every sheet received.
  rows.forEach((r, i) => {
    const m = r.meta ?? opts;
    const p = prevOf.get(i);
    const version = p && p.reportDate === r.reportDate ? p.version + 1 : 1;
    const previous: Counts | null = p ? pick(p) : null;
    const delta = diff(r.counts, previous ?? ZERO);
    const until = nextOf.get(i) ?? null;
    insert.add(r.unitId, r.registerKindId, r.phaseId, r.reportDate, version, r.counts, r.note ?? null, m);
    out.push({ unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate, counts: r.counts, note: r.note, version, previous, delta });
    // Carried figures are not reports: they do not move "last report" markers.
    const at = m.source === "CARRIED" ? null : m.submittedAt;
    const key = `${r.unitId}|${r.reportDate}|${until}`;
    const g = groups.get(key);
    if (g) {
      g.delta = add(g.delta, delta);
      if (at && (!g.at || at > g.at)) g.at = at;
    } else groups.set(key, { unitId: r.unitId, from: r.reportDate, until, delta, at });
  });
  return { recorded: out, inserts: [insert.statement()], deltas: deltaStatements([...groups.values()]) };
}

export interface DeltaGroup {
  unitId: string;
  /** The change applies on [from, until); until null = from then on. */
  from: string;
  until: string | null;
  delta: Counts;
  /** When it was reported (moves "last report" markers); null for carried figures. */
  at: Date | null;
}

/**
 * The statements that add every group's delta to the roll-up rows of its unit and all their ancestors: two per
 * chunk of groups, whatever their number. First, rows are materialized at each group's `from` and `until` for
 * every ancestor by copying the latest row before that day (which holds the same figure, so the order of groups
 * does not matter); then each row gets the sum of the deltas of all groups whose range covers its date.
 */
function deltaStatements(groups: DeltaGroup[]): Statement[] {
  const live = groups.filter((g) => g.at || COUNT_FIELDS.some((f) => g.delta[f] !== 0));
  // Groups go in as a VALUES list, not a JSON parameter, so the planner knows how few there are and probes the
  // indexes; large sets (a reform's carry) go in chunks, each applied to the consistent state the last one left.
  const out: Statement[] = [];
  for (let i = 0; i < live.length; i += DELTA_CHUNK) out.push(...deltaChunk(live.slice(i, i + DELTA_CHUNK)));
  return out;
}

const DELTA_CHUNK = 250;
const PREPARED_GROUPS = 64;

function deltaChunk(groups: DeltaGroup[]): Statement[] {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const values = groups
    .map((g) => `(${p(g.unitId)}::text, ${p(g.from)}::date, ${p(g.until)}::date, ${p(g.at ? g.at.toISOString() : null)}::timestamptz, ${COUNT_FIELDS.map((f) => `${p(g.delta[f])}::bigint`).join(", ")})`)
    .join(", ");
  const groupTable = `(VALUES ${values}) AS g(u, f, t, "at", ${COUNT_FIELDS.map((f) => `"${f}"`).join(", ")})`;
  // Its shape depends only on the number of groups: prepared once per connection and count, up to a write's usual size.
  const mark = groups.length <= PREPARED_GROUPS ? PREPARED : "";
  return [
    {
      values: params,
      text: `${mark}WITH pairs AS (
       SELECT DISTINCT c."ancestorId" AS "unitId", d."day"
         FROM ${groupTable}
         JOIN "UnitClosure" c ON c."descendantId" = g.u
         CROSS JOIN LATERAL (SELECT g.f AS "day" UNION ALL SELECT g.t WHERE g.t IS NOT NULL) d
     )
     INSERT INTO "UnitRollup" ("unitId", "date", ${cols}, "lastReportAt", "lastReportDate")
     SELECT x."unitId", x."day", ${COUNT_FIELDS.map((f) => `COALESCE(p."${f}", 0)`).join(", ")}, p."lastReportAt", p."lastReportDate"
       FROM pairs x
       LEFT JOIN LATERAL (
         SELECT * FROM "UnitRollup" r WHERE r."unitId" = x."unitId" AND r."date" < x."day" ORDER BY r."date" DESC LIMIT 1
       ) p ON true
     ON CONFLICT ("unitId", "date") DO NOTHING`,
    },
    {
      values: params,
      text: `${mark}UPDATE "UnitRollup" r
        SET ${COUNT_FIELDS.map((f) => `"${f}" = r."${f}" + a."${f}"`).join(", ")},
            "lastReportAt" = CASE WHEN a."at" IS NULL THEN r."lastReportAt" ELSE GREATEST(r."lastReportAt", a."at") END,
            "lastReportDate" = CASE WHEN a."realDate" IS NULL THEN r."lastReportDate" ELSE GREATEST(r."lastReportDate", a."realDate") END
       FROM (
         SELECT x."unitId", x."date", ${COUNT_FIELDS.map((f) => `sum(g."${f}") AS "${f}"`).join(", ")},
                max(g."at" AT TIME ZONE 'UTC') AS "at", max(CASE WHEN g."at" IS NOT NULL THEN g.f END) AS "realDate"
           FROM ${groupTable}
           JOIN "UnitClosure" c ON c."descendantId" = g.u
           JOIN "UnitRollup" x ON x."unitId" = c."ancestorId" AND x."date" >= g.f AND (g.t IS NULL OR x."date" < g.t)
          GROUP BY x."unitId", x."date"
       ) a
      WHERE r."unitId" = a."unitId" AND r."date" = a."date"`,
    },
  ];
}

export interface RollupRow extends Counts { unitId: string; date: string; lastReportAt: Date | null }

/** Figures of each unit's subtree as of `date` (latest roll-up row at or before it); absent units have none yet. */
export async function rollupsAt(tx: Sql, unitIds: string[], date: string): Promise<Map<string, RollupRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<(Record<(typeof COUNT_FIELDS)[number], bigint> & { unitId: string; date: Date; lastReportAt: Date | null })[]>(
    // One index probe per unit (the latest row at or before the date), however long its history.
    `SELECT r."unitId", r."date", ${COUNT_FIELDS.map((f) => `r."${f}"`).join(", ")}, r."lastReportAt"
       FROM unnest($1::text[]) AS u("id")
       CROSS JOIN LATERAL (
         SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT 1
       ) r`,
    unitIds, date,
  );
  return new Map(rows.map((r) => [r.unitId, { unitId: r.unitId, date: r.date.toISOString().slice(0, 10), lastReportAt: r.lastReportAt, ...pick(r) }]));
}

/** Daily cumulative series per unit over [from, to] (only days with a change; callers carry forward). */
export async function rollupSeries(tx: Sql, unitIds: string[], from: string, to: string): Promise<Map<string, RollupRow[]>> {
  const out = new Map<string, RollupRow[]>();
  if (unitIds.length === 0) return out;
  const rows = await tx.$queryRawUnsafe<(Record<(typeof COUNT_FIELDS)[number], bigint> & { unitId: string; date: Date; lastReportAt: Date | null })[]>(
    `(SELECT r."unitId", r."date", ${COUNT_FIELDS.map((f) => `r."${f}"`).join(", ")}, r."lastReportAt"
        FROM unnest($1::text[]) AS u("id")
        CROSS JOIN LATERAL (
          SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" < $2::date ORDER BY x."date" DESC LIMIT 1
        ) r)
     UNION ALL
     (SELECT r."unitId", r."date", ${COUNT_FIELDS.map((f) => `r."${f}"`).join(", ")}, r."lastReportAt"
        FROM unnest($1::text[]) AS u("id")
        CROSS JOIN LATERAL (
          SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" >= $2::date AND x."date" <= $3::date
        ) r)
     ORDER BY 1, 2`,
    unitIds, from, to,
  );
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push({ unitId: r.unitId, date: r.date.toISOString().slice(0, 10), lastReportAt: r.lastReportAt, ...pick(r) });
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
const VIEW_FIGURES = `${PREPARED}SELECT u."id" AS "unitId", n."date", ${COUNT_FIELDS.map((f) => `n."${f}"`).join(", ")}, n."lastReportAt",
    (SELECT string_agg(($2::date - r."date") || ' ' || r."entriesDigitized", ' ') FROM (
       SELECT x."date", x."entriesDigitized" FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT $3
     ) r) AS "recent"
   FROM unnest($1::text[]) AS u("id")
   LEFT JOIN LATERAL (SELECT * FROM "UnitRollup" x WHERE x."unitId" = u."id" AND x."date" <= $2::date ORDER BY x."date" DESC LIMIT 1) n ON true`;

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
  type Row = Partial<Record<(typeof COUNT_FIELDS)[number], bigint>> & { unitId: string; date: Date | null; lastReportAt: Date | null; recent: string | null };
  const rows = await tx.$queryRawUnsafe<Row[]>(VIEW_FIGURES, unitIds, q.date, limit);
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
      now: r.date ? { unitId: r.unitId, date: r.date.toISOString().slice(0, 10), lastReportAt: r.lastReportAt, ...pick(r) } : null,
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
  const rows = await tx.$queryRawUnsafe<(PrevRow & { submittedAt: Date; source: string; note: string | null })[]>(
    `SELECT p.* FROM unnest($1::text[]) AS u("id")
       ${latestSnapshotsJoin(`u."id"`, "$2::date", `"unitId", "registerKindId", "phaseId", "reportDate", "version", "submittedAt", "source", "note", ${cols}`)}`,
    unitIds, date,
  );
  return rows.map((r) => ({ unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate.toISOString().slice(0, 10), version: r.version, submittedAt: r.submittedAt, source: r.source, note: r.note, counts: pick(r) }));
}

/** The latest date of a real report in a unit's subtree (the default "as of" date of views). */
export async function latestReportDate(tx: Sql, unitId: string): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ date: Date | null }[]>(
    `SELECT "lastReportDate" AS "date" FROM "UnitRollup" WHERE "unitId" = $1 ORDER BY "date" DESC LIMIT 1`,
    unitId,
  );
  return rows[0]?.date ? rows[0].date.toISOString().slice(0, 10) : null;
}

// Field by field: these run a few times for every row of every sheet received.
function pick(r: Partial<Record<keyof Counts, unknown>>): Counts {
  return {
    booksTotal: Number(r.booksTotal ?? 0), booksDigitized: Number(r.booksDigitized ?? 0), entriesTotal: Number(r.entriesTotal ?? 0),
    entriesDigitized: Number(r.entriesDigitized ?? 0), entriesChecked: Number(r.entriesChecked ?? 0), entriesLoaded: Number(r.entriesLoaded ?? 0),
  };
}
function diff(a: Counts, b: Counts): Counts {
  return {
    booksTotal: a.booksTotal - b.booksTotal, booksDigitized: a.booksDigitized - b.booksDigitized, entriesTotal: a.entriesTotal - b.entriesTotal,
    entriesDigitized: a.entriesDigitized - b.entriesDigitized, entriesChecked: a.entriesChecked - b.entriesChecked, entriesLoaded: a.entriesLoaded - b.entriesLoaded,
  };
}
function add(a: Counts, b: Counts): Counts {
  return {
    booksTotal: a.booksTotal + b.booksTotal, booksDigitized: a.booksDigitized + b.booksDigitized, entriesTotal: a.entriesTotal + b.entriesTotal,
    entriesDigitized: a.entriesDigitized + b.entriesDigitized, entriesChecked: a.entriesChecked + b.entriesChecked, entriesLoaded: a.entriesLoaded + b.entriesLoaded,
  };
}

/**
 * The straightforward computation, without roll-ups: latest snapshot per key at or before `date`, summed over
 * the subtree. Used to check the roll-ups and as the benchmark's baseline.
 */
export async function naiveRollupAt(tx: Tx, unitId: string, date: string): Promise<Counts> {
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
export async function rebuildRollups(tx: Tx): Promise<number> {
  await tx.$executeRawUnsafe(`DELETE FROM "UnitRollup"`);
  return tx.$executeRawUnsafe(
    `WITH eff AS (
       SELECT DISTINCT ON ("unitId", "registerKindId", "phaseId", "reportDate")
              "unitId", "registerKindId", "phaseId", "reportDate", "submittedAt", "source", ${cols}
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
     INSERT INTO "UnitRollup" ("unitId", "date", ${cols}, "lastReportAt", "lastReportDate")
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
 * Bulk insert for loads (demo, imports, benchmarks) and for recordSnapshots: one JSON parameter per batch,
 * parsed by the database, instead of tens of thousands of bind parameters. Roll-ups are not touched (loads call
 * rebuildRollups() after; recordSnapshots applies deltas).
 */
export async function bulkInsertSnapshots(tx: Sql, rows: BulkSnapshot[], batch = 20_000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const insert = new SnapshotRows();
    const metas = new Map<string, Parameters<SnapshotRows["add"]>[7]>();
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

/**
 * Snapshot rows for one INSERT statement, as two JSON parameters: the rows (short keys) and their submissions'
 * metadata, once per submission rather than once per row (a sheet's 14 rows share it).
 */
class SnapshotRows {
  private rows: { u: string; k: string; p: string; d: string; v: number; m: number; c: number[]; n: string | null }[] = [];
  private metas: { i: number; s: string | null; src: string; by: string | null; at: string; sum: string; corr: boolean; why: string | null }[] = [];
  /** By identity: the rows of one submission share their metadata object. */
  private metaIndex = new Map<object, number>();

  add(unitId: string, registerKindId: string, phaseId: string, reportDate: string, version: number, c: Counts, note: string | null, m: Omit<RecordOptions, "submittedAt"> & { submittedAt: Date | string }): void {
    let i = this.metaIndex.get(m);
    if (i === undefined) {
      i = this.metas.length;
      this.metaIndex.set(m, i);
      const at = typeof m.submittedAt === "string" ? m.submittedAt : m.submittedAt.toISOString();
      this.metas.push({ i, s: m.submissionId, src: m.source, by: m.submittedById, at, sum: m.checksum, corr: m.isCorrection, why: m.correctionReason });
    }
    this.rows.push({ u: unitId, k: registerKindId, p: phaseId, d: reportDate, v: version, m: i, c: [c.booksTotal, c.booksDigitized, c.entriesTotal, c.entriesDigitized, c.entriesChecked, c.entriesLoaded], n: note });
  }

  statement(): Statement {
    return { text: INSERT_SNAPSHOTS, values: [JSON.stringify(this.rows), JSON.stringify(this.metas)] };
  }
}

const INSERT_SNAPSHOTS = `${PREPARED}INSERT INTO "ProgressSnapshot" ("unitId", "registerKindId", "phaseId", "reportDate", "version", "submissionId", ${cols}, "source", "submittedById", "submittedAt", "checksum", "isCorrection", "correctionReason", "note")
  SELECT x.u, x.k, x.p, x.d, x.v, m.s, ${COUNT_FIELDS.map((_, i) => `(x.c ->> ${i})::int`).join(", ")},
         m.src::"SubmissionSource", m.by, m."at" AT TIME ZONE 'UTC', m.sum, m.corr, m.why, x.n
    FROM jsonb_to_recordset($1::jsonb) AS x(u text, k text, p text, d date, v int, m int, c jsonb, n text)
    JOIN jsonb_to_recordset($2::jsonb) AS m(i int, s text, src text, by text, "at" timestamptz, sum text, corr boolean, why text) ON m.i = x.m`;

/** Sum of counts (numbers), e.g. roll-up rows. */
export function sumCountsOf(list: Counts[]): Counts {
  const c = { ...ZERO };
  for (const x of list) for (const f of COUNT_FIELDS) c[f] += x[f];
  return c;
}
