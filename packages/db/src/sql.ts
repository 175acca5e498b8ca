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

/** One statement of a batch; `rows`: its result rows are wanted (else it is executed for its effect). */
export interface Statement { text: string; values?: unknown[]; rows?: boolean }

/** Ends a batch: the transaction commits in the same round trip (PostgreSQL); elsewhere the caller's transaction commits. */
export const COMMIT: Statement = { text: "COMMIT" };

/** Sql that sends several statements in one round trip. */
export interface BatchSql extends Sql {
  batch(statements: Statement[]): Promise<unknown[][]>;
}

/**
 * Runs `statements` in order, in one round trip when `tx` can (a transaction from Database.transaction on
 * PostgreSQL), else one by one; the rows of each. Under load a round trip costs far more than its statement,
 * since the reply waits for the event loop: a group write went from nine round trips to two.
 */
export async function runBatch(tx: Sql, statements: Statement[]): Promise<unknown[][]> {
  if (statements.length === 0) return [];
  if (typeof (tx as Partial<BatchSql>).batch === "function") return (tx as BatchSql).batch(statements);
  const out: unknown[][] = [];
  for (const st of statements) {
    if (st === COMMIT) out.push([]);
    else if (st.rows) out.push(await tx.$queryRawUnsafe<unknown[]>(st.text, ...(st.values ?? [])));
    else out.push((await tx.$executeRawUnsafe(st.text, ...(st.values ?? [])), []));
  }
  return out;
}

/** A value as an SQL literal, for a batch sent as one simple query (strings escaped by node-postgres). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return v < 0 ? `(${v})` : String(v);
  }
  if (typeof v === "bigint") return v < 0n ? `(${v})` : v.toString();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (typeof v === "string") return quote(v);
  if (Array.isArray(v)) return v.length ? `ARRAY[${v.map(literal).join(", ")}]` : "'{}'";
  throw new Error(`no SQL literal for ${typeof v}`);
}

/**
 * A string literal. Dollar-quoted (nothing inside needs escaping, whatever standard_conforming_strings says, and a
 * sheet's JSON is copied as is rather than rebuilt character by character); escaped if it contains the quote tag.
 */
function quote(s: string): string {
  return s.includes("$q$") ? pg.escapeLiteral(s) : `$q$${s}$q$`;
}

/** `text` with its $n placeholders replaced by the literals of `values`. */
export function inlineStatement(st: Statement): string {
  const values = st.values ?? [];
  return st.text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i >= values.length) throw new Error(`missing value for $${n}`);
    return literal(values[i]);
  });
}

/**
 * Statements starting with this marker, sent through db.sql, are prepared once per connection and their plan kept
 * by PostgreSQL (a submission's validation context took longer to plan than to run). Only fixed-shape statements
 * are marked, so each connection holds a bounded set. Others are planned per call (a batch always is).
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

/**
 * In a batch (one simple query), a marked statement is prepared with SQL's PREPARE the first time a connection
 * sends it and run with EXECUTE after that: the group write's statements were parsed and planned on every
 * transaction, a fifth of the database's work per sheet. Named apart from the driver's own prepared statements.
 */
function batchStatementName(sql: string): string | undefined {
  const name = statementName(sql);
  return name && `${name}_b`;
}

/** Names prepared with PREPARE on each pooled connection (a closed connection takes its set with it). */
const preparedByClient = new WeakMap<pg.PoolClient, Set<string>>();
function preparedOn(client: pg.PoolClient): Set<string> {
  let set = preparedByClient.get(client);
  if (!set) preparedByClient.set(client, (set = new Set()));
  return set;
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

/**
 * Runs `fn` in a transaction on one connection of the pool: committed if it returns, rolled back if it throws.
 * BEGIN goes with the first statement sent, and COMMIT with the last batch if it ends with {@link COMMIT}.
 */
export async function pgTransaction<T>(pool: pg.Pool, fn: (tx: BatchSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let begun = false;
  let committed = false;
  let broken: Error | undefined;
  // A connection lost mid-transaction fails the statement in flight; this keeps its error event from ending the process.
  const onError = (err: Error) => (broken = err);
  client.on("error", onError);
  const direct = pgSql(client);
  const begin = async () => {
    if (!begun) await client.query("BEGIN");
    begun = true;
  };
  const tx: BatchSql = {
    async $queryRawUnsafe<R>(query: string, ...values: unknown[]) {
      await begin();
      return direct.$queryRawUnsafe<R>(query, ...values);
    },
    async $executeRawUnsafe(query: string, ...values: unknown[]) {
      await begin();
      return direct.$executeRawUnsafe(query, ...values);
    },
    async batch(statements) {
      const texts: string[] = [];
      if (!begun) texts.push("BEGIN");
      begun = true;
      const prepared = preparedOn(client);
      const preparing: string[] = [];
      // Where each statement's result is among the batch's (PREPAREs and BEGIN have results too).
      const at = statements.map((st) => {
        if (st === COMMIT) return texts.push("COMMIT") - 1;
        const name = batchStatementName(st.text);
        if (!name) return texts.push(inlineStatement(st)) - 1;
        if (!prepared.has(name) && !preparing.includes(name)) {
          texts.push(`PREPARE ${name} AS ${st.text}`);
          preparing.push(name);
        }
        const args = (st.values ?? []).map(literal);
        return texts.push(args.length ? `EXECUTE ${name}(${args.join(", ")})` : `EXECUTE ${name}`) - 1;
      });
      // One simple query: statements run in order; after an error the rest (COMMIT included) is skipped.
      let res: pg.QueryResult | pg.QueryResult[];
      try {
        res = (await client.query({ text: texts.join(";\n"), types })) as unknown as pg.QueryResult | pg.QueryResult[];
      } catch (err) {
        // Which of this batch's PREPAREs ran before the error is unknown (they outlive a rollback): the connection
        // is closed rather than returned to the pool with a guess.
        if (preparing.length) broken ??= err as Error;
        throw err;
      }
      for (const name of preparing) prepared.add(name);
      const results = Array.isArray(res) ? res : [res];
      if (statements.at(-1) === COMMIT) committed = true;
      return at.map((i) => results[i]!.rows as unknown[]);
    },
  };
  try {
    const result = await fn(tx);
    if (begun && !committed) await client.query("COMMIT");
    return result;
  } catch (err) {
    if (begun && !committed) await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.removeListener("error", onError);
    client.release(broken);
  }
}

/** A unique index refused the write, whether the statement went through Prisma or straight to the driver. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { code?: string; originalCode?: string; kind?: string } } } } | null;
  const cause = e?.meta?.driverAdapterError?.cause;
  return !!e && (e.code === "P2002" || e.code === "23505" || cause?.originalCode === "23505" || cause?.code === "23505" || cause?.kind === "UniqueConstraintViolation");
}
