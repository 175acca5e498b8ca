import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { bulkInsertSnapshots, type BulkSnapshot } from "./progress";

/** Snapshots name their unit, register kind, phase and submission without foreign keys (schema.prisma): triggers keep them honest. */
describe("what a snapshot names: unit, register kind, phase, submission", () => {
  let db: TestDatabase;
  let unitId: string;
  let kindId: string;
  let phaseId: string;
  const row = (over: Partial<BulkSnapshot> = {}): BulkSnapshot => ({
    unitId, registerKindId: kindId, phaseId, reportDate: "2025-03-01", version: 1, submissionId: null,
    booksTotal: 1, booksDigitized: 1, entriesTotal: 10, entriesDigitized: 5, entriesChecked: 0, entriesLoaded: 0,
    source: "API", submittedById: null, submittedAt: "2025-03-01T02:00:00Z", checksum: "x", ...over,
  });
  beforeAll(async () => {
    db = await createTestDatabase();
    unitId = (await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } })).id;
    kindId = (await db.prisma.registerKind.findFirstOrThrow({ where: { code: "BIRTH" } })).id;
    phaseId = (await db.prisma.bookPhase.findFirstOrThrow({ where: { code: "P1" } })).id;
  }, 120_000);
  afterAll(() => db?.close());

  it("must exist: one unknown kind or phase refuses the whole statement", async () => {
    await expect(bulkInsertSnapshots(db.sql, [row({ reportDate: "2025-03-02" }), row({ reportDate: "2025-03-03", registerKindId: "no-such-kind" })])).rejects.toThrow(/register kind no-such-kind/);
    await expect(bulkInsertSnapshots(db.sql, [row({ reportDate: "2025-03-04", phaseId: "no-such-phase" })])).rejects.toThrow(/phase no-such-phase/);
    await expect(bulkInsertSnapshots(db.sql, [row({ reportDate: "2025-03-04", unitId: "no-such-unit" })])).rejects.toThrow(/no unit no-such-unit/);
    await expect(bulkInsertSnapshots(db.sql, [row({ reportDate: "2025-03-04", submissionId: "no-such-submission" })])).rejects.toThrow(/submission no-such-submission/);
    expect(await db.prisma.progressSnapshot.count()).toBe(0);
    await bulkInsertSnapshots(db.sql, [row()]);
    expect(await db.prisma.progressSnapshot.count()).toBe(1);
  });

  it("cannot be deleted or renumbered once named, nor changed on a snapshot", async () => {
    await expect(db.sql.$executeRawUnsafe(`DELETE FROM "RegisterKind" WHERE "id" = $1`, kindId)).rejects.toThrow(/deactivate it instead/);
    await expect(db.sql.$executeRawUnsafe(`DELETE FROM "BookPhase" WHERE "id" = $1`, phaseId)).rejects.toThrow(/deactivate it instead/);
    await expect(db.sql.$executeRawUnsafe(`UPDATE "RegisterKind" SET "id" = 'renumbered' WHERE "id" = $1`, kindId)).rejects.toThrow(/deactivate it instead/);
    // through Prisma's client too (it words the database's refusal its own way)
    await expect(db.prisma.registerKind.delete({ where: { id: kindId } })).rejects.toThrow();
    await expect(db.sql.$executeRawUnsafe(`DELETE FROM "Unit" WHERE "id" = $1`, unitId)).rejects.toThrow(/deactivate it instead/);
    const other = (await db.prisma.registerKind.findFirstOrThrow({ where: { id: { not: kindId } } })).id;
    await expect(db.sql.$executeRawUnsafe(`UPDATE "ProgressSnapshot" SET "registerKindId" = $1`, other)).rejects.toThrow(/cannot change/);
    await expect(db.sql.$executeRawUnsafe(`UPDATE "ProgressSnapshot" SET "unitId" = 'elsewhere'`)).rejects.toThrow(/cannot change/);
    // still usable as reference data: renamed or deactivated, never lost
    await db.prisma.registerKind.update({ where: { id: kindId }, data: { active: false } });
    expect(await db.prisma.registerKind.count({ where: { id: kindId } })).toBe(1);
  });

  it("keeps the submission its snapshots came from", async () => {
    const s = await db.prisma.submission.create({ data: { unitId, source: "API", status: "ACCEPTED", checksum: "y", templateVersion: "1" } });
    await bulkInsertSnapshots(db.sql, [row({ reportDate: "2025-03-05", submissionId: s.id })]);
    await expect(db.sql.$executeRawUnsafe(`DELETE FROM "Submission" WHERE "id" = $1`, s.id)).rejects.toThrow(/deactivate it instead/);
    expect(await db.prisma.progressSnapshot.count({ where: { submissionId: s.id } })).toBe(1);
  });

  it("a kind that no snapshot names can still be removed", async () => {
    const k = await db.prisma.registerKind.create({ data: { code: "TMP_KIND", nameVi: "Tạm", nameEn: "Temporary" } });
    await db.prisma.registerKind.delete({ where: { id: k.id } });
    expect(await db.prisma.registerKind.count({ where: { code: "TMP_KIND" } })).toBe(0);
  });
});
