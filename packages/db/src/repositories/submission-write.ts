/**
 * The whole write of submissions, accepted and refused, in one transaction: stored files, submission rows,
 * snapshots with their roll-up deltas, receipts and audit entries, in a handful of set-based statements (two round
 * trips on PostgreSQL). Cumulative figures an accepted sheet was validated against are checked again under its
 * units' locks; jobs that fell behind another writer are reported stale and the rest written without them.
 */
import type { Prisma } from "../generated/prisma/client";
import { PREPARED, type Sql, type Statement } from "../sql";
import type { Database } from "../connection";
import { lockUnitsStatements, recordSnapshots, type RecordOptions, type RecordedSnapshot, type SnapshotInput } from "./progress";
import { AUDIT_JSON_COLUMNS, auditJson, type AuditRow } from "./audit";

export type GuardedField = "entriesDigitized" | "entriesChecked" | "entriesLoaded" | "booksDigitized";

export interface SubmissionRowInput extends Omit<SnapshotInput, "meta"> {
  /** How the receipt names the row. */
  unitCode: string; kind: string; phase: string;
  /** Cumulative fields validation checked against the previous report: re-checked under the units' lock. */
  guard?: readonly GuardedField[] | undefined;
}

/** A submission's row as stored (its receipt is added here once versions are known). */
export interface SubmissionRecord {
  id: string; unitId: string; campaignId?: string | null; reportDate: Date; source: string; status: "ACCEPTED" | "REJECTED"; submittedById: string; submittedAt: Date;
  ip: string | null; userAgent: string | null; requestId: string | null; idempotencyKey: string | null; requestHash: string | null; checksum: string;
  templateCode: string | null; templateVersion: string; isCorrection: boolean; correctionReason: string | null; warningsAccepted: boolean;
  rowCount: number; errorCount: number; warningCount: number; issues: unknown; fileId?: string | null;
}

/** One line of a receipt: a snapshot written, its version and what it changed. */
export interface ReceiptChange { unitCode: string; registerKind: string; phase: string; version: number; entriesDigitized: number; delta: number }

export interface SubmissionJob {
  submission: SubmissionRecord;
  /** The sheet's grid, already serialized (its checksum was computed over the same text). */
  gridJson: string;
  file?: { id: string; filename: string; contentType: string; bytes: Uint8Array; sha256: string } | undefined;
  /** The figures to record (none for a refused submission). */
  rows: SubmissionRowInput[];
  audit: AuditRow;
  /** An accepted submission's receipt, without its changes (added from the versions written); none for a refused one. */
  receipt?: Record<string, unknown>;
}

/** What writeSubmissions answers for a job whose figures fell below those read under the lock: validate it again. */
export const STALE = Symbol("stale");

/** Thrown when jobs (indices) fall below the figures read under the lock: the transaction rolls back. */
export class StaleSubmissions extends Error {
  constructor(readonly jobs: Set<number>) {
    super("stale figures");
  }
}

/** Every column of Submission with its type in the JSON the rows travel as: a column added to the schema fails to compile here. */
const SUBMISSION_COLUMNS: Record<Prisma.SubmissionScalarFieldEnum, string> = {
  id: "text", unitId: "text", campaignId: "text", reportDate: "date", source: "text", status: "text", submittedById: "text", submittedAt: "timestamptz",
  ip: "text", userAgent: "text", requestId: "text", idempotencyKey: "text", requestHash: "text", checksum: "text", templateCode: "text",
  templateVersion: "text", isCorrection: "boolean", correctionReason: "text", warningsAccepted: "boolean", rowCount: "int",
  errorCount: "int", warningCount: "int", grid: "jsonb", issues: "jsonb", receipt: "jsonb", fileId: "text",
};
const columns = Object.entries(SUBMISSION_COLUMNS);
const cast = (c: string) => (c === "source" ? `x."source"::"SubmissionSource"` : c === "status" ? `x."status"::"SubmissionStatus"` : c === "submittedAt" ? `x."submittedAt" AT TIME ZONE 'UTC'` : `x."${c}"`);
/** The batch's submission rows in one statement; a retried Idempotency-Key fails it on the unique index. */
const INSERT_SUBMISSIONS = `${PREPARED}INSERT INTO "Submission" (${columns.map(([c]) => `"${c}"`).join(", ")})
  SELECT ${columns.map(([c]) => cast(c)).join(", ")}
    FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([c, t]) => `"${c}" ${t}`).join(", ")})`;

