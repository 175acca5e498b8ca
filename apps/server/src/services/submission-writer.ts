/**
 * Writing accepted submissions, with group commit: submissions that arrive while a write is in progress are
 * written together in the next transaction (their snapshots, roll-up deltas, receipts and audit entries in a
 * handful of set-based statements), so the cost per submission falls as load rises. Each keeps its own
 * submission row, versions, receipt and audit entry; if a batch fails (e.g. two retries with one
 * Idempotency-Key), its submissions are written one by one so that one cannot fail the others.
 */
import type { Prisma } from "@sohoa/db";
import { lockUnits, recordSnapshots, type Database, type RecordOptions, type SnapshotInput, type RecordedSnapshot } from "@sohoa/db";
import type { auditValues } from "../lib/audit";

export interface AcceptedRow extends SnapshotInput { unitCode: string; kind: string; phase: string }

export interface AcceptedJob {
  /** The submission row, id included (generated before writing). */
  submission: Prisma.SubmissionCreateManyInput & { id: string };
  file?: { filename: string; contentType: string; bytes: Uint8Array; sha256: string } | undefined;
  rows: AcceptedRow[];
  meta: Omit<RecordOptions, "submissionId">;
  audit: ReturnType<typeof auditValues>;
  /** The receipt, once versions are known. */
  receipt: (recorded: RecordedSnapshot[]) => unknown;
}

interface Pending { job: AcceptedJob; resolve: (receipt: unknown) => void; reject: (err: unknown) => void }

/** At most this many submissions, and units, in one transaction (more units would take the exclusive lock). */
const MAX_JOBS = 32;
const MAX_UNITS = 64;
/** Batches written at the same time (each on its own connection). */
const WRITERS = 2;

/** Sizes of the batches written in this process (the ingest benchmark reports them). */
export const batchSizes: number[] = [];

const queues = new WeakMap<Database, { pending: Pending[]; writers: number }>();

/** Writes an accepted submission (possibly together with others) and returns its receipt. */
export function writeAccepted<R>(db: Database, job: AcceptedJob): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let q = queues.get(db);
    if (!q) queues.set(db, (q = { pending: [], writers: 0 }));
    q.pending.push({ job, resolve: resolve as (r: unknown) => void, reject });
    if (q.writers < WRITERS) void drain(db, q);
  });
}

function takeBatch(pending: Pending[]): Pending[] {
  const units = new Set<string>();
  let n = 0;
  while (n < pending.length && n < MAX_JOBS) {
    const ids = pending[n]!.job.rows.map((r) => r.unitId);
    const after = new Set([...units, ...ids]);
    if (n > 0 && after.size > MAX_UNITS) break;
    for (const id of ids) units.add(id);
    n++;
  }
  return pending.splice(0, n);
}

async function drain(db: Database, q: { pending: Pending[]; writers: number }) {
  q.writers++;
  try {
    while (q.pending.length > 0) {
      const batch = takeBatch(q.pending);
      batchSizes.push(batch.length);
      try {
        const receipts = await writeBatch(db, batch.map((b) => b.job));
        batch.forEach((b, i) => b.resolve(receipts[i]));
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.reject(err);
          continue;
        }
        for (const b of batch) {
          try {
            b.resolve((await writeBatch(db, [b.job]))[0]);
          } catch (e) {
            b.reject(e);
          }
        }
      }
    }
  } finally {
    q.writers--;
  }
}

async function writeBatch(db: Database, jobs: AcceptedJob[]): Promise<unknown[]> {
  return db.prisma.$transaction(
    async (tx) => {
      await lockUnits(tx, jobs.flatMap((j) => j.rows.map((r) => r.unitId)));
      for (const j of jobs) {
        if (!j.file) continue;
        const f = await tx.storedFile.create({ data: { filename: j.file.filename, contentType: j.file.contentType, size: j.file.bytes.length, sha256: j.file.sha256, data: Buffer.from(j.file.bytes) }, select: { id: true } });
        j.submission.fileId = f.id;
      }
      // A retried Idempotency-Key fails here, on the unique index, once the first write has committed.
      await tx.submission.createMany({ data: jobs.map((j) => j.submission) });
      const rows = jobs.flatMap((j) => j.rows.map((r) => ({ ...r, meta: { ...j.meta, submissionId: j.submission.id } })));
      const recorded = await recordSnapshots(tx, rows, { ...jobs[0]!.meta, submissionId: jobs[0]!.submission.id });
      let k = 0;
      const receipts = jobs.map((j) => j.receipt(recorded.slice(k, (k += j.rows.length))));
      // Receipts and audit entries of the whole batch in one statement.
      await tx.$executeRawUnsafe(
        `WITH s AS (UPDATE "Submission" x SET "receipt" = ($1::jsonb -> x."id") WHERE x."id" = ANY($2::text[]))
         INSERT INTO "AuditLog" ("at", "userId", "username", "action", "entity", "entityId", "unitId", "ip", "userAgent", "requestId", "details")
         SELECT a."at" AT TIME ZONE 'UTC', a."userId", a."username", a."action", a."entity", a."entityId", a."unitId", a."ip", a."userAgent", a."requestId", a."details"
           FROM jsonb_to_recordset($3::jsonb) AS a("at" timestamptz, "userId" text, "username" text, "action" text, "entity" text, "entityId" text, "unitId" text, "ip" text, "userAgent" text, "requestId" text, "details" jsonb)`,
        JSON.stringify(Object.fromEntries(jobs.map((j, i) => [j.submission.id, receipts[i]]))),
        jobs.map((j) => j.submission.id),
        JSON.stringify(jobs.map((j) => ({ ...j.audit, at: j.audit.at.toISOString(), details: j.audit.details ?? null }))),
      );
      return receipts;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
