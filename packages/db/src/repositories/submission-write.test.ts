import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { rollupsAt } from "./progress";
import { StaleSubmissions, writeSubmissionBatch, writeSubmissions, type SubmissionJob } from "./submission-write";

/** One way in for a submission: refused and accepted ones are written by writeSubmissions, receipts and audit included. */
describe("writeSubmissions", () => {
  let db: TestDatabase;
  let unitId: string;
  let userId: string;
  let kindId: string;
  let phaseId: string;
  let n = 0;
  const job = (over: { status?: "ACCEPTED" | "REJECTED"; digitized?: number; guard?: boolean; date?: string } = {}): SubmissionJob => {
    const id = `00000000-0000-7000-8000-${String(++n).padStart(12, "0")}`;
    const date = over.date ?? "2025-03-01";
    const accepted = (over.status ?? "ACCEPTED") === "ACCEPTED";
    return {
      submission: {
        id, unitId, reportDate: new Date(`${date}T00:00:00Z`), source: "API", status: accepted ? "ACCEPTED" : "REJECTED", submittedById: userId, submittedAt: new Date("2025-03-01T03:00:00Z"),
        ip: null, userAgent: null, requestId: null, idempotencyKey: null, requestHash: null, checksum: `sum${n}`, templateCode: null, templateVersion: "1",
        isCorrection: false, correctionReason: null, warningsAccepted: false, rowCount: 1, errorCount: accepted ? 0 : 1, warningCount: 0, issues: [],
      },
      gridJson: `{"sheets":[{"name":"S${n}"}]}`,
      rows: accepted
        ? [{ unitId, registerKindId: kindId, phaseId, reportDate: date, counts: { booksTotal: 1, booksDigitized: 1, entriesTotal: 100, entriesDigitized: over.digitized ?? 10, entriesChecked: 0, entriesLoaded: 0 }, unitCode: "VN", kind: "BIRTH", phase: "P1", guard: over.guard ? ["entriesDigitized"] : undefined }]
        : [],
      audit: { at: new Date("2025-03-01T03:00:00Z"), userId, username: "t", action: accepted ? "submission_accepted" : "submission_rejected", entity: "submission", entityId: id, unitId, ip: null, userAgent: null, requestId: null },
      ...(accepted ? { receipt: { id } } : {}),
    };
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    unitId = (await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } })).id;
    userId = (await db.prisma.user.create({ data: { username: "writer", displayName: "W", passwordHash: "x", role: "ADMIN", unitId } })).id;
    kindId = (await db.prisma.registerKind.findFirstOrThrow({ where: { code: "BIRTH" } })).id;
    phaseId = (await db.prisma.bookPhase.findFirstOrThrow({ where: { code: "P1" } })).id;
  }, 120_000);
  afterAll(() => db?.close());

  it("writes a refused and an accepted submission together: rows, grid, receipt with versions, snapshot, roll-up, audit", async () => {
    const refused = job({ status: "REJECTED" });
    const accepted = job({ digitized: 10 });
    const receipts = await db.transaction((tx) => writeSubmissions(tx, [refused, accepted]));
    expect(receipts[0]).toBeNull();
    expect(receipts[1]).toEqual({ id: accepted.submission.id, changes: [{ unitCode: "VN", registerKind: "BIRTH", phase: "P1", version: 1, entriesDigitized: 10, delta: 10 }] });
    const rows = await db.prisma.submission.findMany({ where: { id: { in: [refused.submission.id, accepted.submission.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.grid, r.receipt])).toEqual([["REJECTED", { sheets: [{ name: "S1" }] }, null], ["ACCEPTED", { sheets: [{ name: "S2" }] }, receipts[1]]]);
    expect(await db.prisma.progressSnapshot.count({ where: { submissionId: refused.submission.id } })).toBe(0);
    expect(await db.prisma.progressSnapshot.count({ where: { submissionId: accepted.submission.id } })).toBe(1);
    expect((await rollupsAt(db.sql, [unitId], "2025-03-01")).get(unitId)?.entriesDigitized).toBe(10);
    expect((await db.prisma.auditLog.findMany({ where: { entityId: { in: [refused.submission.id, accepted.submission.id] } } })).map((a) => a.action).sort()).toEqual(["submission_accepted", "submission_rejected"]);
  });

  it("numbers a sheet and its correction in one batch as successive versions", async () => {
    const receipts = await db.transaction((tx) => writeSubmissions(tx, [job({ digitized: 12, date: "2025-03-02" }), job({ digitized: 15, date: "2025-03-02" })]));
    expect(receipts.map((r) => (r as { changes: { version: number; delta: number }[] }).changes[0])).toMatchObject([{ version: 1, delta: 2 }, { version: 2, delta: 3 }]);
    expect((await rollupsAt(db.sql, [unitId], "2025-03-02")).get(unitId)?.entriesDigitized).toBe(15);
  });

  it("refuses a guarded figure below the one read under the lock, writing nothing of the batch, and writes the rest on retry", async () => {
    const before = await db.prisma.submission.count();
    const low = job({ digitized: 5, guard: true, date: "2025-03-03" });
    await expect(db.transaction((tx) => writeSubmissions(tx, [low]))).rejects.toBeInstanceOf(StaleSubmissions);
    expect(await db.prisma.submission.count()).toBe(before);
    const ok = job({ digitized: 20, date: "2025-03-03" });
    const out = await writeSubmissionBatch(db, [job({ digitized: 5, guard: true, date: "2025-03-03" }), ok]);
    expect(typeof out[0]).toBe("symbol");
    expect(out[1]).toMatchObject({ id: ok.submission.id });
    expect(await db.prisma.submission.count()).toBe(before + 1);
  });
});
