import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../testing";
import { importUnitRegistry, countUnitsAt, type RegistryNode } from "./unit-import";

const DATA = path.resolve(__dirname, "../../registry");
const load = (f: string) => JSON.parse(readFileSync(path.join(DATA, f), "utf8")) as RegistryNode[];

describe("units import of the real registries", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("imports the 2025-06-30 registry: 63 provinces, 696 districts, 10,035 communes", async () => {
    const r = await importUnitRegistry(db.prisma, load("vn-units-2025-06-30.json"), "2020-01-01");
    expect(r.added).toBe(63 + 696 + 10035);
    expect(r.closed).toBe(0);
    expect(await countUnitsAt(db.prisma, "2025-06-30")).toMatchObject({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035 });
  }, 300_000);

  it("changes nothing on a second run", async () => {
    const r = await importUnitRegistry(db.prisma, load("vn-units-2025-06-30.json"), "2020-01-01");
    expect(r).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: 63 + 696 + 10035 });
  }, 300_000);

  it("then the 2025-07-01 registry closes what disappeared and keeps the old tree as history", async () => {
    const r = await importUnitRegistry(db.prisma, load("vn-units-2025-07-01.json"), "2025-07-01");
    expect(r.byLevel.DISTRICT?.closed).toBe(696);
    expect(r.byLevel.COMMUNE?.closed).toBe(10035);
    expect(r.byLevel.COMMUNE?.added).toBe(3321);
    expect(await countUnitsAt(db.prisma, "2025-07-01")).toMatchObject({ PROVINCE: 34, DISTRICT: 0, COMMUNE: 3321 });
    expect(await countUnitsAt(db.prisma, "2025-06-30")).toMatchObject({ PROVINCE: 63, DISTRICT: 696, COMMUNE: 10035 });
    // code 20944 is Xã Trà Mai before the reform and Xã Nam Trà My after it
    const both = await db.prisma.unit.findMany({ where: { code: "20944" }, orderBy: { validFrom: "asc" } });
    expect(both.map((u) => u.fullName)).toEqual(["Xã Trà Mai", "Xã Nam Trà My"]);
    expect(both[0]!.validTo?.toISOString().slice(0, 10)).toBe("2025-07-01");
    const again = await importUnitRegistry(db.prisma, load("vn-units-2025-07-01.json"), "2025-07-01");
    expect(again).toMatchObject({ added: 0, changed: 0, closed: 0 });
  }, 300_000);

  it("keeps the closure table consistent: every commune has the nation as ancestor at distance = depth", async () => {
    const nation = await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const communes = await db.prisma.unit.count({ where: { level: "COMMUNE" } });
    const linked = await db.prisma.unitClosure.count({ where: { ancestorId: nation.id, descendant: { level: "COMMUNE" } } });
    expect(linked).toBe(communes);
    const bad = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "UnitClosure" c JOIN "Unit" u ON u.id = c."descendantId" WHERE c."ancestorId" = $1 AND c.distance <> u.depth`,
      nation.id,
    );
    expect(Number(bad[0]!.n)).toBe(0);
  });
});
