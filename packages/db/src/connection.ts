/**
 * Opens the database: PGlite (embedded, the default) or PostgreSQL when a postgresql:// URL is given.
 * Both go through Prisma driver adapters, so the same client, schema and migrations serve both.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { pgSql, pgTransaction, type Sql } from "./sql";

export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseOptions {
  /** postgresql://… selects PostgreSQL; anything else (or nothing) selects PGlite. */
  url?: string | undefined;
  /** PGlite data directory; "memory://" for an in-memory database. Default ./data/pglite. */
  dataDir?: string | undefined;
  /** PGlite only: start from a dump made by Database.dump() (test fixtures). */
  loadDataDir?: Blob | undefined;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** A fresh adapter factory for Prisma's schema engine (migrations). */
  adapterFactory: () => SqlMigrationAwareDriverAdapterFactory;
  /** Raw SQL for hot paths: straight to the driver on PostgreSQL, through Prisma on PGlite (see sql.ts). */
  sql: Sql;
  /** A transaction for raw statements (hot write paths), with the same split. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Where the data lives, for humans (URL without password, or PGlite directory). */
  location: string;
  close: () => Promise<void>;
  /** PGlite only: a gzipped tarball of the data directory, loadable with loadDataDir. */
  dump?: () => Promise<Blob>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/**
 * Migration scripts go to PostgreSQL whole, as one simple query: node-postgres's adapter splits a script at every
 * ";", which breaks any function body (plpgsql triggers) and runs the pieces outside one transaction. Sent whole,
 * a migration applies all or nothing, as on PGlite.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (err) {
        (adapter as unknown as { onError(e: unknown): never }).onError(err);
      }
    };
    return adapter;
  };
  return factory;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (isPostgresUrl(options.url)) {
    const url = options.url;
    // One pool for Prisma and for the raw hot paths (db.sql, db.transaction).
    // JIT compilation is for long analytic queries; on these short statements it only costs (a cross join of the
    // tiny, never-analyzed kind and phase tables is estimated at 240,000 rows and was JIT-compiled for 1.5 s).
    const pool = new pg.Pool({ connectionString: url, max: 10, ...(/[?&]options=/.test(url) ? {} : { options: "-c jit=off" }) });
    let closing = false;
    // An idle connection the server closed (restart, DROP DATABASE … FORCE) is dropped from the pool and replaced on
    // next use; without a listener its error would end the process.
    pool.on("error", (err) => {
      if (!closing) console.warn(`[sohoa] database connection lost: ${err.message}`);
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgresql",
      prisma,
      sql: pgSql(pool),
      transaction: (fn) => pgTransaction(pool, fn),
      adapterFactory: () => wholeScripts(new PrismaPg({ connectionString: url, max: 2 })),
      location: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
      close: async () => {
        closing = true;
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dataDir = options.dataDir ?? path.resolve("data/pglite");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    sql: prisma,
    transaction: (fn) => prisma.$transaction((tx) => fn(tx), { timeout: 120_000, maxWait: 30_000 }),
    adapterFactory: () => new PrismaPGlite(pglite),
    location: dataDir,
    dump: () => pglite.dumpDataDir("gzip"),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
