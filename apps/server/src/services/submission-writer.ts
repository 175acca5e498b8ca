/**
 * Writing accepted submissions, with group commit: submissions that arrive while a write is in progress are
 * written together in the next transaction (their snapshots, roll-up deltas, receipts and audit entries in a
 * handful of set-based statements), so the cost per submission falls as load rises. Each keeps its own
 * submission row, versions, receipt and audit entry; if a batch fails (e.g. two retries with one
 * Idempotency-Key), its submissions are written one by one so that one cannot fail the others.
 */
import { PREPARED, lockUnitsStatements, recordSnapshots, type Database, type RecordOptions, type SnapshotInput, type RecordedSnapshot } from "@sohoa/db";
import type { auditValues } from "../lib/audit";
import { batched } from "../lib/batched";
import { uuidv7 } from "../lib/crypto";

export type GuardedField = "entriesDigitized" | "entriesChecked" | "entriesLoaded" | "booksDigitized";

export interface AcceptedRow extends SnapshotInput {
  unitCode: string; kind: string; phase: string;
  /** Cumulative fields validation checked against the previous report: re-checked under the units' lock. */
  guard?: readonly GuardedField[] | undefined;
}

/** What a writer answers for a job whose figures fell below those read under the lock: validate it again. */
export const STALE = Symbol("stale");

export interface AcceptedJob {
  /** The submission row, id included (generated before writing). */
  submission: SubmissionRow;
  /** The sheet's grid, already serialized (its checksum was computed over the same text). */
  gridJson: string;
  file?: { filename: string; contentType: string; bytes: Uint8Array; sha256: string } | undefined;
  rows: AcceptedRow[];
  meta: Omit<RecordOptions, "submissionId">;
  audit: ReturnType<typeof auditValues>;
  /** The receipt, once versions are known. */
  receipt: (recorded: RecordedSnapshot[]) => unknown;
}

/** An accepted submission's row (its receipt is added once versions are known). */
export interface SubmissionRow {
  id: string; unitId: string; reportDate: Date; source: string; status: "ACCEPTED"; submittedById: string; submittedAt: Date;
  ip: string | null; userAgent: string | null; requestId: string | null; idempotencyKey: string | null; requestHash: string | null; checksum: string;
  templateCode: string | null; templateVersion: string; isCorrection: boolean; correctionReason: string | null; warningsAccepted: boolean;
  rowCount: number; errorCount: number; warningCount: number; issues: unknown; fileId?: string | null;
  receipt?: unknown;
}

const SUBMISSION_COLUMNS: [string, string][] = [
  ["id", "text"], ["unitId", "text"], ["reportDate", "date"], ["source", "text"], ["status", "text"], ["submittedById", "text"], ["submittedAt", "timestamptz"],
  ["ip", "text"], ["userAgent", "text"], ["requestId", "text"], ["idempotencyKey", "text"], ["requestHash", "text"], ["checksum", "text"], ["templateCode", "text"],
  ["templateVersion", "text"], ["isCorrection", "boolean"], ["correctionReason", "text"], ["warningsAccepted", "boolean"], ["rowCount", "int"],
  ["errorCount", "int"], ["warningCount", "int"], ["grid", "jsonb"], ["issues", "jsonb"], ["fileId", "text"], ["receipt", "jsonb"],
];
const cast = (c: string) => (c === "source" ? `x."source"::"SubmissionSource"` : c === "status" ? `x."status"::"SubmissionStatus"` : c === "submittedAt" ? `x."submittedAt" AT TIME ZONE 'UTC'` : `x."${c}"`);
/** The batch's submission rows in one statement; a retried Idempotency-Key fails it on the unique index. */
const INSERT_SUBMISSIONS = `${PREPARED}INSERT INTO "Submission" (${SUBMISSION_COLUMNS.map(([c]) => `"${c}"`).join(", ")})
  SELECT ${SUBMISSION_COLUMNS.map(([c]) => cast(c)).join(", ")}
    FROM jsonb_to_recordset($1::jsonb) AS x(${SUBMISSION_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")})`;

