import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { COUNT_FIELDS, LOCK_ROLLUPS, ZERO, lockRollups, lockUnitsStatements, viewFigures, naiveRollupAt, rebuildRollups, recordSnapshots, rollupSeries, rollupsAt, type Counts } from "./progress";

/** A small tree of any depth: nation → province → 2 districts → 3 communes each, plus an agency under the province. */
async function buildTree(db: TestDatabase) {
  const nation = await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
  const ids: Record<string, string> = { nation: nation.id };
  const mk = async (key: string, parent: string, level: "PROVINCE" | "DISTRICT" | "COMMUNE" | "AGENCY", depth: number) => {
    const id = crypto.randomUUID();
    ids[key] = id;
    await db.prisma.unit.create({ data: { id, code: key, level, typeName: "", name: key, fullName: key, searchName: key, parentId: ids[parent]!, depth, validFrom: new Date("2020-01-01") } });
    const up = await db.prisma.unitClosure.findMany({ where: { descendantId: ids[parent]! } });
    await db.prisma.unitClosure.createMany({ data: [{ ancestorId: id, descendantId: id, distance: 0 }, ...up.map((u) => ({ ancestorId: u.ancestorId, descendantId: id, distance: u.distance + 1 }))] });
  };
  await mk("P", "nation", "PROVINCE", 1);
  await mk("AG", "P", "AGENCY", 2);
  for (const d of ["D1", "D2"]) {
    await mk(d, "P", "DISTRICT", 2);
    for (const c of ["a", "b", "c"]) await mk(`${d}${c}`, d, "COMMUNE", 3);
  }
  return ids;
}