const auditInsert = (n: number) => `INSERT INTO "AuditLog" (${AUDIT_JSON_COLUMNS.names})
  SELECT ${AUDIT_JSON_COLUMNS.select("a")} FROM jsonb_to_recordset($${n}::jsonb) AS a(${AUDIT_JSON_COLUMNS.types})`;
const INSERT_AUDIT = `${PREPARED}${auditInsert(1)}`;
/** Receipts of submission rows written earlier in the transaction, and the audit entries, in one statement. */
const RECEIPTS_AND_AUDIT = `${PREPARED}WITH s AS (UPDATE "Submission" x SET "receipt" = ($1::jsonb -> x."id") WHERE x."id" = ANY($2::text[]))
  ${auditInsert(3)}`;
/**
 * The write's statements are prepared (sql.ts) and their shapes fit any batch: PostgreSQL's default would plan
 * some of them again on every call (a custom plan for the values at hand), which cost more than running them.
 */
const GENERIC_PLANS = `SET LOCAL plan_cache_mode = force_generic_plan`;
const INSERT_FILE = `INSERT INTO "StoredFile" ("id", "filename", "contentType", "size", "sha256", "data", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC')`;

/** The batch's submission rows as one JSON array, each sheet's grid spliced in as serialized when it arrived. */
function submissionsJson(jobs: SubmissionJob[], receipts: (unknown | null)[] | null): string {
  return `[${jobs
    .map((j, i) => {
      const row = { ...j.submission, fileId: j.file?.id ?? j.submission.fileId ?? null, receipt: receipts?.[i] ?? null };
      return `${JSON.stringify(row).slice(0, -1)},"grid":${j.gridJson}}`;
    })
    .join(",")}]`;
}

/** Jobs with a guarded field below the previous figures, among a wave's rows (`jobOf`: each row's job). */
function staleJobs(indices: number[], recorded: RecordedSnapshot[], rows: SubmissionRowInput[], jobOf: number[]): Set<number> {
  const stale = new Set<number>();
  indices.forEach((i, j) => {
    const prev = recorded[j]!.previous;
    const guard = rows[i]!.guard;
    if (!prev || !guard) return;
    if (guard.some((f) => rows[i]!.counts[f] < prev[f])) stale.add(jobOf[i]!);
  });
  return stale;
}

/**
 * Writes the jobs in `tx` and commits it (in the last round trip on PostgreSQL); each accepted job's receipt (null
 * for a refused one). Throws StaleSubmissions (nothing written) when an accepted job's figures fell behind.
 */
