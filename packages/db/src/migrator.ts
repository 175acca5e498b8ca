/**
 * Applies the migrations in prisma/migrations (Prisma's folder layout) with Prisma's own schema
 * engine compiled to WebAssembly, through the same driver adapters as the client. `_prisma_migrations`
 * is Prisma's standard table, so `prisma migrate status|deploy` agree wherever the native engine exists.
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Database } from "./connection";

const here = path.dirname(fileURLToPath(import.meta.url));
export const PRISMA_DIR = path.resolve(here, "../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");

interface EngineModule {
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (msg: string) => void, adapter: object) => Promise<SchemaEngine>;
  };
  __wbg_set_wasm: (exports: object) => void;
}
interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string | null }>;
  createMigration(input: unknown): Promise<{ generatedMigrationName: string; migrationScript: string | null; extension: string }>;
  free(): void;
}

let enginePromise: Promise<EngineModule> | undefined;

/** Node 20 cannot import the package's main entry (it imports .wasm as a module), so load the parts by hand. */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgJs = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const pkgDir = path.dirname(bgJs);
    const mod = (await import(pathToFileURL(bgJs).href)) as EngineModule & { __wbindgen_start?: () => void };
    const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    // Node's lib types do not declare WebAssembly; the global is there at run time.
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array, imports: object): Promise<{ instance: { exports: object } }> } }).WebAssembly;
    const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": mod });
    mod.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return mod;
  })();
  return enginePromise;
}

export interface MigrationEntry { name: string; sql: string }

export function readMigrations(dir = MIGRATIONS_DIR): MigrationEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => statSync(path.join(dir, d)).isDirectory() && existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

function migrationList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (msg: string) => logs.push(msg),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Apply pending migrations; returns the names applied now (empty when up to date). */
export async function migrate(db: Pick<Database, "adapterFactory">, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(db.adapterFactory(), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationList(dir), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

export interface MigrationStatus { applied: string[]; pending: string[]; latest: string | null; upToDate: boolean }

const namesOnDisk = new Map<string, string[]>();

/** What the database has applied (Prisma's `_prisma_migrations`) against what the folder holds. */
export async function migrationStatus(db: Pick<Database, "prisma">, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  // The folder does not change while a process runs (a deployment restarts it); /api/health asks on every call.
  let onDisk = namesOnDisk.get(dir);
  if (!onDisk) namesOnDisk.set(dir, (onDisk = readMigrations(dir).map((m) => m.name)));
  let applied: string[] = [];
  try {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    applied = rows.map((r) => r.migration_name);
  } catch {
    applied = []; // no migrations table yet: nothing applied
  }
  const pending = onDisk.filter((n) => !applied.includes(n));
  return { applied, pending, latest: applied.at(-1) ?? null, upToDate: pending.length === 0 };
}

/**
 * SQL that would bring the migrations folder up to schema.prisma, computed on a throwaway in-memory
 * PGlite shadow database. Empty string = no drift.
 */
export async function diffMigrationsToSchema(dir = MIGRATIONS_DIR, schemaPath = SCHEMA_PATH): Promise<{ exitCode: number; script: string }> {
  const shadow = await PGlite.create("memory://");
  try {
    return await withEngine(new PrismaPGlite(shadow), async (engine) => {
      const res = await engine.diff({
        from: { tag: "migrations", ...migrationList(dir) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      return { exitCode: res.exitCode, script: (res as { stdout?: string | null }).stdout ?? "" };
    });
  } finally {
    await shadow.close();
  }
}

/** SQL for a new migration bringing the folder up to schema.prisma (empty when nothing changed). */
export async function createMigrationSql(dir = MIGRATIONS_DIR): Promise<string> {
  const { script } = await diffMigrationsToSchema(dir);
  return script;
}
