/**
 * The Quảng Nam demonstration (after the press report of 18/02/2025): the real 17 districts and 233
 * communes from the 2025-06-30 registry, the provincial Department of Justice as a reporting agency, the
 * "20-day peak" campaign with per-district deadlines (slow districts 07/03, others 04/03), monthly targets,
 * reporting schedules (daily 17:00, weekly Friday 18:00, monthly before the 16th) and 30 days of daily
 * submissions up to 18/02/2025 whose province total ends at exactly 642.806/1.443.893 (44,5%): 3 communes
 * at 0% (Sông Kôn, Zà Hung, Trà Mai), 24 under 10%, 73 under 50%, the rest above, some done.
 * Everything is generated from a fixed seed, so every install shows the same figures.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  type Database,
  BOOK_PHASES,
  type BulkSnapshot,
  bulkInsertSnapshots,
  REGISTER_KINDS,
  REGISTRY_2025_06_30,
  REGISTRY_2025_07_01,
  SUCCESSORS_2025,
  carryAcrossReform,
  carryPlansAcrossReform,
  importSuccessors,
  importUnitRegistry,
  readRegistry,
  rebuildRollups,
  seedReferenceData,
  searchText,
} from "@sohoa/db";
import { addDays } from "@sohoa/core";
import { hashPassword } from "../lib/crypto";
import { apportion, rng } from "./random";

export const DEMO_PASSWORD = "Sohoa@2025";
export const DEMO_PROVINCE = "49";
export const DEMO_LAST_DAY = "2025-02-18";
export const DEMO_TOTAL = 1_443_893;
export const DEMO_DIGITIZED = 642_806;
const DAYS = 30;
const ZERO_COMMUNES = ["20473", "20491", "20944"]; // Sông Kôn, Za Hung (Đông Giang), Trà Mai (Nam Trà My)
const SLOW_DISTRICTS = ["505", "516", "515", "507", "503", "502"]; // Đông Giang, Nam Trà My, Bắc Trà My, Điện Bàn, Hội An, Tam Kỳ
const AGENCY = { code: "49-STP", total: 9_840 };
// Shares of a commune's entries by register kind (same order as REGISTER_KINDS) and by phase (P1, P2).
const KIND_SHARE = [45, 15, 20, 3, 10, 1, 6];
const PHASE_SHARE = [58, 42];
const ENTRIES_PER_BOOK = 120;

export interface DemoOptions {
  /** "full": the whole 2025-06-30 registry (63 provinces); "province": Quảng Nam only (fast, for tests). */
  registry?: "full" | "province";
  /** false: units, users, campaign (deadlines, schedules), kinds and phases only: no submissions, inventory or targets (default true). */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface DemoSummary {
  communes: number;
  submissions: number;
  snapshots: number;
  total: number;
  digitized: number;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return (await db.prisma.unit.count({ where: { level: { not: "NATION" } } })) === 0;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A local (Asia/Ho_Chi_Minh, UTC+7) time on a date, as an instant. */
const localTime = (iso: string, minutes: number) => new Date(day(iso).getTime() + (minutes - 7 * 60) * 60_000);

export async function loadDemo(db: Database, options: DemoOptions = {}): Promise<DemoSummary> {
  const log = options.log ?? (() => undefined);
  const { prisma } = db;
  const r = rng(20250218);
  await seedReferenceData(prisma);

  let registry = readRegistry(REGISTRY_2025_06_30);
  if (options.registry === "province") registry = registry.filter((p) => p.code === DEMO_PROVINCE);
  log(`importing the 2025-06-30 unit registry (${registry.length} provinces)…`);
  await importUnitRegistry(prisma, registry, "2024-01-01");

  const nation = await prisma.unit.findFirstOrThrow({ where: { level: "NATION" } });
  const province = await prisma.unit.findFirstOrThrow({ where: { code: DEMO_PROVINCE, level: "PROVINCE", validTo: null } });
  const districts = await prisma.unit.findMany({ where: { parentId: province.id }, orderBy: { code: "asc" } });
  const communes = await prisma.unit.findMany({ where: { parentId: { in: districts.map((d) => d.id) } }, orderBy: { code: "asc" } });
  const districtOf = new Map(districts.map((d) => [d.id, d]));

  // The Department of Justice digitizes its own books: a reporting agency under the province.
  const agencyId = crypto.randomUUID();
  await prisma.unit.create({
    data: {
      id: agencyId, code: AGENCY.code, level: "AGENCY", typeName: "Sở", registryType: "agency", name: "Tư pháp tỉnh Quảng Nam",
      fullName: "Sở Tư pháp tỉnh Quảng Nam", nameEn: "Quang Nam Department of Justice", searchName: searchText("Sở Tư pháp tỉnh Quảng Nam"),
      parentId: province.id, depth: province.depth + 1, validFrom: province.validFrom,
    },
  });
  const up = await prisma.unitClosure.findMany({ where: { descendantId: province.id } });
  await prisma.unitClosure.createMany({ data: [{ ancestorId: agencyId, descendantId: agencyId, distance: 0 }, ...up.map((u) => ({ ancestorId: u.ancestorId, descendantId: agencyId, distance: u.distance + 1 }))] });

  // Users: the demo sign-ins, plus one official per commune (same password) who submits its figures.
  log("creating users…");
  const hash = await hashPassword(DEMO_PASSWORD);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const district505 = districts.find((d) => d.code === "505")!;
  const demoUsers = [
    { username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN" as const, unitId: nation.id },
    { username: "quangnam", displayName: "Sở Tư pháp Quảng Nam", role: "PROVINCE" as const, unitId: province.id },
    { username: "lanhdao", displayName: "Lãnh đạo UBND tỉnh Quảng Nam", role: "VIEWER" as const, unitId: province.id },
    { username: "donggiang", displayName: "Phòng Tư pháp huyện Đông Giang", role: "DISTRICT" as const, unitId: district505.id },
    { username: "zahung", displayName: "Công chức Tư pháp - Hộ tịch xã Za Hung", role: "COMMUNE" as const, unitId: byCode.get("20491")!.id },
    { username: "stp", displayName: "Cán bộ số hóa Sở Tư pháp", role: "COMMUNE" as const, unitId: agencyId },
  ];
  const userRows = [
    ...demoUsers,
    ...communes.filter((c) => c.code !== "20491").map((c) => ({ username: `cb${c.code}`, displayName: `Công chức Tư pháp - Hộ tịch ${c.fullName}`, role: "COMMUNE" as const, unitId: c.id })),
  ].map((u) => ({ id: crypto.randomUUID(), ...u, passwordHash: hash }));
  await prisma.user.createMany({ data: userRows });
  const userOfUnit = new Map(userRows.filter((u) => u.role === "COMMUNE").map((u) => [u.unitId, u.id]));

  // Campaign, deadlines (per district as decided on 18/02/2025), schedules.
  const campaign = await prisma.campaign.create({
    data: {
      code: "QNA-SHHT-2025", name: "Cao điểm 20 ngày hoàn thành số hóa Sổ hộ tịch tỉnh Quảng Nam",
      legalReference: "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp trực tuyến ngày 18/02/2025",
      description: "Hoàn thành số hóa toàn bộ Sổ hộ tịch; địa phương chậm hoàn thành trước 07/3, các địa phương còn lại trước 04/3; Sở Tư pháp báo cáo UBND tỉnh lúc 17 giờ hằng ngày.",
      unitId: province.id, startDate: day("2025-01-01"), endDate: day("2025-03-12"), phases: ["P1", "P2"],
    },
  });
  await prisma.deadline.createMany({
    data: [
      ...districts.map((d) => ({ campaignId: campaign.id, unitId: d.id, dueDate: day(SLOW_DISTRICTS.includes(d.code) ? "2025-03-07" : "2025-03-04"), note: SLOW_DISTRICTS.includes(d.code) ? "Địa phương tiến độ chậm" : null })),
      { campaignId: campaign.id, unitId: agencyId, dueDate: day("2025-03-04"), note: null },
      { campaignId: campaign.id, unitId: province.id, dueDate: day("2025-03-12"), note: "Kết thúc đợt cao điểm 20 ngày" },
    ],
  });
  await prisma.reportingSchedule.createMany({
    data: [
      { campaignId: campaign.id, unitId: province.id, level: "COMMUNE", name: "Báo cáo ngày (17:00)", cadence: "DAILY", cutoffMinutes: 17 * 60, daysOff: [], reminderMinutesBefore: 120 },
      { campaignId: campaign.id, unitId: province.id, level: "COMMUNE", name: "Báo cáo tuần (trước 18:00 thứ Sáu)", cadence: "WEEKLY", cutoffMinutes: 18 * 60, weekday: 5, daysOff: [], reminderMinutesBefore: 240 },
      { campaignId: campaign.id, unitId: province.id, level: "COMMUNE", name: "Báo cáo tháng (trước ngày 16)", cadence: "MONTHLY", cutoffMinutes: 0, monthDay: 16, daysOff: [], reminderMinutesBefore: 1440 },
    ],
  });

  if (options.progress === false) {
    await reorganize(db, options, agencyId, log);
    log("demo loaded (without progress)");
    return { communes: communes.length, submissions: 0, snapshots: 0, total: 0, digitized: 0 };
  }

  // ── Figures ────────────────────────────────────────────────────────────────────────────────
  log("generating 30 days of submissions…");
  const slow = new Set(districts.filter((d) => SLOW_DISTRICTS.includes(d.code)).map((d) => d.id));
  const band = new Map<string, "zero" | "under10" | "under50" | "rest">();
  for (const code of ZERO_COMMUNES) band.set(byCode.get(code)!.id, "zero");
  const others = r.shuffle(communes.filter((c) => !band.has(c.id)));
  // Slow districts take most of the low bands.
  others.sort((a, b) => Number(slow.has(b.parentId!)) - Number(slow.has(a.parentId!)) + (r.next() - 0.5) * 1.2);
  others.slice(0, 24).forEach((c) => band.set(c.id, "under10"));
  others.slice(24, 97).forEach((c) => band.set(c.id, "under50"));
  others.slice(97).forEach((c) => band.set(c.id, "rest"));

  const weights = communes.map((c) => Math.exp(0.45 * r.normal()) * (band.get(c.id) === "rest" ? 0.85 : 1.25) * (districtOf.get(c.parentId!)!.registryType === "city" ? 1.4 : 1));
  const totals = apportion(DEMO_TOTAL - AGENCY.total, weights);
  const ranges = { zero: [0, 0], under10: [0.01, 0.095], under50: [0.12, 0.48], rest: [0.52, 0.97] } as const;
  const ratio = communes.map((c, i) => {
    const b = band.get(c.id)!;
    if (b === "rest" && i % 9 === 0) return 1; // some communes are done
    return r.between(ranges[b][0], ranges[b][1]);
  });
  const digitized = communes.map((_, i) => Math.round(ratio[i]! * totals[i]!));
  // Adjust within each band's bounds so the province ends exactly at 642.806.
  let gap = DEMO_DIGITIZED - AGENCY.total - digitized.reduce((a, b) => a + b, 0);
  const adjustable = communes.map((_, i) => i).filter((i) => band.get(communes[i]!.id) !== "zero" && ratio[i] !== 1);
  for (let pass = 0; gap !== 0 && pass < 50; pass++) {
    for (const i of r.shuffle(adjustable)) {
      if (gap === 0) break;
      const b = band.get(communes[i]!.id)!;
      const lo = Math.ceil(totals[i]! * (b === "rest" ? 0.5 : b === "under50" ? 0.1 : 0.001));
      const hi = Math.floor(totals[i]! * (b === "rest" ? 0.99 : b === "under50" ? 0.499 : 0.099));
      const step = Math.sign(gap) * Math.min(Math.abs(gap), Math.max(1, Math.floor(totals[i]! * 0.05)));
      const next = Math.min(hi, Math.max(lo, digitized[i]! + step));
      gap -= next - digitized[i]!;
      digitized[i] = next;
    }
  }
  if (gap !== 0) throw new Error(`demo generation could not reach the province total (gap ${gap})`);

  const kinds = await prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
  const phases = await prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
  const keys = kinds.flatMap((k, ki) => phases.map((p, pi) => ({ kindId: k.id, phaseId: p.id, w: KIND_SHARE[ki]! * PHASE_SHARE[pi]! })));
  const firstDay = addDays(DEMO_LAST_DAY, -(DAYS - 1));
  const days = Array.from({ length: DAYS }, (_, i) => addDays(firstDay, i));

  interface Reporter { unitId: string; total: number; final: number; start: number; reliability: number; missesLastDay: boolean }
  const reporters: Reporter[] = communes.map((c, i) => ({
    unitId: c.id,
    total: totals[i]!,
    final: digitized[i]!,
    start: digitized[i] === 0 ? 0 : Math.round(digitized[i]! * r.between(0.45, 0.8)),
    reliability: r.between(0.6, 0.98),
    missesLastDay: band.get(c.id) !== "zero" && r.next() < 0.08,
  }));
  reporters.push({ unitId: agencyId, total: AGENCY.total, final: AGENCY.total, start: AGENCY.total, reliability: 1, missesLastDay: false });

  const submissions: Record<string, unknown>[] = [];
  const snapshots: BulkSnapshot[] = [];
  const inventory: Record<string, unknown>[] = [];
  const targets: Record<string, unknown>[] = [];
  for (const rep of reporters) {
    const rowTotals = apportion(rep.total, keys.map((k) => k.w));
    const rowFinal = apportion(rep.final, rowTotals);
    const rowBooks = rowTotals.map((t) => (t === 0 ? 0 : Math.ceil(t / ENTRIES_PER_BOOK)));
    rowTotals.forEach((t, k) => inventory.push({ unitId: rep.unitId, registerKindId: keys[k]!.kindId, phaseId: keys[k]!.phaseId, booksTotal: rowBooks[k]!, entriesTotal: t }));
    // Cumulative progress fraction g(t) from start to final, with slower weekends.
    // A commune that misses the last day sent its final figures the day before.
    const lastDay = rep.missesLastDay ? DAYS - 2 : DAYS - 1;
    const inc = days.slice(0, lastDay + 1).map((d) => {
      const wd = day(d).getUTCDay();
      return r.between(0.4, 1.6) * (wd === 0 || wd === 6 ? 0.3 : 1);
    });
    const incSum = inc.reduce((a, b) => a + b, 0);
    let acc = 0;
    const g = inc.map((x) => (acc += x) / incSum);
    const amountOn = (t: number) => rep.start + (rep.final - rep.start) * g[Math.min(t, lastDay)]!;
    // Monthly targets: what is left on the 1st, spread to the deadline.
    for (const [month, start, end] of [["2025-01", "2025-01-01", "2025-01-31"], ["2025-02", "2025-02-01", "2025-02-28"]] as const) {
      const left = rep.total - (month === "2025-01" ? rep.start * 0.8 : amountOn(Math.max(0, days.indexOf("2025-02-01") - 1)));
      targets.push({ campaignId: campaign.id, unitId: rep.unitId, periodType: "MONTH", periodStart: day(start), periodEnd: day(end), entriesTarget: Math.max(0, Math.round(left * (month === "2025-01" ? 0.35 : 0.8))) });
    }
    for (let t = 0; t <= lastDay; t++) {
      const d = days[t]!;
      const weekend = [0, 6].includes(day(d).getUTCDay());
      const last = t === lastDay;
      const reports = last || r.next() < rep.reliability * (weekend ? 0.45 : 1);
      if (!reports) continue;
      const frac = rep.final === 0 ? 0 : (amountOn(t) - 0) / rep.final;
      const rows = keys.map((k, i) => {
        const dig = last ? rowFinal[i]! : Math.floor(rowFinal[i]! * Math.min(1, frac));
        const books = rowTotals[i] === 0 ? 0 : Math.floor((rowBooks[i]! * dig) / rowTotals[i]!);
        return { kindId: k.kindId, phaseId: k.phaseId, booksTotal: rowBooks[i]!, booksDigitized: books, entriesTotal: rowTotals[i]!, entriesDigitized: dig, entriesChecked: Math.floor(dig * 0.92), entriesLoaded: Math.floor(dig * 0.81) };
      });
      const lateness = r.next();
      const minutes = lateness < 0.12 ? r.int(17 * 60 + 5, 21 * 60) : r.int(7 * 60 + 30, 16 * 60 + 55);
      const at = localTime(d, minutes);
      const sourceRoll = r.next();
      const source: "ADDIN" | "UPLOAD" | "CONSOLE" = sourceRoll < 0.55 ? "ADDIN" : sourceRoll < 0.85 ? "UPLOAD" : "CONSOLE";
      const checksum = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
      const id = crypto.randomUUID();
      submissions.push({
        id, unitId: rep.unitId, campaignId: campaign.id, reportDate: day(d), source, status: "ACCEPTED", submittedById: userOfUnit.get(rep.unitId) ?? null,
        submittedAt: at, checksum, templateCode: "commune", templateVersion: "1", rowCount: rows.length, ip: "10.49.0." + r.int(2, 250),
        receipt: { rows: rows.length, generated: "demo" },
      });
      for (const row of rows) {
        const { kindId, phaseId, ...counts } = row;
        snapshots.push({ unitId: rep.unitId, registerKindId: kindId, phaseId, reportDate: d, version: 1, submissionId: id, ...counts, source, submittedById: userOfUnit.get(rep.unitId) ?? null, submittedAt: at.toISOString(), checksum });
      }
    }
  }
  log(`writing ${submissions.length} submissions and ${snapshots.length} snapshots…`);
  await prisma.$transaction(
    async (tx) => {
      for (let i = 0; i < submissions.length; i += 1000) await tx.submission.createMany({ data: submissions.slice(i, i + 1000) as never });
      await bulkInsertSnapshots(tx, snapshots);
      for (let i = 0; i < inventory.length; i += 2000) await tx.bookInventory.createMany({ data: inventory.slice(i, i + 2000) as never });
      await tx.target.createMany({ data: targets as never });
      await rebuildRollups(tx);
      await tx.auditLog.create({ data: { action: "demo_loaded", entity: "system", details: { submissions: submissions.length, snapshots: snapshots.length } } });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  await reorganize(db, options, agencyId, log);
  log("demo loaded");
  return { communes: communes.length, submissions: submissions.length, snapshots: snapshots.length, total: DEMO_TOTAL, digitized: DEMO_DIGITIZED };
}

/**
 * Since 1 July 2025 the tree is the new one: import the 2025-07-01 registry and the successor links, open the
 * Đà Nẵng Department of Justice as the successor of Quảng Nam's, and carry every figure across.
 */
async function reorganize(db: Database, options: DemoOptions, oldAgencyId: string, log: (l: string) => void) {
  const { prisma } = db;
  const links = JSON.parse(readFileSync(SUCCESSORS_2025, "utf8")) as { old: string; new: string[]; primary: string }[];
  let registry = readRegistry(REGISTRY_2025_07_01);
  if (options.registry === "province") {
    // Only the new provinces that Quảng Nam's communes went into.
    const qn = new Set((await prisma.unit.findMany({ where: { level: "COMMUNE" }, select: { code: true } })).map((u) => u.code));
    const targets = new Set(links.filter((l) => qn.has(l.old)).flatMap((l) => l.new));
    registry = registry.filter((p) => (p.wards ?? []).some((w) => targets.has(w.code)));
  }
  log(`importing the 2025-07-01 unit registry (${registry.length} provinces) and the successor links…`);
  await importUnitRegistry(prisma, registry, "2025-07-01");
  await importSuccessors(prisma, links, "2025-07-01");
  const daNang = await prisma.unit.findFirstOrThrow({ where: { code: "48", level: "PROVINCE", validTo: null } });
  const agencyId = crypto.randomUUID();
  const E = day("2025-07-01");
  await prisma.unit.create({
    data: {
      id: agencyId, code: "48-STP", level: "AGENCY", typeName: "Sở", registryType: "agency", name: "Tư pháp thành phố Đà Nẵng",
      fullName: "Sở Tư pháp thành phố Đà Nẵng", nameEn: "Da Nang Department of Justice", searchName: searchText("Sở Tư pháp thành phố Đà Nẵng"),
      parentId: daNang.id, depth: daNang.depth + 1, validFrom: E,
    },
  });
  const up = await prisma.unitClosure.findMany({ where: { descendantId: daNang.id } });
  await prisma.unitClosure.createMany({ data: [{ ancestorId: agencyId, descendantId: agencyId, distance: 0 }, ...up.map((u) => ({ ancestorId: u.ancestorId, descendantId: agencyId, distance: u.distance + 1 }))] });
  await prisma.unitSuccession.create({ data: { predecessorId: oldAgencyId, successorId: agencyId, effectiveDate: E, kind: "MERGE", isPrimary: true, reason: "Hợp nhất Sở Tư pháp tỉnh Quảng Nam vào Sở Tư pháp thành phố Đà Nẵng" } });
  log("carrying figures across 01/07/2025…");
  await carryAcrossReform(prisma, "2025-07-01");
  await carryPlansAcrossReform(prisma, "2025-07-01");
}

export { REGISTER_KINDS, BOOK_PHASES };
