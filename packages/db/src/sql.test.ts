import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";
import { COMMIT, inlineStatement, isUniqueViolation, PREPARED, runBatch, statementName } from "./sql";

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

  it("sends a batch in order in one transaction: values of every kind arrive intact, an error rolls it all back", async () => {
    await db.sql.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS sql_test_b (k text PRIMARY KEY, n bigint, d date, j jsonb, tags text[])`);
    const tricky = `Xã Za Hung's "sổ" \\ C:\\temp $q$ $1 -- not a comment ; ${"đ".repeat(3)}`;
    const rows = await db.transaction(async (tx) => {
      const out = await runBatch(tx, [
        { text: `INSERT INTO sql_test_b (k, n, d, j, tags) VALUES ($1, $2, $3::date, $4::jsonb, $5::text[])`, values: ["a", -42, "2025-07-01", JSON.stringify({ s: tricky }), ["x", "y'z"]] },
        { text: `INSERT INTO sql_test_b (k, n, d, j, tags) VALUES ($1, $2, NULL, NULL, $3::text[])`, values: [tricky, 9007199254740993n, []] },
        { text: `SELECT k, n, d, j, tags FROM sql_test_b ORDER BY n`, rows: true },
        COMMIT,
      ]);
      return out[2] as { k: string; n: bigint; d: Date | null; j: { s: string } | null; tags: string[] }[];
    });
    expect(rows.map((r) => [r.k, r.n])).toEqual([["a", -42n], [tricky, 9007199254740993n]]);
    expect(rows[0]!.d!.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(rows[0]!.j).toEqual({ s: tricky });
    expect(rows[0]!.tags).toEqual(["x", "y'z"]);
    expect(rows[1]!.tags).toEqual([]);

    await expect(
      db.transaction((tx) =>
        runBatch(tx, [
          { text: `INSERT INTO sql_test_b (k) VALUES ($1)`, values: ["b"] },
          { text: `INSERT INTO sql_test_b (k) VALUES ($1)`, values: ["a"] }, // duplicate: the batch stops here
          COMMIT,
        ]),
      ),
    ).rejects.toSatisfy(isUniqueViolation);
    const keys = await db.sql.$queryRawUnsafe<{ k: string }[]>(`SELECT k FROM sql_test_b ORDER BY k`);
    expect(keys.map((r) => r.k).sort()).toEqual([tricky, "a"].sort()); // "b" was rolled back
  });

  it("prepares a marked statement of a batch once per connection and runs it with its values after that", async () => {
    await db.sql.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS sql_test_p (k text PRIMARY KEY, n int, j jsonb)`);
    const insert = { text: `${PREPARED}INSERT INTO sql_test_p (k, n, j) SELECT x.k, x.n, x.j FROM jsonb_to_recordset($1::jsonb) AS x(k text, n int, j jsonb)` };
    const count = { text: `${PREPARED}SELECT count(*)::int AS n, sum(n)::int AS s FROM sql_test_p WHERE k = ANY($1::text[])`, rows: true };
    const ours = { text: `SELECT name FROM pg_prepared_statements WHERE name LIKE 'sohoa%\\_b' ORDER BY name`, rows: true };
    const write = (keys: string[]) =>
      db.transaction((tx) =>
        runBatch(tx, [
          { ...insert, values: [JSON.stringify(keys.map((k, i) => ({ k, n: i + 1, j: { k } })))] },
          { text: `SELECT 'between' AS x`, rows: true },
          { ...count, values: [keys] },
          ours,
          COMMIT,
        ]),
      );
    // Results stay in the statements' order whatever PREPAREs the batch carries.
    const first = await write(["p1", "p2"]);
    expect(first[1]).toEqual([{ x: "between" }]);
    expect(first[2]).toEqual([{ n: 2, s: 3 }]);
    const second = await write(["p3", "p4", "p5'q"]);
    expect(second[2]).toEqual([{ n: 3, s: 6 }]);
    expect((await db.sql.$queryRawUnsafe<{ k: string; j: { k: string } }[]>(`SELECT k, j FROM sql_test_p WHERE k = 'p5''q'`))[0]!.j).toEqual({ k: "p5'q" });
    if (db.kind === "postgresql") {
      // the pool's first connection served both: the statements were prepared once, under their own names
      const names = (second[3] as { name: string }[]).map((r) => r.name);
      expect(names).toEqual([statementName(insert.text) + "_b", statementName(count.text) + "_b"].sort());
    }
    // A batch that fails after preparing (duplicate key) rolls back; the next batches prepare again where needed.
    await expect(write(["p6", "p1"])).rejects.toSatisfy(isUniqueViolation);
    for (let i = 0; i < 3; i++) expect((await write([`r${i}`]))[2]).toEqual([{ n: 1, s: 1 }]);
    expect((await db.sql.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM sql_test_p`))[0]!.n).toBe(8);
  });

  it("inlines values as literals only where placeholders are", () => {
    expect(inlineStatement({ text: "SELECT $1::int + $2, $10", values: [1, -2, 3, 4, 5, 6, 7, 8, 9, "ten"] })).toBe("SELECT 1::int + (-2), $q$ten$q$");
    expect(() => inlineStatement({ text: "SELECT $2", values: [1] })).toThrow(/missing value/);
    expect(() => inlineStatement({ text: "SELECT $1", values: [Number.NaN] })).toThrow(/finite/);
  });

  it("names only marked statements, one name per text", () => {
    expect(statementName("SELECT 1")).toBeUndefined();
    const a = statementName(`${PREPARED}SELECT 1`);
    expect(a).toMatch(/^sohoa_[0-9a-f]{24}$/);
    expect(statementName(`${PREPARED}SELECT 1`)).toBe(a);
    expect(statementName(`${PREPARED}SELECT 2`)).not.toBe(a);
  });
});
