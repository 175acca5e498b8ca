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
import { COUNT_FIELDS, PREPARED, type Database, flowShares, latestReportDate, latestSnapshotsJoin, rollupSeries, rollupsAt, viewFigures, ZERO } from "@sohoa/db";
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

interface UnitRow { role: number; id: string; code: string; name: string; fullName: string; nameEn: string | null; level: string; parentId: string | null; validFrom: string; validTo: string | null; hasChildren: boolean }
const summary = (u: UnitRow): UnitSummary => ({
  id: u.id, code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn ?? null, level: u.level as UnitSummary["level"], parentId: u.parentId ?? null,
  validFrom: u.validFrom, validTo: u.validTo,
});
const validOnDate = (a: string) => `${a}."active" AND ${a}."validFrom" <= $2::date AND (${a}."validTo" IS NULL OR ${a}."validTo" > $2::date)`;
const unitColumns = (a: string) => `${a}."id", ${a}."code", ${a}."name", ${a}."fullName", ${a}."nameEn", ${a}."level"::text AS "level", ${a}."parentId", to_char(${a}."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(${a}."validTo", 'YYYY-MM-DD') AS "validTo"`;
/**
 * A view's unit (by code, on the date, only inside the scope: the closure holds every unit as its own ancestor),
 * its path from the top and its children on that date (and whether each has children of its own), as plain
 * rows: role 0 the unit, 1 its ancestors from the top, 2 its children by level and code. (Built as one JSON
 * document it cost several times more, in PostgreSQL and in decoding.)
 */
const VIEW_HEAD = `${PREPARED}WITH u AS (
  SELECT u.* FROM "Unit" u
   WHERE u."code" = $1 AND ${validOnDate("u")}
     AND EXISTS (SELECT 1 FROM "UnitClosure" c WHERE c."ancestorId" = $3 AND c."descendantId" = u."id")
   ORDER BY u."validFrom" DESC LIMIT 1
)
SELECT * FROM (
  SELECT 0 AS "role", 0 AS "distance", u."level" AS "sortLevel", ${unitColumns("u")}, false AS "hasChildren" FROM u
  UNION ALL
  SELECT 1, l."distance", a."level", ${unitColumns("a")}, true
    FROM u JOIN "UnitClosure" l ON l."descendantId" = u."id" AND l."distance" > 0 JOIN "Unit" a ON a."id" = l."ancestorId"
  UNION ALL
  SELECT 2, 0, c."level", ${unitColumns("c")}, coalesce(
      -- ordered like the (parentId, validFrom) index, so that it is probed rather than scanned (EXISTS was a scan)
      (SELECT true FROM "Unit" g WHERE g."parentId" = c."id" AND ${validOnDate("g")} ORDER BY g."parentId", g."validFrom" LIMIT 1), false)
    FROM u JOIN "Unit" c ON c."parentId" = u."id" WHERE ${validOnDate("c")}
) x ORDER BY x."role", x."distance" DESC, x."sortLevel", x."code"`;

/** A commune's latest figures per register kind × phase, in the order of the kinds and phases. */
async function kindPhaseBreakdown(db: Database, unitId: string, date: string): Promise<KindPhaseRow[]> {
  const rows = await db.sql.$queryRawUnsafe<(Record<string, unknown> & { reportDate: Date; version: number })[]>(
    `${PREPARED}SELECT k."code" AS "kindCode", k."nameVi" AS "kindVi", k."nameEn" AS "kindEn", b."code" AS "phaseCode", b."nameVi" AS "phaseVi", b."nameEn" AS "phaseEn", p.*
       FROM (SELECT $1::text AS "id") u
       ${latestSnapshotsJoin(`u."id"`, "$2::date", `s."reportDate", s."version", ${COUNT_FIELDS.map((f) => `s."${f}"`).join(", ")}`)}
      ORDER BY k."sortOrder", b."sortOrder"`,
    unitId, date,
  );
  return rows.map((r) => {
    const counts = { ...ZERO };
    for (const f of COUNT_FIELDS) counts[f] = Number(r[f] ?? 0);
    return {
      registerKind: { code: String(r.kindCode), nameVi: String(r.kindVi), nameEn: String(r.kindEn) },
      phase: { code: String(r.phaseCode), nameVi: String(r.phaseVi), nameEn: String(r.phaseEn) },
      counts,
      completion: completion(counts.entriesDigitized, counts.entriesTotal),
      reportDate: r.reportDate.toISOString().slice(0, 10),
      version: Number(r.version),
    };
  });
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
  const rows = await db.sql.$queryRawUnsafe<UnitRow[]>(VIEW_HEAD, opts.code, date, opts.scopeUnitId);
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
    monthTargets(db, ids, date),
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

/** Monthly target of each unit for the month containing `date`: its own target, or the sum of its subtree's. */
async function monthTargets(db: Database, unitIds: string[], date: string) {
  const rows = await db.sql.$queryRawUnsafe<{ unitId: string; periodStart: Date; periodEnd: Date; entriesTarget: bigint }[]>(
    `${PREPARED}SELECT c."ancestorId" AS "unitId", min(t."periodStart") AS "periodStart", max(t."periodEnd") AS "periodEnd", sum(t."entriesTarget") AS "entriesTarget"
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
  // Own or inherited deadlines by nearness, then (the last row) the latest deadline anywhere below the unit.
  const rows = await db.sql.$queryRawUnsafe<{ unitId: string; dueDate: Date | null }[]>(
    `${PREPARED}SELECT * FROM (
       SELECT c."descendantId" AS "unitId", d."dueDate", c.distance, false AS "below"
         FROM "Deadline" d JOIN "Campaign" k ON k.id = d."campaignId"
         JOIN "UnitClosure" c ON c."ancestorId" = d."unitId"
        WHERE c."descendantId" = ANY($1::text[]) AND k.active AND k."startDate" <= $2::date
       UNION ALL
       -- only deadlines of campaigns covering the unit: the nation does not take one province's deadline as its own
       SELECT $3, max(d."dueDate"), NULL, true FROM "Deadline" d JOIN "UnitClosure" c ON c."descendantId" = d."unitId"
         JOIN "Campaign" k ON k.id = d."campaignId" JOIN "UnitClosure" kc ON kc."ancestorId" = k."unitId" AND kc."descendantId" = $3
        WHERE c."ancestorId" = $3 AND k.active
     ) x ORDER BY x."below", x.distance`,
    [unitId, ...childIds], date, unitId,
  );
  const out = new Map<string, string>();
  for (const r of rows) if (r.dueDate && !out.has(r.unitId)) out.set(r.unitId, r.dueDate.toISOString().slice(0, 10));
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
        const base = lastMonth ? monthBase.get(lastMonth.key)! + lastMonth.target : (await rollupsAt(db.prisma, [unitId], addDays(key, -1))).get(unitId)?.entriesDigitized ?? 0;
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
