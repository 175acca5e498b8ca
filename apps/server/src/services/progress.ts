/**
 * Progress of a unit and its children on a date, from the roll-ups: counts, completion, buckets, rank among
 * siblings, percent of the period's target, weekly growth, deadline and forecast. A handful of set-based
 * queries whatever the level (nation, province, district, commune).
 */
import {
  bucketOf,
  completion,
  forecastCompletion,
  growth,
  percentOfTarget,
  rankBy,
  type Bucket,
  type Forecast,
  type ProgressCounts,
} from "@sohoa/core";
import { type Database, entriesSeries, flowShares, latestReportDate, latestSnapshots, rollupSeries, rollupsAt, ZERO } from "@sohoa/db";
import type { UnitSummary } from "../context";
import { notFound } from "../lib/errors";
import { toUnitSummary, unitSelect, validOn } from "../lib/units";

export interface UnitProgress extends UnitSummary {
  counts: ProgressCounts;
  completion: number | null;
  booksCompletion: number | null;
  bucket: Bucket;
  rank: number | null;
  siblings: number;
  target: { periodStart: string; periodEnd: string; entriesTarget: number; achieved: number; percent: number | null } | null;
  growth: number | null;
  weekOutput: number;
  forecast: Forecast;
  deadline: string | null;
  lastReportAt: string | null;
  hasChildren: boolean;
  reported: boolean;
}

export interface KindPhaseRow {
  registerKind: { code: string; nameVi: string; nameEn: string };
  phase: { code: string; nameVi: string; nameEn: string };
  counts: ProgressCounts;
  completion: number | null;
  reportDate: string;
  version: number;
}

