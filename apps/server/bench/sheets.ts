/** Commune sheets for the benchmarks' writers: one per pre-reform commune and day after the demo, as an official would fill it in. */
import type { UnitRef } from "@sohoa/core";
import { latestSnapshots, type Database } from "@sohoa/db";
import { communeGrid } from "../src/test-support/sheets";
import { DEMO_LAST_DAY } from "../src/demo/quang-nam";

/**
 * `sheets(firstDay, n)`: n bodies, the communes in turn, one day after another from day `firstDay` after the demo;
 * totals as registered in the commune's book inventory, digitized figures growing from its last report.
 */
export async function demoSheets(db: Database) {
  const communes = await db.prisma.unit.findMany({ where: { level: "COMMUNE", validTo: { not: null } }, orderBy: { code: "asc" } });
  const kinds = await db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
  const phases = await db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
  const last = new Map((await latestSnapshots(db.sql, communes.map((c) => c.id), DEMO_LAST_DAY)).map((s) => [`${s.unitId}|${s.registerKindId}|${s.phaseId}`, s.counts]));
  const inventory = new Map((await db.prisma.bookInventory.findMany()).map((i) => [`${i.unitId}|${i.registerKindId}|${i.phaseId}`, i]));
  const kindId = new Map(kinds.map((k) => [k.code, k.id]));
  const phaseId = new Map(phases.map((p) => [p.code, p.id]));
  const sheets = (firstDay: number, n: number) => Array.from({ length: n }, (_, i) => {
    const u = communes[i % communes.length]!;
    const dayIndex = firstDay + Math.floor(i / communes.length);
    const date = new Date(Date.UTC(2025, 1, 19 + dayIndex)).toISOString().slice(0, 10);
    const unit: UnitRef = { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId };
    const grid = communeGrid({
      unit, registerKinds: kinds, phases, reportDate: date,
      counts: (kind, phase) => {
        const key = `${u.id}|${kindId.get(kind)}|${phaseId.get(phase)}`;
        const inv = inventory.get(key);
        const before = last.get(key);
        const booksTotal = inv?.booksTotal ?? before?.booksTotal ?? 0;
        const entriesTotal = inv?.entriesTotal ?? before?.entriesTotal ?? 0;
        const grow = (from: number, total: number) => Math.min(total, from + Math.ceil(total * 0.004) * (dayIndex + 1));
        return {
          booksTotal, entriesTotal,
          booksDigitized: grow(before?.booksDigitized ?? 0, booksTotal),
          entriesDigitized: grow(before?.entriesDigitized ?? 0, entriesTotal),
          entriesChecked: before?.entriesChecked ?? 0, entriesLoaded: before?.entriesLoaded ?? 0,
        };
      },
    });
    return JSON.stringify({ unitCode: u.code, grid, source: "API" });
  });
  return { communes, sheets };
}
