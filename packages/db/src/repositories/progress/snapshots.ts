/**
 * Snapshots are immutable and versioned per unit × register kind × phase × report date; the highest version
 * counts. Writing one reads its key's previous value and next date, inserts it with the next version and adds
 * the difference to every ancestor's roll-up (deltas.ts), in the same transaction.
 */
import { COMMIT, PREPARED, runBatch, type Sql, type Statement } from "../../sql";
import { COUNT_COLUMNS, COUNT_FIELDS, ZERO, add, diff, pick, type Counts, type CountsRow, type Source } from "./counts";
import { deltaStatements, type DeltaGroup } from "./deltas";
import { LOCK_ROLLUPS } from "./locks";

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

/** A key's previous snapshot (none: its fields are null) and its next report date, as previousStatement reads them. */
type PreviousRow = Partial<CountsRow> & { index: number; version: number | null; reportDate: string | null; next: string | null };

/** Previous effective value of each key at its report date, and the key's next report date (set-based, one statement). */
function previousStatement(rows: SnapshotInput[]): Statement {
  const keys = JSON.stringify(rows.map((r, index) => ({ index, unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate })));
  const keyTable = `jsonb_to_recordset($1::jsonb) AS k("index" int, "unitId" text, "registerKindId" text, "phaseId" text, "reportDate" date)`;
  return {
    rows: true,
    values: [keys],
    // dates as yyyy-mm-dd text, compared with the rows' as they are (parsing two dates per row cost more than the rest)
    text: `${PREPARED}SELECT k."index", p."version", to_char(p."reportDate", 'YYYY-MM-DD') AS "reportDate", ${COUNT_FIELDS.map((f) => `p."${f}"`).join(", ")}, to_char(n."next", 'YYYY-MM-DD') AS "next"
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
  const prevOf = new Map(prevRows.filter((p) => p.version != null).map((p) => [Number(p.index), p]));
  const nextOf = new Map(prevRows.filter((n) => n.next).map((n) => [Number(n.index), n.next!]));
  const out: RecordedSnapshot[] = [];
  const insert = new SnapshotRows();
  // Deltas grouped by (unit, from, until) so ancestors are updated once per group.
  const groups = new Map<string, DeltaGroup>();
  // Field by field (no spreads): a few objects per row, built for every sheet received.
  rows.forEach((r, i) => {
    const m = r.meta ?? opts;
    const p = prevOf.get(i);
    const version = p && p.reportDate === r.reportDate ? p.version! + 1 : 1;
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

/** A snapshot row's metadata (its submission's), as sent once per submission. */
export type SnapshotMeta = Omit<RecordOptions, "submittedAt"> & { submittedAt: Date | string };

/**
 * Snapshot rows for one INSERT statement, as two JSON parameters: the rows and their submissions' metadata, once
 * per submission rather than once per row (a sheet's 14 rows share it).
 */
export class SnapshotRows {
  private rows: { unitId: string; registerKindId: string; phaseId: string; reportDate: string; version: number; meta: number; counts: number[]; note: string | null }[] = [];
  private metas: { index: number; submissionId: string | null; source: string; submittedById: string | null; submittedAt: string; checksum: string; isCorrection: boolean; correctionReason: string | null }[] = [];
  /** By identity: the rows of one submission share their metadata object. */
  private metaIndex = new Map<object, number>();

  add(unitId: string, registerKindId: string, phaseId: string, reportDate: string, version: number, c: Counts, note: string | null, m: SnapshotMeta): void {
    let index = this.metaIndex.get(m);
    if (index === undefined) {
      index = this.metas.length;
      this.metaIndex.set(m, index);
      const submittedAt = typeof m.submittedAt === "string" ? m.submittedAt : m.submittedAt.toISOString();
      this.metas.push({ index, submissionId: m.submissionId, source: m.source, submittedById: m.submittedById, submittedAt, checksum: m.checksum, isCorrection: m.isCorrection, correctionReason: m.correctionReason });
    }
    this.rows.push({ unitId, registerKindId, phaseId, reportDate, version, meta: index, counts: [c.booksTotal, c.booksDigitized, c.entriesTotal, c.entriesDigitized, c.entriesChecked, c.entriesLoaded], note });
  }

  statement(): Statement {
    return { text: INSERT_SNAPSHOTS, values: [JSON.stringify(this.rows), JSON.stringify(this.metas)] };
  }
}

const INSERT_SNAPSHOTS = `${PREPARED}INSERT INTO "ProgressSnapshot" ("unitId", "registerKindId", "phaseId", "reportDate", "version", "submissionId", ${COUNT_COLUMNS}, "source", "submittedById", "submittedAt", "checksum", "isCorrection", "correctionReason", "note")
  SELECT x."unitId", x."registerKindId", x."phaseId", x."reportDate", x."version", m."submissionId", ${COUNT_FIELDS.map((_, i) => `(x."counts" ->> ${i})::int`).join(", ")},
         m."source"::"SubmissionSource", m."submittedById", m."submittedAt" AT TIME ZONE 'UTC', m."checksum", m."isCorrection", m."correctionReason", x."note"
    FROM jsonb_to_recordset($1::jsonb) AS x("unitId" text, "registerKindId" text, "phaseId" text, "reportDate" date, "version" int, "meta" int, "counts" jsonb, "note" text)
    JOIN jsonb_to_recordset($2::jsonb) AS m("index" int, "submissionId" text, "source" text, "submittedById" text, "submittedAt" timestamptz, "checksum" text, "isCorrection" boolean, "correctionReason" text) ON m."index" = x."meta"`;
