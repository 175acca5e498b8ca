/**
 * Raw SQL on the hot paths (receiving a sheet: authentication, its validation context, the group-committed
 * write). On PostgreSQL these statements go straight to node-postgres on the pool Prisma also uses, skipping
 * Prisma's client (its per-query work was a fifth of the server's CPU under load); on PGlite they go through
 * Prisma. Either way the results look the same: the interface and value conventions are those of Prisma's
 * `$queryRawUnsafe` / `$executeRawUnsafe` (dates as UTC `Date`s, int8 as `BigInt`, JSON parsed).
 */
import { createHash } from "node:crypto";
import pg from "pg";

/** What repositories need for set-based statements; Prisma's client and transaction client have it too. */
export interface Sql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Statements starting with this marker are prepared once per connection and their plan kept by PostgreSQL
 * (a submission's validation context took longer to plan than to run). Only statements of a bounded number
 * of shapes are marked, so each connection holds a bounded set. Unmarked statements are planned per call.
 */
export const PREPARED = "/* prepared */ ";

const names = new Map<string, string>();
/** The prepared-statement name of a marked statement; undefined (sent unnamed) otherwise. */
export function statementName(sql: string): string | undefined {
  if (!sql.startsWith(PREPARED)) return undefined;
  let name = names.get(sql);
  if (!name) names.set(sql, (name = "sohoa_" + createHash("sha1").update(sql).digest("hex").slice(0, 24)));
  return name;
}

// Result values as Prisma's raw queries return them. Dates and timestamps without a zone are stored as UTC.
const DATE = 1082, TIMESTAMP = 1114, INT8 = 20;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (format !== "binary") {
      if (oid === DATE) return (v: string) => new Date(`${v}T00:00:00Z`);
      if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
      if (oid === INT8) return (v: string) => BigInt(v);
    }
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** Parameters as Prisma sends them: a Date as its UTC instant (stored as UTC wall time in a timestamp column). */
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);

function run(client: pg.Pool | pg.PoolClient, text: string, values: unknown[]) {
  return client.query({ name: statementName(text), text, values: values.map(param), types });
}

/** Raw SQL on a node-postgres pool or pooled connection. */
export function pgSql(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
      return (await run(client, query, values)).rows as T;
    },
    async $executeRawUnsafe(query: string, ...values: unknown[]) {
      return (await run(client, query, values)).rowCount ?? 0;
    },
  };
}

/** Runs `fn` in a transaction on one connection of the pool: committed if it returns, rolled back if it throws. */
export async function pgTransaction<T>(pool: pg.Pool, fn: (tx: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(pgSql(client));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A unique index refused the write, whether the statement went through Prisma or straight to the driver. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { code?: string; originalCode?: string; kind?: string } } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  return !!e && (e.code === "P2002" || e.code === "23505" || cause?.originalCode === "23505" || cause?.code === "23505" || cause?.kind === "UniqueConstraintViolation");
}
