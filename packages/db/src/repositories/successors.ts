/**
 * The 2025 reorganization as history: links each old commune to its successor(s) and carries its figures
 * across the boundary so that nothing is lost or counted twice.
 *
 * Carrying, at the effective date E:
 *  - every predecessor gets zero snapshots at E (source CARRIED) for the keys it had figures for, so its
 *    figures leave its old ancestors from E on, and a late report dated before E only affects [d, E);
 *  - every successor gets CARRIED snapshots at E equal to the sum of what flows into it: a whole commune's
 *    latest figures, or of a divided one either all of it (the primary successor, by default) or its share.
 * Both go through recordSnapshots, so roll-ups of both trees stay consistent and the nation, which spans
 * both, is unchanged across E.
 */
import type { PrismaClient } from "../generated/prisma/client";
import { dateOnly } from "../text";
import { COUNT_FIELDS, ZERO, latestSnapshots, lockAllUnits, lockRollups, recordSnapshots, type Counts, type SnapshotInput, type Tx } from "./progress";

export interface SuccessorLink { old: string; new: string[]; primary: string }

/** Island districts without communes, not in the successor file (see registry/README.md). */
export const ISLAND_DISTRICT_LINKS: { oldDistrict: string; newCode: string }[] = [
  { oldDistrict: "318", newCode: "11948" }, // Bạch Long Vĩ
  { oldDistrict: "471", newCode: "19742" }, // Cồn Cỏ
  { oldDistrict: "498", newCode: "20333" }, // Hoàng Sa
  { oldDistrict: "536", newCode: "21548" }, // Lý Sơn
  { oldDistrict: "755", newCode: "26732" }, // Côn Đảo
];

export interface SuccessorImportReport { linked: number; unchanged: number; notFound: { old: string; new?: string; reason: string }[]; predecessors: number }

const dayBefore = (iso: string) => new Date(dateOnly(iso).getTime() - 86_400_000);

/** With `dryRun`, reports what would be linked and writes nothing. */
export async function importSuccessors(prisma: PrismaClient, links: SuccessorLink[], effectiveIso: string, opts: { dryRun?: boolean } = {}): Promise<SuccessorImportReport> {
  const E = dateOnly(effectiveIso);
  const before = dayBefore(effectiveIso);
  const [oldUnits, newUnits] = await Promise.all([
    prisma.unit.findMany({ where: { level: { in: ["COMMUNE", "DISTRICT"] }, validFrom: { lte: before }, validTo: E }, select: { id: true, code: true, level: true } }),
    prisma.unit.findMany({ where: { level: "COMMUNE", validFrom: E }, select: { id: true, code: true } }),
  ]);
  const oldCommune = new Map(oldUnits.filter((u) => u.level === "COMMUNE").map((u) => [u.code, u.id]));
  const oldDistrict = new Map(oldUnits.filter((u) => u.level === "DISTRICT").map((u) => [u.code, u.id]));
  const newByCode = new Map(newUnits.map((u) => [u.code, u.id]));
  const report: SuccessorImportReport = { linked: 0, unchanged: 0, notFound: [], predecessors: 0 };
  const wanted: { predecessorId: string; successorId: string; isPrimary: boolean; kind: "MERGE" | "SPLIT" | "TRANSFER" }[] = [];
  const all = [
    ...links.map((l) => ({ oldId: oldCommune.get(l.old), oldCode: l.old, news: l.new, primary: l.primary })),
    ...ISLAND_DISTRICT_LINKS.map((l) => ({ oldId: oldDistrict.get(l.oldDistrict), oldCode: l.oldDistrict, news: [l.newCode], primary: l.newCode })),
  ];
  for (const l of all) {
    if (!l.oldId) {
      report.notFound.push({ old: l.oldCode, reason: "old unit not in the tree before the effective date" });
      continue;
    }
    report.predecessors++;
    for (const code of l.news) {
      const successorId = newByCode.get(code);
      if (!successorId) {
        report.notFound.push({ old: l.oldCode, new: code, reason: "new unit not opened on the effective date" });
        continue;
      }
      wanted.push({ predecessorId: l.oldId, successorId, isPrimary: code === l.primary, kind: l.news.length > 1 ? "SPLIT" : "MERGE" });
    }
  }
  const existing = await prisma.unitSuccession.findMany({ where: { effectiveDate: E }, select: { predecessorId: true, successorId: true } });
  const have = new Set(existing.map((e) => `${e.predecessorId}|${e.successorId}`));
  const fresh = wanted.filter((w) => !have.has(`${w.predecessorId}|${w.successorId}`));
  report.unchanged = wanted.length - fresh.length;
  report.linked = fresh.length;
  if (opts.dryRun) return report;
  for (let i = 0; i < fresh.length; i += 2000) {
    await prisma.unitSuccession.createMany({ data: fresh.slice(i, i + 2000).map((w) => ({ ...w, effectiveDate: E })), skipDuplicates: true });
  }
  return report;
}

