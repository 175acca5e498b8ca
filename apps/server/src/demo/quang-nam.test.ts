import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sohoa/db/testing";
import { naiveRollupAt, rollupsAt, latestSnapshots, latestReportDate } from "@sohoa/db";
import { DEMO_DIGITIZED, DEMO_LAST_DAY, DEMO_TOTAL, loadDemo } from "./quang-nam";

describe("Quảng Nam demo", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemo(db, { registry: "province" });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("has the real 17 districts and 233 communes, plus the Department of Justice", async () => {
    const qn = await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE" } });
    expect(await db.prisma.unit.count({ where: { parentId: qn.id, level: "DISTRICT" } })).toBe(17);
    expect(await db.prisma.unit.count({ where: { level: "COMMUNE", ancestors: { some: { ancestorId: qn.id } } } })).toBe(233);
    expect(await db.prisma.unit.count({ where: { parentId: qn.id, level: "AGENCY" } })).toBe(1);
  });

  it("ends on 18/02/2025 at 642.806 of 1.443.893 entries, by roll-up and by the straightforward query", async () => {
    const qn = await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE" } });
    const roll = (await rollupsAt(db.prisma, [qn.id], DEMO_LAST_DAY)).get(qn.id)!;
    expect([roll.entriesDigitized, roll.entriesTotal]).toEqual([DEMO_DIGITIZED, DEMO_TOTAL]);
    const naive = await naiveRollupAt(db.prisma, qn.id, DEMO_LAST_DAY);
    expect([naive.entriesDigitized, naive.entriesTotal]).toEqual([DEMO_DIGITIZED, DEMO_TOTAL]);
    // earlier days show less
    const before = (await rollupsAt(db.prisma, [qn.id], "2025-02-01")).get(qn.id)!;
    expect(before.entriesDigitized).toBeLessThan(DEMO_DIGITIZED);
  });

  it("carries everything across 01/07/2025: Đà Nẵng holds all of Quảng Nam's figures, the default date stays 18/02/2025", async () => {
    const nation = await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const before = (await rollupsAt(db.prisma, [nation.id], "2025-06-30")).get(nation.id)!;
    const after = (await rollupsAt(db.prisma, [nation.id], "2025-07-01")).get(nation.id)!;
    expect([after.entriesDigitized, after.entriesTotal]).toEqual([before.entriesDigitized, before.entriesTotal]);
    const daNang = await db.prisma.unit.findFirstOrThrow({ where: { code: "48", level: "PROVINCE", validTo: null } });
    const dn = (await rollupsAt(db.prisma, [daNang.id], "2025-07-01")).get(daNang.id)!;
    expect([dn.entriesDigitized, dn.entriesTotal]).toEqual([DEMO_DIGITIZED, DEMO_TOTAL]);
    expect(await latestReportDate(db.prisma, nation.id)).toBe(DEMO_LAST_DAY);
  });

  it("has 3 communes at 0%, 24 under 10% and 73 under 50%, the rest above, some done", async () => {
    const communes = await db.prisma.unit.findMany({ where: { level: "COMMUNE", validTo: { not: null } } });
    const snaps = await latestSnapshots(db.prisma, communes.map((c) => c.id), DEMO_LAST_DAY);
    const by = new Map<string, { d: number; t: number }>();
    for (const s of snaps) {
      const a = by.get(s.unitId) ?? { d: 0, t: 0 };
      a.d += s.counts.entriesDigitized;
      a.t += s.counts.entriesTotal;
      by.set(s.unitId, a);
    }
    const ratios = communes.map((c) => by.get(c.id)!).map((a) => a.d / a.t);
    expect(ratios.filter((x) => x === 0)).toHaveLength(3);
    expect(ratios.filter((x) => x > 0 && x < 0.1)).toHaveLength(24);
    expect(ratios.filter((x) => x >= 0.1 && x < 0.5)).toHaveLength(73);
    expect(ratios.filter((x) => x >= 1).length).toBeGreaterThan(5);
    const zero = communes.filter((c) => by.get(c.id)!.d === 0).map((c) => c.name).sort();
    expect(zero).toEqual(["Sông Kôn", "Trà Mai", "Za Hung"]);
  });
});
