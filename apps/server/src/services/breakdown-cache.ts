/**
 * A subtree's kinds × phases as the sum of each unit's own latest snapshots, each unit's part kept until its
 * version stamp (or '*') moves: after a commune's sheet the province's sum reads again only that commune and its
 * ancestors (one statement), not the subtree's thousands of latest snapshots. Same rows as subtreeBreakdown.
 */
import { COUNT_FIELDS, ownBreakdowns, subtreeBreakdown, subtreeStamps, type Database, type OwnBreakdownRow, type SubtreeBreakdownRow } from "@sohoa/db";

interface Part { global: bigint; version: bigint; rows: OwnBreakdownRow[] }

/** Parts per database (unit × date), the oldest dropped first beyond this. */
const MAX_PARTS = 20_000;
const caches = new WeakMap<Database, Map<string, Part>>();

export async function cachedSubtreeBreakdown(db: Database, unitId: string, date: string): Promise<SubtreeBreakdownRow[]> {
  if (process.env.SOHOA_VIEW_CACHE === "off") return subtreeBreakdown(db.sql, unitId, date);
  // Stamps first, then the parts: a part is never older than the stamp it is kept under.
  const stamps = await subtreeStamps(db.sql, unitId);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const parts: OwnBreakdownRow[][] = [];
  const missing: { id: string; version: bigint }[] = [];
  for (const u of stamps.units) {
    const p = cache.get(`${u.id}|${date}`);
    if (p && p.global >= stamps.global && (p.global > stamps.global || p.version >= u.version)) parts.push(p.rows);
    else missing.push(u);
  }
  if (missing.length > 0) {
    const rows = await ownBreakdowns(db.sql, missing.map((u) => u.id), date);
    const byUnit = new Map<string, OwnBreakdownRow[]>(missing.map((u) => [u.id, []]));
    for (const r of rows) byUnit.get(r.unitId)!.push(r);
    for (const u of missing) {
      const own = byUnit.get(u.id)!;
      parts.push(own);
      const k = `${u.id}|${date}`;
      cache.delete(k);
      cache.set(k, { global: stamps.global, version: u.version, rows: own });
    }
    while (cache.size > MAX_PARTS) cache.delete(cache.keys().next().value!);
  }
  return sumParts(parts);
}

/** Sums per kind × phase, in the kinds' then the phases' order, as subtreeBreakdown does. */
function sumParts(parts: OwnBreakdownRow[][]): SubtreeBreakdownRow[] {
  const sums = new Map<string, { first: OwnBreakdownRow; row: SubtreeBreakdownRow }>();
  for (const rows of parts) {
    for (const r of rows) {
      const key = `${r.registerKind.id}|${r.phase.id}`;
      const s = sums.get(key);
      if (!s) {
        const { id: _k, sortOrder: _ks, ...registerKind } = r.registerKind;
        const { id: _p, sortOrder: _ps, ...phase } = r.phase;
        sums.set(key, { first: r, row: { registerKind, phase, counts: { ...r.counts }, reportDate: r.reportDate, units: 1 } });
        continue;
      }
      for (const f of COUNT_FIELDS) s.row.counts[f] += r.counts[f];
      if (r.reportDate > s.row.reportDate) s.row.reportDate = r.reportDate;
      s.row.units++;
    }
  }
  return [...sums.values()]
    .sort((a, b) => a.first.registerKind.sortOrder - b.first.registerKind.sortOrder || a.first.phase.sortOrder - b.first.phase.sortOrder || a.first.registerKind.code.localeCompare(b.first.registerKind.code) || a.first.phase.code.localeCompare(b.first.phase.code))
    .map((s) => s.row);
}