/** Share (0..1) of each predecessor's figures going to each successor. */
export async function flowShares(tx: Tx, effectiveIso: string, successorIds?: string[]) {
  const links = await tx.unitSuccession.findMany({
    where: { effectiveDate: dateOnly(effectiveIso), ...(successorIds ? { successorId: { in: successorIds } } : {}) },
    select: { predecessorId: true, successorId: true, isPrimary: true, shareBp: true },
  });
  // Shares are decided per predecessor over all its links, so load every link of the predecessors involved.
  const preds = [...new Set(links.map((l) => l.predecessorId))];
  const allLinks = successorIds
    ? await tx.unitSuccession.findMany({ where: { effectiveDate: dateOnly(effectiveIso), predecessorId: { in: preds } }, select: { predecessorId: true, successorId: true, isPrimary: true, shareBp: true } })
    : links;
  const byPred = new Map<string, typeof allLinks>();
  for (const l of allLinks) byPred.set(l.predecessorId, [...(byPred.get(l.predecessorId) ?? []), l]);
  const flows: { predecessorId: string; successorId: string; share: number }[] = [];
  for (const [pred, ls] of byPred) {
    const shared = ls.some((l) => l.shareBp !== null);
    for (const l of ls) {
      const share = shared ? (l.shareBp ?? 0) / 10_000 : l.isPrimary ? 1 : 0;
      if (share > 0) flows.push({ predecessorId: pred, successorId: l.successorId, share });
    }
  }
  return flows;
}

/** Splits integer counts by shares so that the parts add up exactly to the whole (largest remainder). */
export function splitCounts(c: Counts, shares: number[]): Counts[] {
  const out = shares.map(() => ({ ...ZERO }));
  for (const f of COUNT_FIELDS) {
    const raw = shares.map((s) => c[f] * s);
    const floor = raw.map(Math.floor);
    let left = c[f] - floor.reduce((a, b) => a + b, 0);
    const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
    for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) floor[order[k]![1]]!++;
    floor.forEach((v, i) => (out[i]![f] = v));
  }
  return out;
}

/**
 * (Re)computes the carried figures at the effective date for the given successors (all when omitted).
 * Safe to run again: it writes new versions only where the carried value changed.
 */
export async function carryAcrossReform(prisma: PrismaClient, effectiveIso: string, successorIds?: string[]): Promise<{ successors: number; predecessors: number }> {
  return prisma.$transaction((tx) => carryAcrossReformIn(tx, effectiveIso, successorIds), { timeout: 600_000, maxWait: 60_000 });
}

