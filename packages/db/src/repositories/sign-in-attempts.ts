/**
 * Sign-in attempts per throttle key, counted in one statement that increments and returns: a burst of concurrent
 * attempts each gets its own count (a read, then a write, let 31 of 32 through a limit of 5).
 */
import type { Sql } from "../sql";

export interface AttemptCount { key: string; count: number; windowStart: Date }

// Keys sorted: two attempts sharing keys take their row locks in the same order (no deadlock). A key's count starts
// again at 1 once its window (of $3 ms) is over.
const COUNT = `INSERT INTO "SignInAttempt" AS a ("key", "count", "windowStart")
  SELECT DISTINCT k, 1, $2::timestamptz AT TIME ZONE 'UTC' FROM unnest($1::text[]) AS k ORDER BY k
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN a."windowStart" <= EXCLUDED."windowStart" - make_interval(secs => $3::float8 / 1000) THEN 1 ELSE a."count" + 1 END,
    "windowStart" = CASE WHEN a."windowStart" <= EXCLUDED."windowStart" - make_interval(secs => $3::float8 / 1000) THEN EXCLUDED."windowStart" ELSE a."windowStart" END
  RETURNING a."key", a."count", a."windowStart"`;

/** Counts one attempt under each key and returns every key's count in its current window. */
export async function countSignInAttempt(tx: Sql, keys: string[], now: Date, windowMs: number): Promise<AttemptCount[]> {
  const rows = await tx.$queryRawUnsafe<{ key: string; count: number; windowStart: Date }[]>(COUNT, keys, now.toISOString(), windowMs);
  return rows.map((r) => ({ key: r.key, count: Number(r.count), windowStart: new Date(r.windowStart) }));
}

/** A successful sign-in: `clear` keys forget their attempts, `forgive` keys take back this one (a ceiling of failures). */
export async function clearSignInAttempts(tx: Sql, clear: string[], forgive: string[] = []): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH cleared AS (DELETE FROM "SignInAttempt" WHERE "key" = ANY($1::text[]))
     UPDATE "SignInAttempt" SET "count" = greatest("count" - 1, 0) WHERE "key" = ANY($2::text[])`,
    clear, forgive,
  );
}

/** Drops keys whose window ended before `before` (their next attempt would start at 1 anyway). */
export async function purgeSignInAttempts(tx: Sql, before: Date): Promise<number> {
  return tx.$executeRawUnsafe(`DELETE FROM "SignInAttempt" WHERE "windowStart" < $1::timestamptz AT TIME ZONE 'UTC'`, before.toISOString());
}
