/**
 * Transaction-level advisory locks of the write paths, by name. Order of every writer: the shared units lock, its
 * units' locks, then the roll-up lock (a reform's carry: all units, then the roll-up lock).
 */
import { PREPARED, type Sql, type Statement } from "../../sql";

/** Lock keys: one text each, hashed by PostgreSQL, so no number is chosen by hand or can collide by accident. */
export const LOCK_KEYS = {
  /** Serializes writers of roll-up rows (see LOCK_ROLLUPS). */
  rollups: "units:all",
  /** Shared by writers of a few units; taken alone by a writer of all of them. */
  allUnits: "units:writers",
  /** The space of per-unit keys (second key of a two-key lock: the unit id's hash). */
  unit: "units:one",
} as const;

const key = (name: keyof typeof LOCK_KEYS) => `hashtextextended('${LOCK_KEYS[name]}', 0)`;
const space = (name: keyof typeof LOCK_KEYS) => `hashtext('${LOCK_KEYS[name]}')`;

/**
 * Serializes writers of roll-ups (PostgreSQL; PGlite has a single connection anyway). Writers of different units
 * still share ancestors — the province, the nation — and a roll-up row one writer has just materialized (at a
 * date the other did not touch) is invisible to the other until commit: running them side by side would lose a
 * delta or deadlock on the shared rows. So every writer takes one exclusive transaction-level lock; throughput
 * comes from group commit instead (everything that arrived meanwhile goes in the next transaction).
 */
export const LOCK_ROLLUPS: Statement = { text: `${PREPARED}SELECT pg_advisory_xact_lock(${key("rollups")})` };

export async function lockRollups(tx: Sql): Promise<void> {
  await tx.$executeRawUnsafe(LOCK_ROLLUPS.text);
}

/**
 * Locks the given units' keys until the transaction ends, in a fixed order (so that two writers cannot deadlock):
 * a writer that holds them reads their latest versions and values, and nobody can add a version of theirs before
 * it commits. Writers first share one lock that a writer of many units (a reform's carry) takes alone
 * (lockAllUnits), rather than locking thousands of units one by one.
 */
export function lockUnitsStatements(unitIds: string[]): Statement[] {
  return [
    { text: `${PREPARED}SELECT pg_advisory_xact_lock_shared(${key("allUnits")})` },
    {
      values: [[...new Set(unitIds)]],
      text: `${PREPARED}SELECT pg_advisory_xact_lock(${space("unit")}, k.h) FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($1::text[]) AS u ORDER BY 1) k`,
    },
  ];
}

/** Waits for every writer holding units' locks to finish and keeps new ones out until the transaction ends. */
export async function lockAllUnits(tx: Sql): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${key("allUnits")})`);
}