/** carryAcrossReform inside the caller's transaction (a merge and its carry commit or fail together). */
export async function carryAcrossReformIn(tx: Tx, effectiveIso: string, successorIds?: string[]): Promise<{ successors: number; predecessors: number }> {
  const flows = await flowShares(tx, effectiveIso, successorIds);
  const preds = [...new Set(flows.map((f) => f.predecessorId))];
  const succs = [...new Set(flows.map((f) => f.successorId))];
  await lockAllUnits(tx);
  await lockRollups(tx);
  const dayBeforeIso = dayBefore(effectiveIso).toISOString().slice(0, 10);
  const latest = await latestSnapshots(tx, preds, dayBeforeIso);
  const byPred = new Map<string, typeof latest>();
  for (const s of latest) byPred.set(s.unitId, [...(byPred.get(s.unitId) ?? []), s]);
  const opts = { submissionId: null, source: "CARRIED" as const, submittedById: null, submittedAt: new Date(), checksum: `reform:${effectiveIso}`, isCorrection: false, correctionReason: null };

  // 1. Predecessors leave their old ancestors at E (only keys not yet closed with the same zero).
  const atE = await latestSnapshots(tx, preds, effectiveIso);
  const closedAtE = new Set(atE.filter((s) => s.reportDate === effectiveIso && COUNT_FIELDS.every((f) => s.counts[f] === 0)).map((s) => `${s.unitId}|${s.registerKindId}|${s.phaseId}`));
  const zeros: SnapshotInput[] = latest
    .filter((s) => !closedAtE.has(`${s.unitId}|${s.registerKindId}|${s.phaseId}`))
    .map((s) => ({ unitId: s.unitId, registerKindId: s.registerKindId, phaseId: s.phaseId, reportDate: effectiveIso, counts: { ...ZERO }, note: "Chuyển sang đơn vị mới từ ngày sắp xếp / carried to the new unit" }));
  await recordSnapshots(tx, zeros, opts);

  // 2. Successors receive the sum of what flows into them.
  const into = new Map<string, Counts>();
  const flowsByPred = new Map<string, typeof flows>();
  for (const f of flows) flowsByPred.set(f.predecessorId, [...(flowsByPred.get(f.predecessorId) ?? []), f]);
  for (const [pred, fl] of flowsByPred) {
    for (const s of byPred.get(pred) ?? []) {
      const parts = splitCounts(s.counts, fl.map((f) => f.share));
      fl.forEach((f, i) => {
        const key = `${f.successorId}|${s.registerKindId}|${s.phaseId}`;
        const acc = into.get(key) ?? { ...ZERO };
        for (const field of COUNT_FIELDS) acc[field] += parts[i]![field];
        into.set(key, acc);
      });
    }
  }
  // Keys a successor had carried before but no longer receives go back to zero.
  const current = await latestSnapshots(tx, succs, effectiveIso);
  for (const s of current) {
    const key = `${s.unitId}|${s.registerKindId}|${s.phaseId}`;
    if (s.reportDate === effectiveIso && s.source === "CARRIED" && !into.has(key)) into.set(key, { ...ZERO });
  }
  const curByKey = new Map(current.filter((s) => s.reportDate === effectiveIso).map((s) => [`${s.unitId}|${s.registerKindId}|${s.phaseId}`, s]));
  const carried: SnapshotInput[] = [];
  for (const [key, counts] of into) {
    const cur = curByKey.get(key);
    if (cur && cur.source !== "CARRIED") continue; // the new unit itself reported on E: its own figures stand
    if (cur && COUNT_FIELDS.every((f) => cur.counts[f] === counts[f])) continue;
    const [unitId, registerKindId, phaseId] = key.split("|") as [string, string, string];
    carried.push({ unitId, registerKindId, phaseId, reportDate: effectiveIso, counts, note: "Số liệu chuyển từ đơn vị cũ / carried from the former units" });
  }
  await recordSnapshots(tx, carried, opts);
  return { successors: succs.length, predecessors: preds.length };
}

/**
 * Targets and deadlines set on the old units carry to their successors for review: targets summed (by the
 * shares of what flows), the deadline the earliest of the predecessors' (their own or inherited), both marked
 * as carried/unconfirmed until an admin confirms them. Never overwrites what an admin set on the new unit.
 */