export async function writeSubmissions(tx: Sql, jobs: SubmissionJob[]): Promise<(Record<string, unknown> | null)[]> {
  for (const j of jobs) {
    if (!j.file) continue;
    const f = j.file;
    await tx.$executeRawUnsafe(INSERT_FILE, f.id, f.filename, f.contentType, f.bytes.length, f.sha256, Buffer.from(f.bytes), j.submission.submittedAt.toISOString());
  }
  // One metadata object per submission, shared by its rows (the insert sends it once per submission); rows built
  // field by field, without a spread per row on this hot path.
  const accepted: SubmissionRowInput[] = [];
  const jobOf: number[] = [];
  const rows: SnapshotInput[] = [];
  jobs.forEach((j, k) => {
    const s = j.submission;
    const meta: RecordOptions = { submissionId: s.id, source: s.source as RecordOptions["source"], submittedById: s.submittedById, submittedAt: s.submittedAt, checksum: s.checksum, isCorrection: s.isCorrection, correctionReason: s.correctionReason };
    for (const r of j.rows) {
      accepted.push(r);
      jobOf.push(k);
      rows.push({ unitId: r.unitId, registerKindId: r.registerKindId, phaseId: r.phaseId, reportDate: r.reportDate, counts: r.counts, note: r.note ?? null, meta });
    }
  });
  // Usually every unit × kind × phase × date of the batch is distinct (one wave): the submission rows then go in
  // the last round trip with their receipts. Otherwise (a sheet and its correction in one batch) they go first,
  // since earlier waves' snapshots reference them, and get their receipts at the end.
  const oneWave = new Set(rows.map((r) => `${r.unitId}|${r.registerKindId}|${r.phaseId}`)).size === rows.length;
  let receipts: (Record<string, unknown> | null)[] = [];
  const audit = () => auditJson(jobs.map((j) => j.audit));
  const before: Statement[] = rows.length ? [{ text: GENERIC_PLANS }, ...lockUnitsStatements(rows.map((r) => r.unitId))] : [];
  if (!oneWave) before.push({ text: INSERT_SUBMISSIONS, values: [submissionsJson(jobs, null)] });
  // Two round trips on PostgreSQL: the units' locks and previous values; then submission rows, receipts and audit
  // entries, snapshots, the roll-up lock and deltas, COMMIT: the roll-up lock is held only while the database
  // applies the deltas and commits, never across a round trip.
  const first = jobs[0]!.submission;
  await recordSnapshots(tx, rows, { submissionId: first.id, source: first.source as RecordOptions["source"], submittedById: first.submittedById, submittedAt: first.submittedAt, checksum: first.checksum, isCorrection: first.isCorrection, correctionReason: first.correctionReason }, {
    before,
    lateRollupLock: true,
    commit: true,
    check: (indices, recorded) => {
      const stale = staleJobs(indices, recorded, accepted, jobOf);
      if (stale.size > 0) throw new StaleSubmissions(stale);
    },
    after: (recorded) => {
      let k = 0;
      receipts = jobs.map((j) => {
        const mine = recorded.slice(k, (k += j.rows.length));
        if (!j.receipt) return null;
        const changes: ReceiptChange[] = mine.map((x, i) => ({ unitCode: j.rows[i]!.unitCode, registerKind: j.rows[i]!.kind, phase: j.rows[i]!.phase, version: x.version, entriesDigitized: x.counts.entriesDigitized, delta: x.delta.entriesDigitized }));
        return { ...j.receipt, changes };
      });
      return oneWave
        ? [{ text: INSERT_SUBMISSIONS, values: [submissionsJson(jobs, receipts)] }, { text: INSERT_AUDIT, values: [audit()] }]
        : [{ text: RECEIPTS_AND_AUDIT, values: [JSON.stringify(Object.fromEntries(jobs.map((j, i) => [j.submission.id, receipts[i]]))), jobs.map((j) => j.submission.id), audit()] }];
    },
  });
  return receipts;
}

/**
 * The jobs written together, again without their stale ones until none is left (each retry follows a rollback):
 * each job's receipt, null (refused), or STALE. A failed batch (e.g. a retried Idempotency-Key) throws.
 */
export async function writeSubmissionBatch(db: Database, jobs: SubmissionJob[]): Promise<(Record<string, unknown> | null | typeof STALE)[]> {
  const out: (Record<string, unknown> | null | typeof STALE)[] = new Array(jobs.length).fill(STALE);
  let live = jobs.map((_, i) => i);
  while (live.length > 0) {
    try {
      const receipts = await db.transaction((tx) => writeSubmissions(tx, live.map((i) => jobs[i]!)));
      live.forEach((i, k) => (out[i] = receipts[k]!));
      return out;
    } catch (err) {
      if (!(err instanceof StaleSubmissions)) throw err;
      live = live.filter((_, k) => !err.jobs.has(k));
    }
  }
  return out;
}