export interface ProgressView {
  date: string;
  latestReportDate: string | null;
  unit: UnitProgress;
  children: UnitProgress[];
  buckets: Record<Bucket, number>;
  breakdown: KindPhaseRow[];
  ancestors: UnitSummary[];
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in Asia/Ho_Chi_Minh. */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The default "as of" date of a user's views: the latest report date in their scope, else today. */
export async function defaultDate(db: Database, scopeUnitId: string, now: Date): Promise<string> {
  return (await latestReportDate(db.prisma, scopeUnitId)) ?? vnToday(now);
}

/** The calendar days of [from, to]. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Daily cumulative entriesDigitized on each of `days`, carrying the last known value over days without change. */
function dailySeries(rows: { date: string; entriesDigitized: number }[] | undefined, days: string[]) {
  const out: { date: string; value: number }[] = [];
  let i = 0;
  let value = 0;
  const list = rows ?? [];
  for (const d of days) {
    while (i < list.length && list[i]!.date <= d) value = list[i++]!.entriesDigitized;
    out.push({ date: d, value });
  }
  return out;
}

export async function unitProgress(db: Database, opts: { code: string; date: string; scopeUnitId: string; isInScope?: (unitId: string) => Promise<boolean> }): Promise<ProgressView> {
  const { prisma } = db;
  const { date } = opts;
  const at = day(date);
  // The unit only if it lies in the scope (the closure holds every unit as its own ancestor at distance 0).
  const unit = await prisma.unit.findFirst({
    where: { code: opts.code, active: true, ...validOn(at), ancestors: { some: { ancestorId: opts.scopeUnitId } } },
    select: unitSelect, orderBy: { validFrom: "desc" },
  });
  if (!unit) {
    // Out of scope and absent look the same, so codes outside one's scope cannot be probed.
    throw notFound({ vi: `đơn vị mã ${opts.code} vào ngày ${date.split("-").reverse().join("/")} trong phạm vi của bạn`, en: `Unit ${opts.code} on ${date} within your scope` });
  }
  const children = await prisma.unit.findMany({
    where: { parentId: unit.id, active: true, ...validOn(at) },
    select: { ...unitSelect, _count: { select: { children: { where: { active: true, ...validOn(at) } } } } },
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  const ids = [unit.id, ...children.map((c) => c.id)];
  const hasKids = new Set(children.filter((c) => c._count.children > 0).map((c) => c.id));
  if (children.length > 0) hasKids.add(unit.id);

  const windowStart = addDays(date, -28);
  const monthStart = `${date.slice(0, 7)}-01`;
  // Everything else at once: figures now and before the month, the 4-week series, targets, deadlines, path.
  const [now, series, targets, deadlines, ancestors, beforeMonth, latest] = await Promise.all([
    rollupsAt(prisma, ids, date),
    entriesSeries(prisma, ids, windowStart, date),
    monthTargets(db, ids, date),
    effectiveDeadlines(db, unit.id, children.map((c) => c.id), date),
    prisma.unitClosure.findMany({ where: { descendantId: unit.id, distance: { gt: 0 } }, orderBy: { distance: "desc" }, select: { ancestor: { select: unitSelect } } }),
    rollupsAt(prisma, ids, addDays(monthStart, -1)),
    latestReportDate(prisma, opts.scopeUnitId),
  ]);

  const windowDays = daysBetween(windowStart, date);
  const build = (u: typeof unit): UnitProgress => {
    const r = now.get(u.id);
    const counts: ProgressCounts = r ? { booksTotal: r.booksTotal, booksDigitized: r.booksDigitized, entriesTotal: r.entriesTotal, entriesDigitized: r.entriesDigitized, entriesChecked: r.entriesChecked, entriesLoaded: r.entriesLoaded } : { ...ZERO };
    const s = dailySeries(series.get(u.id), windowDays);
    const v = (offset: number) => s[s.length - 1 - offset]?.value ?? 0;
    const weekOutput = v(0) - v(7);
    const prevWeek = v(7) - v(14);
    const t = targets.get(u.id);
    const achieved = counts.entriesDigitized - (beforeMonth.get(u.id)?.entriesDigitized ?? 0);
    const deadline = deadlines.get(u.id) ?? null;
    const c = completion(counts.entriesDigitized, counts.entriesTotal);
    return {
      ...toUnitSummary(u),
      counts,
      completion: c,
      booksCompletion: completion(counts.booksDigitized, counts.booksTotal),
      bucket: bucketOf(c),
      rank: null,
      siblings: 0,
      target: t ? { periodStart: t.periodStart, periodEnd: t.periodEnd, entriesTarget: t.entriesTarget, achieved, percent: percentOfTarget(achieved, t.entriesTarget) } : null,
      growth: growth(weekOutput, prevWeek),
      weekOutput,
      forecast: forecastCompletion({ series: s, total: counts.entriesTotal, today: date, deadline }),
      deadline,
      lastReportAt: r?.lastReportAt ? r.lastReportAt.toISOString() : null,
      hasChildren: hasKids.has(u.id),
      reported: !!r?.lastReportAt && vnToday(r.lastReportAt) === date,
    };
  };

  const self = build(unit);
  const kids = children.map(({ _count: _c, ...c }) => build(c));
  const ranks = rankBy(kids, (k) => k.completion);
  for (const k of kids) {
    k.rank = ranks.get(k) ?? null;
    k.siblings = kids.length;
  }
  const buckets: Record<Bucket, number> = { zero: 0, under10: 0, under50: 0, under100: 0, done: 0 };
  for (const k of kids) buckets[k.bucket]++;

  let breakdown: KindPhaseRow[] = [];
  if (!self.hasChildren) {
    const [snaps, kinds, phases] = await Promise.all([
      latestSnapshots(prisma, [unit.id], date),
      prisma.registerKind.findMany(),
      prisma.bookPhase.findMany(),
    ]);
    const kindById = new Map(kinds.map((k) => [k.id, k]));
    const phaseById = new Map(phases.map((p) => [p.id, p]));
    breakdown = snaps
      .map((s) => {
        const k = kindById.get(s.registerKindId)!;
        const p = phaseById.get(s.phaseId)!;
        return {
          registerKind: { code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, order: k.sortOrder },
          phase: { code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, order: p.sortOrder },
          counts: s.counts,
          completion: completion(s.counts.entriesDigitized, s.counts.entriesTotal),
          reportDate: s.reportDate,
          version: s.version,
        };
      })
      .sort((a, b) => a.registerKind.order - b.registerKind.order || a.phase.order - b.phase.order)
      .map(({ registerKind: { order: _k, ...rk }, phase: { order: _p, ...ph }, ...rest }) => ({ registerKind: rk, phase: ph, ...rest }));
  }

  // Breadcrumbs: only the part of the path inside the user's scope.
  // The path is ordered from the top: the scope unit and what lies below it are visible.
  const visible: UnitSummary[] = [];
  if (opts.isInScope) {
    for (const a of ancestors) if (await opts.isInScope(a.ancestor.id)) visible.push(toUnitSummary(a.ancestor));
  } else {
    const from = ancestors.findIndex((a) => a.ancestor.id === opts.scopeUnitId);
    if (from >= 0) for (const a of ancestors.slice(from)) visible.push(toUnitSummary(a.ancestor));
  }

  return { date, latestReportDate: latest, unit: self, children: kids, buckets, breakdown, ancestors: visible };
}

/** Monthly target of each unit for the month containing `date`: its own target, or the sum of its subtree's. */
async function monthTargets(db: Database, unitIds: string[], date: string) {
  const rows = await db.prisma.$queryRawUnsafe<{ unitId: string; periodStart: Date; periodEnd: Date; entriesTarget: bigint }[]>(
    `SELECT c."ancestorId" AS "unitId", min(t."periodStart") AS "periodStart", max(t."periodEnd") AS "periodEnd", sum(t."entriesTarget") AS "entriesTarget"
       FROM "Target" t JOIN "UnitClosure" c ON c."descendantId" = t."unitId"
      WHERE c."ancestorId" = ANY($1::text[]) AND t."periodType" = 'MONTH' AND t."periodStart" <= $2::date AND t."periodEnd" >= $2::date
      GROUP BY c."ancestorId"`,
    unitIds, date,
  );
  return new Map(rows.map((r) => [r.unitId, { periodStart: r.periodStart.toISOString().slice(0, 10), periodEnd: r.periodEnd.toISOString().slice(0, 10), entriesTarget: Number(r.entriesTarget) }]));
}

/**
 * Deadline that applies to each unit: its own, else the nearest ancestor's (a district deadline applies to its
 * communes); for a parent without one, the latest of its children's (everyone must be done by then).
 */
export async function effectiveDeadlines(db: Database, unitId: string, childIds: string[], date: string): Promise<Map<string, string>> {
  const rows = await db.prisma.$queryRawUnsafe<{ unitId: string; dueDate: Date; distance: number }[]>(
    `SELECT c."descendantId" AS "unitId", d."dueDate", c.distance
       FROM "Deadline" d JOIN "Campaign" k ON k.id = d."campaignId"
       JOIN "UnitClosure" c ON c."ancestorId" = d."unitId"
      WHERE c."descendantId" = ANY($1::text[]) AND k.active AND k."startDate" <= $2::date
      ORDER BY c.distance ASC`,
    [unitId, ...childIds], date,
  );
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.unitId)) out.set(r.unitId, r.dueDate.toISOString().slice(0, 10));
  if (!out.has(unitId)) {
    const below = await db.prisma.$queryRawUnsafe<{ dueDate: Date | null }[]>(
      `SELECT max(d."dueDate") AS "dueDate" FROM "Deadline" d JOIN "UnitClosure" c ON c."descendantId" = d."unitId" WHERE c."ancestorId" = $1`,
      unitId,
    );
    if (below[0]?.dueDate) out.set(unitId, below[0].dueDate.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Cumulative daily trend of a unit with its monthly target line. Before a unit existed (a commune formed on
 * 01/07/2025), its line is the sum of what flowed into it from its predecessors, so it runs without a gap.
 */
export async function unitTrend(db: Database, unitId: string, from: string, to: string) {
  const unit = await db.prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { validFrom: true } });
  const born = unit.validFrom.toISOString().slice(0, 10);
  const own = (await rollupSeries(db.prisma, [unitId], from, to)).get(unitId) ?? [];
  let flows: { predecessorId: string; share: number }[] = [];
  let predSeries: Awaited<ReturnType<typeof rollupSeries>> = new Map();
  if (from < born) {
    flows = (await flowShares(db.prisma, born, [unitId])).filter((f) => f.successorId === unitId);
    predSeries = await rollupSeries(db.prisma, flows.map((f) => f.predecessorId), from, addDays(born, -1));
  }
  const carry = <T extends { date: string }>(rows: T[], d: string, idx: { i: number }): T | undefined => {
    while (idx.i < rows.length && rows[idx.i]!.date <= d) idx.i++;
    return idx.i > 0 ? rows[idx.i - 1] : undefined;
  };
  const targets = await db.prisma.$queryRawUnsafe<{ periodStart: Date; periodEnd: Date; entriesTarget: bigint }[]>(
    `SELECT t."periodStart", t."periodEnd", sum(t."entriesTarget") AS "entriesTarget"
       FROM "Target" t JOIN "UnitClosure" c ON c."descendantId" = t."unitId"
      WHERE c."ancestorId" = $1 AND t."periodType" = 'MONTH' AND t."periodEnd" >= $2::date AND t."periodStart" <= $3::date
      GROUP BY 1, 2 ORDER BY 1`,
    unitId, from, to,
  );
  const monthBase = new Map<string, number>();
  const points: { date: string; entriesDigitized: number; entriesTotal: number; booksDigitized: number; booksTotal: number; target: number | null }[] = [];
  const ownIdx = { i: 0 };
  const predIdx = new Map(flows.map((f) => [f.predecessorId, { i: 0 }]));
  for (let d = from; d <= to; d = addDays(d, 1)) {
    let v = { ...ZERO };
    if (d < born && flows.length) {
      for (const f of flows) {
        const r = carry(predSeries.get(f.predecessorId) ?? [], d, predIdx.get(f.predecessorId)!);
        if (r) for (const k of ["entriesDigitized", "entriesTotal", "booksDigitized", "booksTotal"] as const) v[k] += Math.round(r[k] * f.share);
      }
    } else {
      const r = carry(own, d, ownIdx);
      if (r) v = { ...v, ...r };
    }
    const t = targets.find((x) => x.periodStart <= day(d) && x.periodEnd >= day(d));
    let target: number | null = null;
    if (t) {
      const key = t.periodStart.toISOString().slice(0, 10);
      if (!monthBase.has(key)) monthBase.set(key, (await rollupsAt(db.prisma, [unitId], addDays(key, -1))).get(unitId)?.entriesDigitized ?? 0);
      const daysIn = Math.round((t.periodEnd.getTime() - t.periodStart.getTime()) / 86_400_000) + 1;
      const elapsed = Math.round((day(d).getTime() - t.periodStart.getTime()) / 86_400_000) + 1;
      target = Math.round(monthBase.get(key)! + (Number(t.entriesTarget) * elapsed) / daysIn);
    }
    points.push({ date: d, entriesDigitized: v.entriesDigitized, entriesTotal: v.entriesTotal, booksDigitized: v.booksDigitized, booksTotal: v.booksTotal, target });
  }
  return points;
}
