import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";
import { isUniqueViolation, PREPARED, statementName } from "./sql";

// Hot paths use db.sql / db.transaction: straight to node-postgres on PostgreSQL, Prisma on PGlite. The results
// must look the same either way, whatever the process's time zone.
describe(`raw SQL for hot paths (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
  });
  afterAll(() => db?.close());

  it("returns dates and timestamps as UTC instants, int8 as BigInt and JSON parsed, like Prisma's raw queries", async () => {
    const sql = `${PREPARED}SELECT $1::date AS d, '2025-07-01 08:30:00.123'::timestamp(3) AS t, 9007199254740993::int8 AS big, 7::int AS n, json_build_object('a', $2::text) AS j`;
    for (let i = 0; i < 2; i++) {
      const [row] = await db.sql.$queryRawUnsafe<{ d: Date; t: Date; big: bigint; n: number; j: unknown }[]>(sql, "2025-06-30", "xã");
      expect(row!.d.toISOString()).toBe("2025-06-30T00:00:00.000Z");
      expect(row!.t.toISOString()).toBe("2025-07-01T08:30:00.123Z");
      expect(row!.big).toBe(9007199254740993n);
      expect(row!.n).toBe(7);
      expect(row!.j).toEqual({ a: "xã" });
    }
    const [p] = await db.prisma.$queryRawUnsafe<{ d: Date; t: Date }[]>(sql, "2025-06-30", "xã");
    expect(p!.d.toISOString()).toBe("2025-06-30T00:00:00.000Z");
    expect(p!.t.toISOString()).toBe("2025-07-01T08:30:00.123Z");
  });

  it("stores a Date parameter as its UTC instant in a timestamp column", async () => {
    await db.sql.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS sql_test_t (k text PRIMARY KEY, at timestamp(3))`);
    const n = await db.sql.$executeRawUnsafe(`INSERT INTO sql_test_t (k, at) VALUES ($1, $2)`, "a", new Date("2025-07-01T00:15:00.000Z"));
    expect(n).toBe(1);
    const [row] = await db.prisma.$queryRawUnsafe<{ at: Date }[]>(`SELECT at FROM sql_test_t WHERE k = 'a'`);
    expect(row!.at.toISOString()).toBe("2025-07-01T00:15:00.000Z");
  });

  it("commits a transaction that returns and rolls back one that throws; a duplicate key is recognised", async () => {
    await db.sql.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS sql_test_u (k text PRIMARY KEY)`);
    expect(await db.transaction(async (tx) => tx.$executeRawUnsafe(`INSERT INTO sql_test_u (k) VALUES ($1), ($2)`, "x", "y"))).toBe(2);
    let caught: unknown;
    try {
      await db.transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO sql_test_u (k) VALUES ($1)`, "z");
        await tx.$executeRawUnsafe(`INSERT INTO sql_test_u (k) VALUES ($1)`, "x");
      });
    } catch (err) {
      caught = err;
    }
    expect(isUniqueViolation(caught)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
    const rows = await db.sql.$queryRawUnsafe<{ k: string }[]>(`SELECT k FROM sql_test_u ORDER BY k`);
    expect(rows.map((r) => r.k)).toEqual(["x", "y"]); // "z" was rolled back with the failed statement
  });

  it("names only marked statements, one name per text", () => {
    expect(statementName("SELECT 1")).toBeUndefined();
    const a = statementName(`${PREPARED}SELECT 1`);
    expect(a).toMatch(/^sohoa_[0-9a-f]{24}$/);
    expect(statementName(`${PREPARED}SELECT 1`)).toBe(a);
    expect(statementName(`${PREPARED}SELECT 2`)).not.toBe(a);
  });
});