function rnd(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe("roll-ups maintained in the submission's transaction", () => {
  let db: TestDatabase;
  let ids: Record<string, string>;
  let kinds: string[];
  let phases: string[];
  beforeAll(async () => {
    db = await createTestDatabase();
    ids = await buildTree(db);
    kinds = (await db.prisma.registerKind.findMany()).map((k) => k.id);
    phases = (await db.prisma.bookPhase.findMany()).map((p) => p.id);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("equal the straightforward computation for every unit and date, with backdated and same-day resubmissions", async () => {
    const r = rnd(42);
    const leaves = ["D1a", "D1b", "D1c", "D2a", "D2b", "D2c", "AG"];
    const days = Array.from({ length: 12 }, (_, i) => `2025-02-${String(i + 1).padStart(2, "0")}`);
    for (let i = 0; i < 40; i++) {
      // 1–4 rows per submission, sometimes the same key twice; random order: many are backdated
      const batch = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
        const unit = leaves[Math.floor(r() * leaves.length)]!;
        const total = 1000 + Math.floor(r() * 1000);
        const counts: Counts = { booksTotal: 50, booksDigitized: Math.floor(r() * 50), entriesTotal: total, entriesDigitized: Math.floor(r() * total), entriesChecked: 0, entriesLoaded: 0 };
        return { unitId: ids[unit]!, registerKindId: kinds[Math.floor(r() * 2)]!, phaseId: phases[Math.floor(r() * 2)]!, reportDate: days[Math.floor(r() * days.length)]!, counts };
      });
      await db.prisma.$transaction(async (tx) => {
        await lockRollups(tx);
        await recordSnapshots(tx, batch, { submissionId: null, source: "API", submittedById: null, submittedAt: new Date(), checksum: "x", isCorrection: false, correctionReason: null });
      });
    }
    const all = Object.keys(ids);
    for (const day of ["2025-01-31", ...days, "2025-03-01"]) {
      const roll = await rollupsAt(db.prisma, all.map((k) => ids[k]!), day);
      for (const key of all) {
        const naive = await naiveRollupAt(db.prisma, ids[key]!, day);
        const got = roll.get(ids[key]!);
        const counts = got ? Object.fromEntries(COUNT_FIELDS.map((f) => [f, got[f]])) : ZERO;
        expect(counts, `${key} on ${day}`).toEqual(naive);
      }
    }
  }, 120_000);

  it.each([
    ["the roll-up lock for the whole transaction", { before: [LOCK_ROLLUPS] }],
    ["the units' locks first and the roll-up lock only for the deltas (the submission writer's)", { before: [], lateRollupLock: true, commit: true }],
  ] as const)("stay exact when many writers run at once on their own connections (same and different units and dates, shared ancestors), with %s", async (_, scheme) => {
    const r = rnd(scheme.before.length ? 7 : 11);
    const leaves = ["D1a", "D1b", "D1c", "D2a", "D2b", "D2c", "AG"];
    const days = Array.from({ length: 12 }, (_, i) => `2025-03-${String(i + 1).padStart(2, "0")}`);
    const opts = { submissionId: null, source: "API" as const, submittedById: null, submittedAt: new Date(), checksum: "c", isCorrection: false, correctionReason: null };
    // The hot path's transaction (PostgreSQL: its own pooled connection, statements batched): all started together.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const total = 2000 + Math.floor(r() * 1000);
        const row = {
          // 24 writers on 12 keys: each key written by two of them at once, on the same or different days
          unitId: ids[leaves[i % 6]!]!, registerKindId: kinds[Math.floor(i / 6) % 2]!, phaseId: phases[0]!, reportDate: days[Math.floor(r() * days.length)]!,
          counts: { booksTotal: 60, booksDigitized: Math.floor(r() * 60), entriesTotal: total, entriesDigitized: Math.floor(r() * total), entriesChecked: 0, entriesLoaded: 0 },
        };
        const before = scheme.before.length ? [...scheme.before] : lockUnitsStatements([row.unitId]);
        return db.transaction((tx) => recordSnapshots(tx, [row], opts, { ...scheme, before }));
      }),
    );
    const all = Object.keys(ids);
    for (const day of days) {
      const roll = await rollupsAt(db.prisma, all.map((k) => ids[k]!), day);
      for (const key of all) {
        const got = roll.get(ids[key]!);
        expect(got ? Object.fromEntries(COUNT_FIELDS.map((f) => [f, got[f]])) : ZERO, `${key} on ${day}`).toEqual(await naiveRollupAt(db.prisma, ids[key]!, day));
      }
    }
  }, 120_000);

  it("rebuilding from the snapshots in one statement gives the same roll-ups", async () => {
    const dump = async () =>
      (await db.prisma.unitRollup.findMany({ orderBy: [{ unitId: "asc" }, { date: "asc" }] })).map((r) => ({ ...r, lastReportAt: null }));
    const incremental = await dump();
    expect(incremental.length).toBeGreaterThan(20);
    await rebuildRollups(db.prisma);
    const rebuilt = await dump();
    // Incremental maintenance also materializes rows at "until" boundaries that carry the same values:
    // compare the figure on every date instead of the row sets.
    const at = (rows: typeof rebuilt, unitId: string, date: Date) => rows.filter((r) => r.unitId === unitId && r.date <= date).at(-1);
    for (const r of incremental) {
      const a = at(rebuilt, r.unitId, r.date);
      for (const f of COUNT_FIELDS) expect(a?.[f] ?? 0n, `${r.unitId} ${r.date.toISOString()} ${f}`).toBe(r[f]);
    }
  });

  // Two shapes: the month began inside the window (`before` after `from`), and before it (the scan must reach further).
  it.each([
    { date: "2025-02-09", from: "2025-02-04", before: "2025-02-05" },
    { date: "2025-02-09", from: "2025-02-07", before: "2025-02-03" },
  ])("a view's figures ($from…$date, before $before): the roll-up on the date, the value before the month, and a series that starts from the figure before the window and agrees with the roll-up on every day", async (q) => {
    const units = Object.values(ids);
    const dayBefore = new Date(Date.parse(q.from) - 86_400_000).toISOString().slice(0, 10);
    const [full, view, now, beforeMonth] = await Promise.all([
      rollupSeries(db.prisma, units, q.from, q.date),
      viewFigures(db.sql, units, q),
      rollupsAt(db.prisma, units, q.date),
      rollupsAt(db.prisma, units, q.before),
    ]);
    expect([...view.values()].filter((v) => v.series.length > 0).length).toBeGreaterThan(3);
    expect([...beforeMonth.values()].some((r) => r.entriesDigitized > 0)).toBe(true);
    for (const u of units) {
      expect(view.get(u)!.now, u).toEqual(now.get(u) ?? null);
      expect(view.get(u)!.before, u).toBe(beforeMonth.get(u)?.entriesDigitized ?? 0);
      expect(view.get(u)!.series, u).toEqual((full.get(u) ?? []).map((r) => ({ date: r.date, entriesDigitized: r.entriesDigitized })));
      const rows = view.get(u)!.series;
      if (rows.length === 0) continue;
      // the first point is the value carried into the window (or the first change inside it)
      const before = (await rollupsAt(db.prisma, [u], dayBefore)).get(u);
      if (before) expect(rows[0]).toEqual({ date: before.date, entriesDigitized: before.entriesDigitized });
      for (const p of rows.slice(before ? 1 : 0)) {
        expect(p.date >= q.from && p.date <= q.date).toBe(true);
        expect((await rollupsAt(db.prisma, [u], p.date)).get(u)!.entriesDigitized).toBe(p.entriesDigitized);
      }
    }
  });

  it("a parent equals the sum of its children on any date", async () => {
    const roll = await rollupsAt(db.prisma, [ids.P!, ids.D1!, ids.D2!, ids.AG!], "2025-02-07");
    for (const f of COUNT_FIELDS) {
      expect(roll.get(ids.P!)![f]).toBe((roll.get(ids.D1!)?.[f] ?? 0) + (roll.get(ids.D2!)?.[f] ?? 0) + (roll.get(ids.AG!)?.[f] ?? 0));
    }
  });
});
