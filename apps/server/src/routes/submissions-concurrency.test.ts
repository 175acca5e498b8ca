/**
 * Concurrent sheets for one unit and date (issue 19): whatever the interleaving, the stored version history of
 * every key never goes down without a correction, and every sheet refused for it gets the 422 a sequential sender
 * would get. Meaningful on PostgreSQL (DATABASE_URL); PGlite serializes writers, so it passes there trivially.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgressCounts, UnitRef } from "@sohoa/core";
import { latestSnapshots, type Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import { communeGrid } from "../test-support/sheets";

const DATE = "2025-02-20";
const SHEETS = 8;

describe("concurrent sheets for one unit and date", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let token: string;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db });
    token = await signIn(app, "quangnam");
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("never stores a decreasing history: the losers get 422 DECREASE_WITHOUT_CORRECTION", async () => {
    const kinds = await db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    const phases = await db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
    const communes = (await db.prisma.unit.findMany({ where: { level: "COMMUNE", validTo: { not: null }, parent: { code: "506" } }, orderBy: { code: "asc" }, take: 4 }))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId }) as UnitRef);
    expect(communes.length).toBe(4);
    const kindCode = new Map(kinds.map((k) => [k.id, k.code]));
    const phaseCode = new Map(phases.map((p) => [p.id, p.code]));
    // Each sheet repeats the latest figures and raises one key by 10·k, k = 1…8: only the order of arrival decides.
    const sends: { unit: UnitRef; k: number; body: unknown }[] = [];
    for (const u of communes) {
      const prev = new Map((await latestSnapshots(db.sql, [u.id], DATE)).map((s) => [`${kindCode.get(s.registerKindId)}|${phaseCode.get(s.phaseId)}`, s.counts]));
      const zero: ProgressCounts = { booksTotal: 10, booksDigitized: 0, entriesTotal: 1000, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };
      for (const k of [3, 8, 1, 6, 2, 7, 5, 4]) {
        const grid = communeGrid({
          unit: u, registerKinds: kinds, phases, reportDate: DATE,
          counts: (kind, phase) => {
            const c = { ...(prev.get(`${kind}|${phase}`) ?? zero) };
            if (kind === "BIRTH" && phase === "P1") {
              c.entriesTotal = Math.max(c.entriesTotal, c.entriesDigitized + 1000);
              c.entriesDigitized += 10 * k;
            }
            return c;
          },
        });
        sends.push({ unit: u, k, body: { unitCode: u.code, grid, acceptWarnings: true } });
      }
    }
    const rejected = () => db.prisma.submission.count({ where: { status: "REJECTED", reportDate: new Date(`${DATE}T00:00:00Z`), unitId: { in: communes.map((u) => u.id) } } });
    const rejectedBefore = await rejected();
    const responses = await Promise.all(sends.map((s) =>
      app.request("/api/submissions", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(s.body) })));
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string; issues: { code: string; severity: string }[] } } })));
    for (const a of answers) {
      expect([201, 422], JSON.stringify(a.body).slice(0, 300)).toContain(a.status);
      if (a.status === 422) {
        expect(a.body.error?.code).toBe("validation_failed");
        expect(a.body.error?.issues.filter((i) => i.severity === "error").map((i) => i.code)).toContain("DECREASE_WITHOUT_CORRECTION");
      }
    }
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 422).length;
    expect(accepted + refused).toBe(SHEETS * communes.length);
    expect(accepted).toBeGreaterThanOrEqual(communes.length);
    const birth = kinds.find((k) => k.code === "BIRTH")!.id;
    const p1 = phases.find((p) => p.code === "P1")!.id;
    let decreasing = 0;
    for (const u of communes) {
      const versions = await db.prisma.progressSnapshot.findMany({ where: { unitId: u.id, reportDate: new Date(`${DATE}T00:00:00Z`), registerKindId: birth, phaseId: p1 }, orderBy: { version: "asc" } });
      const figures = versions.map((v) => v.entriesDigitized);
      expect(figures.length).toBeGreaterThan(0);
      if (figures.some((f, i) => i > 0 && f < figures[i - 1]!)) decreasing++;
      expect(versions.every((v) => !v.isCorrection)).toBe(true);
    }
    console.log(`[concurrency] ${db.kind}: ${accepted} accepted, ${refused} refused 422, ${decreasing} decreasing histories`);
    expect(decreasing).toBe(0);
    // Each refused sheet is kept for the inbox as REJECTED, as a sequential sender's would be.
    expect(await rejected()).toBe(rejectedBefore + refused);
  }, 300_000);
});
