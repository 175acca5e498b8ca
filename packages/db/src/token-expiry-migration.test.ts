import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "./connection";
import { MIGRATIONS_DIR, migrate, readMigrations } from "./migrator";

const MIGRATION = "20261204042000_token_expiry";

/** Tokens issued before every token expired get the default expiry (90 days, end of the day in Vietnam) from the migration. */
describe(`migration ${MIGRATION}`, () => {
  let db: Database;
  let before: string;
  beforeAll(async () => {
    // The database as it was just before the migration, with tokens of both kinds.
    before = mkdtempSync(path.join(tmpdir(), "sohoa-migrations-"));
    for (const m of readMigrations()) if (m.name < MIGRATION) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(before, m.name), { recursive: true });
    cpSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
    db = await openDatabase({ dataDir: "memory://" });
    await migrate(db, before);
    // No user or unit is needed for this: the foreign keys are not checked while these rows go in.
    await db.sql.$executeRawUnsafe(`SET session_replication_role = replica`);
    await db.sql.$executeRawUnsafe(
      `INSERT INTO "ApiToken" ("id", "userId", "name", "prefix", "tokenHash", "createdAt", "expiresAt") VALUES
        ('old', 'u', 'cũ', 'sohoa_aaaaaa', 'h1', '2024-01-01', NULL),
        ('old-revoked', 'u', 'cũ, thu hồi', 'sohoa_bbbbbb', 'h2', '2024-01-01', NULL),
        ('dated', 'u', 'có hạn', 'sohoa_cccccc', 'h3', '2026-01-01', '2026-03-31 16:59:59.999')`,
    );
    await db.sql.$executeRawUnsafe(`SET session_replication_role = origin`);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    rmSync(before, { recursive: true, force: true });
  });

  it("gives tokens without expiry the end of the 90th day from today (Vietnam time) and leaves the others", async () => {
    const t0 = Date.now();
    expect(await migrate(db)).toContain(MIGRATION);
    const rows = await db.sql.$queryRawUnsafe<{ id: string; expiresAt: Date | null }[]>(`SELECT "id", "expiresAt" FROM "ApiToken" ORDER BY "id"`);
    const byId = new Map(rows.map((r) => [r.id, r.expiresAt]));
    // the day in Vietnam (UTC+7) 90 days after today, at 23:59:59.999 there
    const vnToday = new Date(t0 + 7 * 3600_000).toISOString().slice(0, 10);
    const day = new Date(Date.parse(`${vnToday}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    const expected = new Date(`${day}T23:59:59.999+07:00`).toISOString();
    expect(byId.get("old")?.toISOString()).toBe(expected);
    expect(byId.get("old-revoked")?.toISOString()).toBe(expected);
    expect(byId.get("dated")?.toISOString()).toBe("2026-03-31T16:59:59.999Z");
    expect(rows.filter((r) => r.expiresAt === null)).toEqual([]);
  });
});