/** The batch's submission rows as one JSON array, each sheet's grid spliced in as serialized when it arrived. */
function submissionsJson(jobs: AcceptedJob[]): string {
  return `[${jobs.map((j) => `${JSON.stringify(j.submission).slice(0, -1)},"grid":${j.gridJson}}`).join(",")}]`;
}

/** At most this many submissions in one transaction. */
const MAX_JOBS = 64;
/**
 * Write transactions in flight per process. Each locks only its own units while it reads their latest versions and
 * inserts its rows; writers serialize only for the roll-up deltas (they share the province's and the nation's rows),
 * which run inside the database in the last round trip. So a second writer overlaps most of the first's work.
 */
const WRITERS = 2;

/** Sizes of the batches written in this process (the ingest benchmark reports them). */
export const batchSizes: number[] = [];

const write = batched(
  (db: Database, jobs: AcceptedJob[]) => {
    batchSizes.push(jobs.length);
    return writeBatch(db, jobs);
  },
  { concurrency: WRITERS, max: MAX_JOBS },
);

/**
 * Writes an accepted submission (possibly together with others) and returns its receipt, or STALE when another
 * writer got in first with higher cumulative figures than those it was validated against.
 */
export function writeAccepted<R>(db: Database, job: AcceptedJob): Promise<R | typeof STALE> {
  return write(db, job) as Promise<R | typeof STALE>;
}

/** Thrown inside the write when jobs (indices) fall below the figures read under the lock: the transaction rolls back. */
class StaleJobs extends Error {
  constructor(readonly jobs: Set<number>) {
    super("stale figures");
  }
}

/** The batch, written again without its stale jobs until none is left (each retry follows a rollback). */
async function writeBatch(db: Database, jobs: AcceptedJob[]): Promise<unknown[]> {
  const out: unknown[] = new Array(jobs.length).fill(STALE);
  let live = jobs.map((_, i) => i);
  while (live.length > 0) {
    try {
      const receipts = await writeOnce(db, live.map((i) => jobs[i]!));
      live.forEach((i, k) => (out[i] = receipts[k]));
      return out;
    } catch (err) {
      if (!(err instanceof StaleJobs)) throw err;
      live = live.filter((_, k) => !err.jobs.has(k));
    }
  }
  return out;
}

/** Jobs with a guarded field below the previous figures, among a wave's rows (`jobOf`: each row's job). */
function staleJobs(indices: number[], recorded: RecordedSnapshot[], rows: AcceptedRow[], jobOf: number[]): Set<number> {
  const stale = new Set<number>();
  indices.forEach((i, j) => {
    const prev = recorded[j]!.previous;
    const guard = rows[i]!.guard;
    if (!prev || !guard) return;
    if (guard.some((f) => rows[i]!.counts[f] < prev[f])) stale.add(jobOf[i]!);
  });
  return stale;
}