export async function carryPlansAcrossReform(prisma: PrismaClient, effectiveIso: string): Promise<{ deadlines: number; targets: number }> {
  const flows = await flowShares(prisma, effectiveIso);
  const preds = [...new Set(flows.map((f) => f.predecessorId))];
  if (preds.length === 0) return { deadlines: 0, targets: 0 };
  // Deadlines that apply to each predecessor: own or the nearest ancestor's, per campaign.
  const applying = await prisma.$queryRawUnsafe<{ unitId: string; campaignId: string; dueDate: Date; distance: number; fullName: string }[]>(
    `SELECT c."descendantId" AS "unitId", d."campaignId", d."dueDate", c.distance, u."fullName"
       FROM "Deadline" d JOIN "UnitClosure" c ON c."ancestorId" = d."unitId" JOIN "Unit" u ON u.id = c."descendantId"
      WHERE c."descendantId" = ANY($1::text[])
      ORDER BY c.distance ASC`,
    preds,
  );
  const nearest = new Map<string, { campaignId: string; dueDate: Date; fullName: string }>();
  for (const a of applying) if (!nearest.has(`${a.unitId}|${a.campaignId}`)) nearest.set(`${a.unitId}|${a.campaignId}`, a);
  const earliest = new Map<string, { dueDate: Date; from: string[] }>();
  for (const f of flows) {
    for (const [key, d] of nearest) {
      if (!key.startsWith(`${f.predecessorId}|`)) continue;
      const k = `${f.successorId}|${d.campaignId}`;
      const cur = earliest.get(k);
      if (!cur || d.dueDate < cur.dueDate) earliest.set(k, { dueDate: d.dueDate, from: [...(cur?.from ?? []), d.fullName] });
      else cur.from.push(d.fullName);
    }
  }
  let deadlines = 0;
  for (const [k, v] of earliest) {
    const [unitId, campaignId] = k.split("|") as [string, string];
    const existing = await prisma.deadline.findUnique({ where: { campaignId_unitId: { campaignId, unitId } } });
    if (existing?.confirmed) continue;
    const note = `Kế thừa từ ${[...new Set(v.from)].slice(0, 5).join(", ")} (hạn sớm nhất), chờ xác nhận`;
    await prisma.deadline.upsert({ where: { campaignId_unitId: { campaignId, unitId } }, create: { campaignId, unitId, dueDate: v.dueDate, confirmed: false, note }, update: { dueDate: v.dueDate, note } });
    deadlines++;
  }
  const targets = await prisma.target.findMany({ where: { unitId: { in: preds }, periodEnd: { gte: dateOnly(effectiveIso) } } });
  const sums = new Map<string, { campaignId: string; unitId: string; periodType: "DAY" | "WEEK" | "MONTH"; periodStart: Date; periodEnd: Date; entries: number; books: number }>();
  for (const t of targets) {
    for (const f of flows.filter((x) => x.predecessorId === t.unitId)) {
      const k = `${t.campaignId}|${f.successorId}|${t.periodType}|${t.periodStart.toISOString()}`;
      const s = sums.get(k) ?? { campaignId: t.campaignId, unitId: f.successorId, periodType: t.periodType, periodStart: t.periodStart, periodEnd: t.periodEnd, entries: 0, books: 0 };
      s.entries += t.entriesTarget * f.share;
      s.books += (t.booksTarget ?? 0) * f.share;
      sums.set(k, s);
    }
  }
  let carriedTargets = 0;
  for (const s of sums.values()) {
    const where = { campaignId_unitId_periodType_periodStart: { campaignId: s.campaignId, unitId: s.unitId, periodType: s.periodType, periodStart: s.periodStart } };
    const existing = await prisma.target.findUnique({ where });
    if (existing && !existing.carried) continue;
    const data = { entriesTarget: Math.round(s.entries), booksTarget: Math.round(s.books) || null, periodEnd: s.periodEnd, carried: true };
    await prisma.target.upsert({ where, create: { campaignId: s.campaignId, unitId: s.unitId, periodType: s.periodType, periodStart: s.periodStart, ...data }, update: data });
    carriedTargets++;
  }
  return { deadlines, targets: carriedTargets };
}
