/**
 * Roll-up benchmark (issue 4): a national-scale dataset — 34 provinces, 3,321 communes, a year of daily
 * snapshots each — then the national and a province view from the roll-ups versus the straightforward
 * GROUP BY over the raw snapshots, measured in the same run. Run against PostgreSQL (DATABASE_URL).
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@sohoa/db/testing";
import { bulkInsertSnapshots, importUnitRegistry, readRegistry, rebuildRollups, rollupsAt, REGISTRY_2025_07_01, type BulkSnapshot, type Database } from "@sohoa/db";
import { unitProgress } from "../src/services/progress";

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const REPS = Number(process.env.BENCH_REPS ?? 25);

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
async function time(fn: () => Promise<unknown>, reps = REPS) {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** The straightforward query: latest snapshot per key on or before the date, grouped by the children of `unitId`. */
async function naiveChildren(db: Database, unitId: string, date: string) {
  return db.prisma.$queryRawUnsafe(
    `SELECT ch.id, sum(s."entriesDigitized") AS d, sum(s."entriesTotal") AS t
       FROM (SELECT DISTINCT ON (p."unitId", p."registerKindId", p."phaseId") p.*
               FROM "ProgressSnapshot" p WHERE p."reportDate" <= $2::date
              ORDER BY p."unitId", p."registerKindId", p."phaseId", p."reportDate" DESC, p."version" DESC) s
       JOIN "UnitClosure" c ON c."descendantId" = s."unitId"
       JOIN "Unit" ch ON ch.id = c."ancestorId" AND (ch."parentId" = $1 OR ch.id = $1)
      GROUP BY ch.id`,
    unitId, date,
  );
}

export async function rollupBench(): Promise<Record<string, number>> {
  const db = await createTestDatabase();
  try {
    const t0 = performance.now();
    await importUnitRegistry(db.prisma, readRegistry(REGISTRY_2025_07_01), "2024-01-01");
    const communes = await db.prisma.unit.findMany({ where: { level: "COMMUNE" }, select: { id: true } });
    const kind = await db.prisma.registerKind.findFirstOrThrow({ where: { code: "BIRTH" } });
    const phase = await db.prisma.bookPhase.findFirstOrThrow({ where: { code: "P1" } });
    const start = new Date("2024-07-01T00:00:00Z");
    const rows: BulkSnapshot[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const c of communes) {
      const total = 2000 + Math.floor(rnd() * 8000);
      let done = Math.floor(rnd() * total * 0.2);
      for (let d = 0; d < DAYS; d++) {
        done = Math.min(total, done + Math.floor(rnd() * (total / DAYS) * 2));
        const date = new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
        rows.push({ unitId: c.id, registerKindId: kind.id, phaseId: phase.id, reportDate: date, version: 1, submissionId: null, booksTotal: Math.ceil(total / 120), booksDigitized: Math.floor(done / 120), entriesTotal: total, entriesDigitized: done, entriesChecked: done, entriesLoaded: done, source: "API", submittedById: null, submittedAt: `${date}T09:00:00Z`, checksum: "bench" });
      }
      if (rows.length >= 100_000) await bulkInsertSnapshots(db.prisma, rows.splice(0));
    }
    await bulkInsertSnapshots(db.prisma, rows.splice(0));
    await rebuildRollups(db.prisma);
    // What a database in service looks like: autovacuum has been through the year of rows and its pages are
    // written out (right after the bulk load both would otherwise run during the measurement, on the same cores).
    await db.prisma.$executeRawUnsafe(`VACUUM ANALYZE`);
    await db.prisma.$executeRawUnsafe(`CHECKPOINT`).catch(() => undefined);
    const snapshots = await db.prisma.progressSnapshot.count();
    console.log(`dataset: ${communes.length} communes × ${DAYS} days = ${snapshots} snapshots on ${db.kind} (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    const nation = await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const province = await db.prisma.unit.findFirstOrThrow({ where: { code: "48", level: "PROVINCE" } });
    const provinces = await db.prisma.unit.findMany({ where: { parentId: nation.id }, select: { id: true } });
    const provinceChildren = await db.prisma.unit.findMany({ where: { parentId: province.id }, select: { id: true } });
    const date = new Date(start.getTime() + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);

    const out: Record<string, number> = {};
    out.nationRollup = await time(() => rollupsAt(db.prisma, [nation.id, ...provinces.map((p) => p.id)], date));
    out.nationView = await time(() => unitProgress(db, { code: "VN", date, scopeUnitId: nation.id }));
    out.nationNaive = await time(() => naiveChildren(db, nation.id, date), 3);
    out.provinceRollup = await time(() => rollupsAt(db.prisma, [province.id, ...provinceChildren.map((p) => p.id)], date));
    out.provinceView = await time(() => unitProgress(db, { code: "48", date, scopeUnitId: nation.id }));
    out.provinceNaive = await time(() => naiveChildren(db, province.id, date), 3);
    console.log(`national view:  roll-up query ${out.nationRollup.toFixed(2)} ms, full view ${out.nationView.toFixed(1)} ms, straightforward GROUP BY ${out.nationNaive.toFixed(0)} ms → ${(out.nationNaive / out.nationRollup).toFixed(0)}× faster (full view ${(out.nationNaive / out.nationView).toFixed(0)}×)`);
    console.log(`province view:  roll-up query ${out.provinceRollup.toFixed(2)} ms, full view ${out.provinceView.toFixed(1)} ms, straightforward GROUP BY ${out.provinceNaive.toFixed(0)} ms → ${(out.provinceNaive / out.provinceRollup).toFixed(0)}× faster (full view ${(out.provinceNaive / out.provinceView).toFixed(0)}×)`);
    return out;
  } finally {
    await db.close();
  }
}