async function writeOnce(db: Database, jobs: AcceptedJob[]): Promise<unknown[]> {
  // Validation read the previous figures before this lock; they are checked again under it (issue 19).
  const accepted = jobs.flatMap((j) => j.rows);
  const jobOf = jobs.flatMap((j, k) => j.rows.map(() => k));
  return db.transaction(async (tx) => {
    for (const j of jobs) {
      if (!j.file) continue;
      const fileId = uuidv7(j.submission.submittedAt.getTime());
      await tx.$executeRawUnsafe(
        `INSERT INTO "StoredFile" ("id", "filename", "contentType", "size", "sha256", "data", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC')`,
        fileId, j.file.filename, j.file.contentType, j.file.bytes.length, j.file.sha256, Buffer.from(j.file.bytes), j.submission.submittedAt.toISOString(),
      );
      j.submission.fileId = fileId;
    }
    // One metadata object per submission, shared by its rows (the insert sends it once per submission); rows built
    // field by field, without a spread per row on this hot path.
    const rows: SnapshotInput[] = [];
    for (const j of jobs) {
      const m = j.meta;
      const meta: RecordOptions = { submissionId: j.submission.id, source: m.source, submittedById: m.submittedById, submittedAt: m.submittedAt, checksum: m.checksum, isCorrection: m.isCorrection, correctionReason: m.correctionReason };
      for (const r of j.rows) rows.push({ unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate, counts: r.counts, note: r.note ?? null, meta });
    }
    // Usually every unit × kind × phase × date of the batch is distinct (one wave): the submission rows then go in
    // the last round trip with their receipts. Otherwise (a sheet and its correction in one batch) they go first,
    // since earlier waves' snapshots reference them, and get their receipts at the end.
    const oneWave = new Set(rows.map((r) => `${r.unitId}|${r.registerKindId}|${r.phaseId}`)).size === rows.length;
    const submissions = () => ({ text: INSERT_SUBMISSIONS, values: [submissionsJson(jobs)] });
    let receipts: unknown[] = [];
    // Two round trips on PostgreSQL: the units' locks and previous values; then submission rows, receipts and audit
    // entries, snapshots, the roll-up lock and deltas, COMMIT: the roll-up lock is held only while the database
    // applies the deltas and commits, never across a round trip. A retried Idempotency-Key fails the batch on the
    // submissions' unique index, once the first write has committed.
    await recordSnapshots(tx, rows, { ...jobs[0]!.meta, submissionId: jobs[0]!.submission.id }, {
      before: [
        { text: GENERIC_PLANS },
        ...lockUnitsStatements(rows.map((r) => r.unitId)),
        ...(oneWave ? [] : [submissions()]),
      ],
      lateRollupLock: true,
      commit: true,
      check: (indices, recorded) => {
        const stale = staleJobs(indices, recorded, accepted, jobOf);
        if (stale.size > 0) throw new StaleJobs(stale);
      },
      after: (recorded) => {
        let k = 0;
        receipts = jobs.map((j) => j.receipt(recorded.slice(k, (k += j.rows.length))));
        jobs.forEach((j, i) => (j.submission.receipt = receipts[i]));
        const audit = JSON.stringify(jobs.map((j) => ({ ...j.audit, at: j.audit.at.toISOString(), details: j.audit.details ?? null })));
        return oneWave
          ? [submissions(), { text: INSERT_AUDIT, values: [audit] }]
          : [{ text: RECEIPTS_AND_AUDIT, values: [JSON.stringify(Object.fromEntries(jobs.map((j, i) => [j.submission.id, receipts[i]]))), jobs.map((j) => j.submission.id), audit] }];
      },
    });
    return receipts;
  });
}

/** The batch's audit entries from JSON parameter $n. */
const auditInsert = (n: number) => `INSERT INTO "AuditLog" ("at", "userId", "username", "action", "entity", "entityId", "unitId", "ip", "userAgent", "requestId", "details")
  SELECT a."at" AT TIME ZONE 'UTC', a."userId", a."username", a."action", a."entity", a."entityId", a."unitId", a."ip", a."userAgent", a."requestId", a."details"
    FROM jsonb_to_recordset($${n}::jsonb) AS a("at" timestamptz, "userId" text, "username" text, "action" text, "entity" text, "entityId" text, "unitId" text, "ip" text, "userAgent" text, "requestId" text, "details" jsonb)`;
const INSERT_AUDIT = `${PREPARED}${auditInsert(1)}`;
/** Receipts of submission rows written earlier in the transaction, and the audit entries, in one statement. */
const RECEIPTS_AND_AUDIT = `${PREPARED}WITH s AS (UPDATE "Submission" x SET "receipt" = ($1::jsonb -> x."id") WHERE x."id" = ANY($2::text[]))
  ${auditInsert(3)}`;
/**
 * The write's statements are prepared (sql.ts) and their shapes fit any batch: PostgreSQL's default would plan
 * some of them again on every call (a custom plan for the values at hand), which cost more than running them.
 */
const GENERIC_PLANS = `SET LOCAL plan_cache_mode = force_generic_plan`;
