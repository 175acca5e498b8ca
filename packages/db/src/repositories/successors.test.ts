import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createTestDatabase, type TestDatabase } from "../testing";
import { REGISTRY_2025_06_30, REGISTRY_2025_07_01, SUCCESSORS_2025, readRegistry } from "../registry";
import { importUnitRegistry } from "./unit-import";
import { COUNT_FIELDS, bulkInsertSnapshots, rebuildRollups, rollupsAt, type BulkSnapshot, type Counts } from "./progress";
import { carryAcrossReform, carryPlansAcrossReform, importSuccessors, splitCounts, type SuccessorLink } from "./successors";

const pick = (r: Counts | undefined) => Object.fromEntries(COUNT_FIELDS.map((f) => [f, r?.[f] ?? 0]));

describe("the 2025 reorganization: successors and continuity", () => {
  let db: TestDatabase;
  let nationId: string;
  const links = JSON.parse(readFileSync(SUCCESSORS_2025, "utf8")) as SuccessorLink[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await importUnitRegistry(db.prisma, readRegistry(REGISTRY_2025_06_30), "2024-01-01");
    // Figures for every old commune of Đà Nẵng (48), Quảng Nam (49) and Hà Nội (01): merged, divided and unchanged communes.
    const olds = await db.prisma.unit.findMany({ where: { level: "COMMUNE", ancestors: { some: { ancestor: { code: { in: ["01", "48", "49"] }, level: "PROVINCE" } } } }, select: { id: true, code: true } });
    const kinds = await db.prisma.registerKind.findMany({ take: 2 });
    const phases = await db.prisma.bookPhase.findMany();
    const rows: BulkSnapshot[] = [];
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const u of olds) {
      for (const k of kinds) for (const p of phases) {
        const total = 100 + Math.floor(rnd() * 900);
        for (const date of ["2025-05-01", "2025-06-15"]) {
          const done = Math.floor(total * rnd());
          rows.push({ unitId: u.id, registerKindId: k.id, phaseId: p.id, reportDate: date, version: 1, submissionId: null, booksTotal: 10, booksDigitized: Math.floor(done / 100), entriesTotal: total, entriesDigitized: done, entriesChecked: done, entriesLoaded: Math.floor(done / 2), source: "API", submittedById: null, submittedAt: `${date}T03:00:00Z`, checksum: "t" });
        }
      }
    }
    await bulkInsertSnapshots(db.prisma, rows);
    await rebuildRollups(db.prisma);
    await importUnitRegistry(db.prisma, readRegistry(REGISTRY_2025_07_01), "2025-07-01");
    nationId = (await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } })).id;
  }, 600_000);
  afterAll(async () => {
    await db?.close();
  });

  it("links all 10,035 old communes (and the 5 island districts); a second import changes nothing", async () => {
    const r = await importSuccessors(db.prisma, links, "2025-07-01");
    expect(r.notFound).toEqual([]);
    expect(r.predecessors).toBe(10_035 + 5);
    expect(r.linked).toBe(10_566 + 5);
    const again = await importSuccessors(db.prisma, links, "2025-07-01");
    expect(again).toMatchObject({ linked: 0, unchanged: 10_566 + 5 });
    // old 20944 Xã Trà Mai went into the new 20944 Xã Nam Trà My (codes reused)
    const traMai = await db.prisma.unitSuccession.findFirstOrThrow({ where: { predecessor: { code: "20944", validTo: { not: null } } }, include: { successor: true } });
    expect(traMai.successor.fullName).toBe("Xã Nam Trà My");
  }, 120_000);

  it("keeps national totals equal on 30/06 and 01/07, and Đà Nẵng = old Đà Nẵng + old Quảng Nam", async () => {
    const before = (await rollupsAt(db.prisma, [nationId], "2025-06-30")).get(nationId);
    expect(before?.entriesTotal).toBeGreaterThan(0);
    await carryAcrossReform(db.prisma, "2025-07-01");
    const after = (await rollupsAt(db.prisma, [nationId], "2025-07-01")).get(nationId);
    expect(pick(after)).toEqual(pick(before));

    const oldDN = await db.prisma.unit.findFirstOrThrow({ where: { code: "48", level: "PROVINCE", validFrom: { lt: new Date("2025-07-01") } } });
    const oldQN = await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE" } });
    const newDN = await db.prisma.unit.findFirstOrThrow({ where: { code: "48", level: "PROVINCE", OR: [{ validTo: null }] } });
    const old = await rollupsAt(db.prisma, [oldDN.id, oldQN.id], "2025-06-30");
    const now = await rollupsAt(db.prisma, [newDN.id], "2025-07-01");
    for (const f of COUNT_FIELDS) expect(now.get(newDN.id)![f]).toBe(old.get(oldDN.id)![f] + old.get(oldQN.id)![f]);
    // Quảng Nam's 233 communes are all carried into the new Đà Nẵng
    const carried = await db.prisma.unitSuccession.count({ where: { predecessor: { ancestors: { some: { ancestorId: oldQN.id } }, level: "COMMUNE" }, successor: { ancestors: { some: { ancestorId: newDN.id } } }, isPrimary: true } });
    expect(carried).toBe(233);
    // old units show nothing after the reform; carrying twice changes nothing
    expect((await rollupsAt(db.prisma, [oldQN.id], "2025-07-01")).get(oldQN.id)?.entriesTotal).toBe(0);
    await carryAcrossReform(db.prisma, "2025-07-01");
    expect(pick((await rollupsAt(db.prisma, [nationId], "2025-07-02")).get(nationId))).toEqual(pick(before));
  }, 600_000);

  it("a divided commune can be split by shares: successors change, the nation does not", async () => {
    const divided = links.find((l) => l.new.length === 2 && l.old.startsWith("20"))!; // a divided commune of Quảng Nam/Đà Nẵng
    const pred = await db.prisma.unit.findFirstOrThrow({ where: { code: divided.old, validTo: new Date("2025-07-01") } });
    const ls = await db.prisma.unitSuccession.findMany({ where: { predecessorId: pred.id }, include: { successor: true } });
    expect(ls).toHaveLength(2);
    const succIds = ls.map((l) => l.successorId);
    const nationBefore = pick((await rollupsAt(db.prisma, [nationId], "2025-07-01")).get(nationId));
    const before = await rollupsAt(db.prisma, succIds, "2025-07-01");
    await db.prisma.unitSuccession.update({ where: { id: ls[0]!.id }, data: { shareBp: 6000 } });
    await db.prisma.unitSuccession.update({ where: { id: ls[1]!.id }, data: { shareBp: 4000 } });
    await carryAcrossReform(db.prisma, "2025-07-01", succIds);
    const after = await rollupsAt(db.prisma, succIds, "2025-07-01");
    expect(pick((await rollupsAt(db.prisma, [nationId], "2025-07-01")).get(nationId))).toEqual(nationBefore);
    const sum = (m: typeof after) => succIds.reduce((a, id) => a + (m.get(id)?.entriesTotal ?? 0), 0);
    expect(sum(after)).toBe(sum(before));
    expect(after.get(succIds[1]!)!.entriesTotal).not.toBe(before.get(succIds[1]!)?.entriesTotal ?? 0);
  }, 300_000);

  it("carries targets (summed) and the earliest deadline to the successors, unconfirmed", async () => {
    const oldQN = await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE" } });
    const d1 = await db.prisma.unit.findFirstOrThrow({ where: { code: "505" } });
    const d2 = await db.prisma.unit.findFirstOrThrow({ where: { code: "502" } });
    const campaign = await db.prisma.campaign.create({ data: { code: "T", name: "T", unitId: oldQN.id, startDate: new Date("2025-01-01"), endDate: new Date("2025-12-31"), phases: ["P1"] } });
    await db.prisma.deadline.createMany({ data: [{ campaignId: campaign.id, unitId: d1.id, dueDate: new Date("2025-09-30") }, { campaignId: campaign.id, unitId: d2.id, dueDate: new Date("2025-08-31") }] });
    const communes = await db.prisma.unit.findMany({ where: { parentId: { in: [d1.id, d2.id] } } });
    await db.prisma.target.createMany({ data: communes.map((c) => ({ campaignId: campaign.id, unitId: c.id, periodType: "MONTH" as const, periodStart: new Date("2025-07-01"), periodEnd: new Date("2025-07-31"), entriesTarget: 100 })) });
    const r = await carryPlansAcrossReform(db.prisma, "2025-07-01");
    expect(r.deadlines).toBeGreaterThan(0);
    const carried = await db.prisma.target.findMany({ where: { carried: true, campaignId: campaign.id } });
    expect(carried.reduce((a, t) => a + t.entriesTarget, 0)).toBe(communes.length * 100);
    const dl = await db.prisma.deadline.findMany({ where: { campaignId: campaign.id, confirmed: false } });
    expect(dl.length).toBeGreaterThan(0);
    for (const d of dl) expect(["2025-08-31", "2025-09-30"]).toContain(d.dueDate.toISOString().slice(0, 10));
    // a successor fed by Tam Kỳ (502) gets the earliest: 31/08
    const fromTamKy = await db.prisma.unitSuccession.findFirstOrThrow({ where: { predecessor: { parentId: d2.id } } });
    expect((await db.prisma.deadline.findFirstOrThrow({ where: { campaignId: campaign.id, unitId: fromTamKy.successorId } })).dueDate.toISOString().slice(0, 10)).toBe("2025-08-31");
  }, 120_000);

  it("splits counts by shares exactly", () => {
    const parts = splitCounts({ booksTotal: 7, booksDigitized: 3, entriesTotal: 1001, entriesDigitized: 500, entriesChecked: 1, entriesLoaded: 0 }, [0.6, 0.4]);
    expect(parts[0]!.entriesTotal + parts[1]!.entriesTotal).toBe(1001);
    expect(parts[0]!.entriesTotal).toBe(601);
    expect(parts[0]!.booksTotal + parts[1]!.booksTotal).toBe(7);
  });
});
