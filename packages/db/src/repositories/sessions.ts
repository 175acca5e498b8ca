/** Sign-in sessions past their expiry are refused anyway; deleting them keeps the table to the live ones. */
import type { Sql } from "../sql";

/** Deletes the sessions that expired before `now`; returns how many. */
export async function purgeExpiredSessions(tx: Sql, now: Date): Promise<number> {
  return tx.$executeRawUnsafe(`DELETE FROM "Session" WHERE "expiresAt" < $1::timestamptz AT TIME ZONE 'UTC'`, now.toISOString());
}
