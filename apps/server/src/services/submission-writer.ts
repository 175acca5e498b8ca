/**
 * Writing accepted submissions, with group commit: submissions that arrive while a write is in progress are
 * written together in the next transaction (their snapshots, roll-up deltas, receipts and audit entries in a
 * handful of set-based statements), so the cost per submission falls as load rises. Each keeps its own
 * submission row, versions, receipt and audit entry; if a batch fails (e.g. two retries with one
 * Idempotency-Key), its submissions are written one by one so that one cannot fail the others.
 */
import { writeSubmissionBatch, STALE, type Database, type SubmissionJob } from "@sohoa/db";
import { batched } from "../lib/batched";

export { STALE };

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
  (db: Database, jobs: SubmissionJob[]) => {
    batchSizes.push(jobs.length);
    return writeSubmissionBatch(db, jobs);
  },
  { concurrency: WRITERS, max: MAX_JOBS },
);

/**
 * Writes an accepted submission (possibly together with others) and returns its receipt, or STALE when another
 * writer got in first with higher cumulative figures than those it was validated against.
 */
export function writeAccepted<R>(db: Database, job: SubmissionJob): Promise<R | typeof STALE> {
  return write(db, job) as Promise<R | typeof STALE>;
}

