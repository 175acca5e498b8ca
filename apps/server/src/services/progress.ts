/**
 * Progress of a unit and its children on a date, from the roll-ups: counts, completion, buckets, rank among
 * siblings, percent of the period's target, weekly growth, deadline and forecast. A handful of set-based
 * queries whatever the level (nation, province, district, commune).
 */
import {
  addDays,
  bucketOf,
  completion,
  forecastCompletion,
  growth,
  percentOfTarget,
  rankBy,
  todayInVietnam,
  type Bucket,
  type ProgressCounts,
} from "@sohoa/core";
import { type Database, latestReportDate, rollupSeries, rollupsAt, viewFigures, ZERO, deadlinesInForce, reformFlows, kindPhaseSnapshots, monthTargets, monthTargetsBetween, unitValidFrom, viewUnits, type ViewUnitRow } from "@sohoa/db";
import type { UnitSummary } from "../context";
import { notFound } from "../lib/errors";
import { cachedSubtreeBreakdown } from "./breakdown-cache";

import type { KindPhaseRow, ProgressView, UnitProgress } from "@sohoa/contract";
export type { KindPhaseRow, ProgressView, UnitProgress } from "@sohoa/contract";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The default "as of" date of a user's views: the latest report date in their scope, else today. */
export async function defaultDate(db: Database, scopeUnitId: string, now: Date): Promise<string> {
  return (await latestReportDate(db.sql, scopeUnitId)) ?? todayInVietnam(now);
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

const summary = (u: ViewUnitRow): UnitSummary => ({
  id: u.id, code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn ?? null, level: u.level as UnitSummary["level"], parentId: u.parentId ?? null,
  validFrom: u.validFrom, validTo: u.validTo,
});
/** A commune's latest figures per register kind × phase, in the order of the kinds and phases. */
async function kindPhaseBreakdown(db: Database, unitId: string, date: string): Promise<KindPhaseRow[]> {
  return (await kindPhaseSnapshots(db.sql, unitId, date)).map((r) => ({ ...r, completion: completion(r.counts.entriesDigitized, r.counts.entriesTotal) }));
}

/** Above a commune: each kind × phase summed over the subtree (a sum has no version). */
async function summedBreakdown(db: Database, unitId: string, date: string): Promise<KindPhaseRow[]> {
  return (await cachedSubtreeBreakdown(db, unitId, date)).map((r) => ({
    registerKind: r.registerKind, phase: r.phase, counts: r.counts,
    completion: completion(r.counts.entriesDigitized, r.counts.entriesTotal),
    reportDate: r.reportDate, version: null,
  }));
}

export async function unitProgress(db: Database, opts: { code: string; date: string; scopeUnitId: string; isInScope?: (unitId: string) => Promise<boolean>; breakdown?: boolean }): Promise<ProgressView> {
  const { date } = opts;
  // Straight to the database on the pool (db.sql): two round trips whatever the level, every statement prepared.
  const rows = await viewUnits(db.sql, opts.code, date, opts.scopeUnitId);
  if (rows[0]?.role !== 0) {
    // Out of scope and absent look the same, so codes outside one's scope cannot be probed.
    throw notFound({ vi: `đơn vị mã ${opts.code} vào ngày ${date.split("-").reverse().join("/")} trong phạm vi của bạn`, en: `Unit ${opts.code} on ${date} within your scope` });
  }
  const unit = summary(rows[0]);
  const ancestors: UnitSummary[] = [];
  const children: UnitSummary[] = [];
  const hasKids = new Set<string>();
  for (const r of rows) {
    if (r.role === 1) ancestors.push(summary(r));
    else if (r.role === 2) {
      children.push(summary(r));
      if (r.hasChildren) hasKids.add(r.id);
    }
  }
  const ids = [unit.id, ...children.map((c) => c.id)];
  if (children.length > 0) hasKids.add(unit.id);

  const windowStart = addDays(date, -28);
  const monthStart = `${date.slice(0, 7)}-01`;
  // Everything else at once: figures now and before the month with the 4-week series, targets, deadlines, the
  // default date, and a commune's kinds × phases.
  const [figures, targets, deadlines, latest, breakdown] = await Promise.all([
    viewFigures(db.sql, ids, { date, from: windowStart, before: addDays(monthStart, -1) }),
    monthTargets(db.sql, ids, date),
    effectiveDeadlines(db, unit.id, children.map((c) => c.id), date),
    latestReportDate(db.sql, opts.scopeUnitId),
    opts.breakdown === false ? Promise.resolve([]) : hasKids.has(unit.id) ? summedBreakdown(db, unit.id, date) : kindPhaseBreakdown(db, unit.id, date),
  ]);

  const windowDays = daysBetween(windowStart, date);
  const build = (u: UnitSummary): UnitProgress => {
    const f = figures.get(u.id);
    const r = f?.now;
    const counts: ProgressCounts = r ? { booksTotal: r.booksTotal, booksDigitized: r.booksDigitized, entriesTotal: r.entriesTotal, entriesDigitized: r.entriesDigitized, entriesChecked: r.entriesChecked, entriesLoaded: r.entriesLoaded } : { ...ZERO };
    const s = dailySeries(f?.series, windowDays);
    const v = (offset: number) => s[s.length - 1 - offset]?.value ?? 0;
    const weekOutput = v(0) - v(7);
    const prevWeek = v(7) - v(14);
    const t = targets.get(u.id);
    const achieved = counts.entriesDigitized - (f?.before ?? 0);
    const deadline = deadlines.get(u.id) ?? null;
    const c = completion(counts.entriesDigitized, counts.entriesTotal);
    return {
      // Field by field: a spread here made every view's objects several times slower to build and to use.
      id: u.id, code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn, level: u.level, parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo,
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
      reported: !!r?.lastReportAt && todayInVietnam(r.lastReportAt) === date,
    };
  };

  const self = build(unit);
  const kids = children.map(build);
  // Territories are ranked and banded among territories; agencies (Sở Tư pháp) are neither (the console shows them apart).
  const territories = kids.filter((k) => k.level !== "AGENCY");
  const ranks = rankBy(territories, (k) => k.completion);
  for (const k of territories) {
    k.rank = ranks.get(k) ?? null;
    k.siblings = territories.length;
  }
  const buckets: Record<Bucket, number> = { zero: 0, under10: 0, under50: 0, under100: 0, done: 0 };
  for (const k of territories) buckets[k.bucket]++;

  // Breadcrumbs: only the part of the path inside the user's scope.
  // The path is ordered from the top: the scope unit and what lies below it are visible.
  const visible: UnitSummary[] = [];
  if (opts.isInScope) {
    for (const a of ancestors) if (await opts.isInScope(a.id)) visible.push(a);
  } else {
    const from = ancestors.findIndex((a) => a.id === opts.scopeUnitId);
    if (from >= 0) for (const a of ancestors.slice(from)) visible.push(a);
  }

  return { date, latestReportDate: latest, unit: self, children: kids, buckets, breakdown, ancestors: visible };
}

/**
 * Deadline that applies to each unit: its own, else the nearest ancestor's (a district deadline applies to its
 * communes); for a parent without one, the latest of its children's (everyone must be done by then).
 */
export function effectiveDeadlines(db: Database, unitId: string, childIds: string[], date: string): Promise<Map<string, string>> {
  return deadlinesInForce(db.sql, unitId, childIds, date);
}

/**
 * Cumulative daily trend of a unit with its monthly target line. Before a unit existed (a commune formed on
 * 01/07/2025), its line is the sum of what flowed into it from its predecessors, so it runs without a gap.
 */
export async function unitTrend(db: Database, unitId: string, from: string, to: string) {
  const born = await unitValidFrom(db, unitId);
  const own = (await rollupSeries(db.sql, [unitId], from, to)).get(unitId) ?? [];
  let flows: { predecessorId: string; share: number }[] = [];
  let predSeries: Awaited<ReturnType<typeof rollupSeries>> = new Map();
  if (from < born) {
    flows = (await reformFlows(db, born, [unitId])).filter((f) => f.successorId === unitId);
    predSeries = await rollupSeries(db.sql, flows.map((f) => f.predecessorId), from, addDays(born, -1));
  }
  const carry = <T extends { date: string }>(rows: T[], d: string, idx: { i: number }): T | undefined => {
    while (idx.i < rows.length && rows[idx.i]!.date <= d) idx.i++;
    return idx.i > 0 ? rows[idx.i - 1] : undefined;
  };
  const targets = await monthTargetsBetween(db.sql, unitId, from, to);
  // The target line is cumulative: a month starts where the previous month's line ended (from the actual figure
  // before the first month only), so it does not fall back to the actual figures at each 1st.
  const monthBase = new Map<string, number>();
  let lastMonth: { key: string; target: number } | null = null;
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
      if (!monthBase.has(key)) {
        const base = lastMonth ? monthBase.get(lastMonth.key)! + lastMonth.target : (await rollupsAt(db.sql, [unitId], addDays(key, -1))).get(unitId)?.entriesDigitized ?? 0;
        monthBase.set(key, base);
        lastMonth = { key, target: Number(t.entriesTarget) };
      }
      const daysIn = Math.round((t.periodEnd.getTime() - t.periodStart.getTime()) / 86_400_000) + 1;
      const elapsed = Math.round((day(d).getTime() - t.periodStart.getTime()) / 86_400_000) + 1;
      target = Math.round(monthBase.get(key)! + (Number(t.entriesTarget) * elapsed) / daysIn);
    }
    points.push({ date: d, entriesDigitized: v.entriesDigitized, entriesTotal: v.entriesTotal, booksDigitized: v.booksDigitized, booksTotal: v.booksTotal, target });
  }
  return points;
}
