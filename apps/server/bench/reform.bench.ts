/**
 * Reorganization benchmark (issue 9): the whole country on both maps — 63 provinces / 696 districts / 10,035
 * communes with a year of history before 01/07/2025, carried into 34 provinces / 3,321 communes that report
 * daily after it — then the national view on a date before the reform and on a date after it, in the same
 * run. Goal: the view after costs no more than 2× the view before.
 *
 * BENCH_REFORM_STEP: days between two reports of an old commune during the year (default 7: weekly reports,
 * 53 per commune, 532,000 snapshots; 1 reproduces daily reports at 3.7 million and takes several minutes).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@sohoa/db/testing";
import {
  REGISTRY_2025_06_30, REGISTRY_2025_07_01, SUCCESSORS_2025, bulkInsertSnapshots, carryAcrossReform, importSuccessors, importUnitRegistry,
  readRegistry, rebuildRollups, rollupsAt, type BulkSnapshot, type SuccessorLink,
} from "@sohoa/db";
import { unitProgress } from "../src/services/progress";

const STEP = Math.max(1, Number(process.env.BENCH_REFORM_STEP ?? 7));
const REPS = Number(process.env.BENCH_REPS ?? 25);
const AFTER_DAYS = 14;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

async function median(fn: () => Promise<unknown>, reps = REPS) {
  await fn();
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

export async function reformBench(): Promise<Record<string, number>> {
  const db = await createTestDatabase();
  try {
    const { prisma } = db;
    const t0 = performance.now();
    await importUnitRegistry(prisma, readRegistry(REGISTRY_2025_06_30), "2024-01-01");
    const kind = await prisma.registerKind.findFirstOrThrow({ where: { code: "BIRTH" } });
    const phase = await prisma.bookPhase.findFirstOrThrow({ where: { code: "P1" } });
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const row = (unitId: string, date: string, total: number, done: number, source: BulkSnapshot["source"] = "API"): BulkSnapshot => ({
      unitId, registerKindId: kind.id, phaseId: phase.id, reportDate: date, version: 1, submissionId: null,
      booksTotal: Math.ceil(total / 120), booksDigitized: Math.floor(done / 120), entriesTotal: total, entriesDigitized: done, entriesChecked: done, entriesLoaded: done,
      source, submittedById: null, submittedAt: `${date}T09:00:00Z`, checksum: "bench",
    });

    // A year of reports by the old communes, until 30/06/2025.
    const oldCommunes = await prisma.unit.findMany({ where: { level: "COMMUNE" }, select: { id: true } });
    const start = Date.parse("2024-07-01T00:00:00Z");
    const last = Date.parse("2025-06-30T00:00:00Z");
    const rows: BulkSnapshot[] = [];
    let snapshots = 0;
    for (const c of oldCommunes) {
      const total = 2000 + Math.floor(rnd() * 8000);
      let done = Math.floor(rnd() * total * 0.2);
      for (let t = start; t <= last; t += STEP * DAY) {
        done = Math.min(total, done + Math.floor(rnd() * (total / 365) * 2 * STEP));
        rows.push(row(c.id, iso(t), total, done));
      }
      if (rows.length >= 100_000) { snapshots += rows.length; await bulkInsertSnapshots(prisma, rows.splice(0)); }
    }
    snapshots += rows.length;
    await bulkInsertSnapshots(prisma, rows.splice(0));
    // Roll-ups are rebuilt once from all the snapshots at the end (the carry below writes snapshots, the source).

    // The reform: the new map, the successor links, every figure carried across.
    await importUnitRegistry(prisma, readRegistry(REGISTRY_2025_07_01), "2025-07-01");
    const links = JSON.parse(readFileSync(SUCCESSORS_2025, "utf8")) as SuccessorLink[];
    await importSuccessors(prisma, links, "2025-07-01");
    const carry = await carryAcrossReform(prisma, "2025-07-01");

    // The new communes report daily for two weeks from their carried figures.
    const current = (await prisma.unit.findMany({ where: { validTo: null }, select: { id: true } })).map((u) => u.id);
    const carried = await prisma.progressSnapshot.findMany({ where: { source: "CARRIED", reportDate: new Date("2025-07-01T00:00:00Z"), unitId: { in: current } }, select: { unitId: true, entriesTotal: true, entriesDigitized: true } });
    for (const c of carried) {
      let done = c.entriesDigitized;
      for (let d = 1; d <= AFTER_DAYS; d++) {
        done = Math.min(c.entriesTotal, done + Math.floor(rnd() * 40));
        rows.push(row(c.unitId, iso(Date.parse("2025-07-01T00:00:00Z") + d * DAY), c.entriesTotal, done));
      }
    }
    snapshots += rows.length;
    await bulkInsertSnapshots(prisma, rows.splice(0));
    await rebuildRollups(prisma);
    await prisma.$executeRawUnsafe(`ANALYZE`);
    console.log(`dataset: ${oldCommunes.length} old communes reporting every ${STEP} day(s) for a year, carried into ${carry.successors} new communes (from ${carry.predecessors} units) reporting daily for ${AFTER_DAYS} days: ${snapshots + carried.length * 2} snapshots on ${db.kind} (built in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);

    const nation = await prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
    const before = "2025-06-30";
    const after = iso(Date.parse("2025-07-01T00:00:00Z") + AFTER_DAYS * DAY);
    const provinces = async (d: string) => (await prisma.unit.findMany({ where: { parentId: nation.id, validFrom: { lte: new Date(d) }, OR: [{ validTo: null }, { validTo: { gt: new Date(d) } }] }, select: { id: true } })).map((p) => p.id);
    const [pBefore, pAfter] = [await provinces(before), await provinces(after)];
    const view = (date: string) => () => unitProgress(db, { code: nation.code, date, scopeUnitId: nation.id });

    // Continuity as a sanity check of the dataset: the nation is the same on both sides of the boundary.
    const n30 = (await rollupsAt(prisma, [nation.id], before)).get(nation.id)!;
    const n01 = (await rollupsAt(prisma, [nation.id], "2025-07-01")).get(nation.id)!;
    if (n30.entriesDigitized !== n01.entriesDigitized || n30.entriesTotal !== n01.entriesTotal) throw new Error(`continuity broken: ${n30.entriesDigitized}/${n30.entriesTotal} on 30/06 vs ${n01.entriesDigitized}/${n01.entriesTotal} on 01/07`);

    const out: Record<string, number> = {};
    out.rollupBefore = await median(() => rollupsAt(prisma, [nation.id, ...pBefore], before));
    out.rollupAfter = await median(() => rollupsAt(prisma, [nation.id, ...pAfter], after));
    out.viewBefore = await median(view(before), Math.max(5, Math.floor(REPS / 2)));
    out.viewAfter = await median(view(after), Math.max(5, Math.floor(REPS / 2)));
    console.log(`national view before the reform (${before}, ${pBefore.length} provinces): roll-up ${out.rollupBefore.toFixed(2)} ms, full view ${out.viewBefore.toFixed(1)} ms`);
    console.log(`national view after the reform  (${after}, ${pAfter.length} provinces): roll-up ${out.rollupAfter.toFixed(2)} ms, full view ${out.viewAfter.toFixed(1)} ms`);
    console.log(`  after / before: full view ${(out.viewAfter / out.viewBefore).toFixed(2)}×, roll-up ${(out.rollupAfter / out.rollupBefore).toFixed(2)}× (goal ≤ 2×)`);
    return out;
  } finally {
    await db.close();
  }
}
