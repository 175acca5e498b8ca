import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./testing";
import { MIGRATIONS_DIR, SCHEMA_PATH, diffMigrationsToSchema, migrate, migrationStatus, readMigrations } from "./migrator";

describe("migrator", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies every migration folder and records it in _prisma_migrations", async () => {
    const status = await migrationStatus(db);
    expect(status.applied).toEqual(readMigrations().map((m) => m.name));
    expect(status.pending).toEqual([]);
    expect(status.upToDate).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it("applies a migration whole (a plpgsql body keeps its semicolons) and compresses sheets with lz4 where available", async () => {
    const triggers = await db.sql.$queryRawUnsafe<{ tgname: string }[]>(`SELECT tgname FROM pg_trigger WHERE tgname LIKE '%snapshot%' ORDER BY tgname`);
    expect(triggers.map((t) => t.tgname)).toEqual(["book_phase_snapshot_guard", "register_kind_snapshot_guard", "snapshot_immutable_reference", "snapshot_reference_check", "submission_snapshot_guard", "unit_snapshot_guard"]);
    const [c] = await db.sql.$queryRawUnsafe<{ m: string }[]>(`SELECT attcompression::text AS m FROM pg_attribute WHERE attrelid = '"Submission"'::regclass AND attname = 'grid'`);
    if (db.kind === "postgresql") expect(c!.m).toBe("l");
    else expect(["l", ""]).toContain(c!.m);
  });

  it("seeds the register kinds and the two book phases as data", async () => {
    const kinds = await db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    expect(kinds.map((k) => k.code)).toEqual(["BIRTH", "DEATH", "MARRIAGE", "PARENT_CHILD", "CHANGE_CORRECTION", "GUARDIANSHIP", "OTHER"]);
    const phases = await db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
    expect(phases.map((p) => [p.code, p.fromYear, p.toYear])).toEqual([["P1", 2006, null], ["P2", null, 2005]]);
  });
});

describe("drift between schema.prisma and the migrations", () => {
  it("finds none in the committed tree", async () => {
    const { exitCode, script } = await diffMigrationsToSchema();
    expect(script).not.toMatch(/ALTER TABLE|CREATE TABLE|DROP /);
    expect(exitCode).toBe(0);
  });

  it("fails when schema.prisma gains a field the migrations lack", async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "sohoa-drift-"));
    try {
      const schema = readFileSync(SCHEMA_PATH, "utf8").replace("model RegisterKind {", "model RegisterKind {\n  driftProbe String?");
      const schemaPath = path.join(tmp, "schema.prisma");
      writeFileSync(schemaPath, schema);
      cpSync(MIGRATIONS_DIR, path.join(tmp, "migrations"), { recursive: true });
      const { exitCode, script } = await diffMigrationsToSchema(path.join(tmp, "migrations"), schemaPath);
      expect(exitCode).toBe(2);
      expect(script).toMatch(/ALTER TABLE "RegisterKind" ADD COLUMN\s+"driftProbe" TEXT/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
