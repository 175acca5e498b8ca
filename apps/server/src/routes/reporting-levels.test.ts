/**
 * Reporting schedules' `level` decides who is expected to report, and a report's percent of target follows its
 * period (the day's, the week's, the month's share of the monthly targets), on the Quảng Nam demo.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import type { ReportData } from "../services/report";
import { reportingUnits } from "../services/compliance";

interface Row { unit: { id: string; code: string; level: string; parentId: string | null }; submittedAt: string | null; district: { code: string } | null; members: number; membersReported: number }
interface Compliance { schedule: { id: string | null }; onTime: Row[]; late: Row[]; missing: Row[] }
const rowsOf = (c: Compliance) => [...c.onTime, ...c.late, ...c.missing];

describe("reporting levels and period targets", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let token: string;
  let provinceId: string;
  const get = async <T,>(path: string): Promise<T> => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const createSchedule = async (level: string, name: string) => {
    const res = await app.request("/api/schedules", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ unitId: provinceId, level, name, cadence: "DAILY", cutoffMinutes: 17 * 60 }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db, clock: () => new Date("2025-02-18T12:00:00Z") });
    token = await signIn(app, "quangnam");
    provinceId = (await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE", validTo: { not: null } } })).id;
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("a DISTRICT-level schedule expects the districts (and the agency directly under the province); a district reports when its last commune does", async () => {
    const communes = await get<Compliance>("/api/compliance?unit=49&period=day&date=2025-02-18");
    const id = await createSchedule("DISTRICT", "Báo cáo ngày của Phòng Tư pháp (17:00)");
    const districts = await get<Compliance>(`/api/compliance?unit=49&period=day&date=2025-02-18&schedule=${id}`);
    expect(districts.schedule.id).toBe(id);
    const rows = rowsOf(districts);
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.unit.level === "DISTRICT")).toHaveLength(17);
    expect(rows.filter((r) => r.unit.level === "AGENCY").map((r) => r.unit.code)).toEqual(["49-STP"]);
    // each district from its communes in the commune-level view
    const leaves = rowsOf(communes);
    for (const d of rows.filter((r) => r.unit.level === "DISTRICT")) {
      const mine = leaves.filter((l) => l.unit.parentId === d.unit.id);
      expect(d.members).toBe(mine.length);
      expect(d.membersReported).toBe(mine.filter((l) => l.submittedAt).length);
      const expected = mine.some((l) => !l.submittedAt) ? null : mine.map((l) => l.submittedAt!).sort().at(-1)!;
      expect(d.submittedAt).toBe(expected);
    }
    // the demo has communes missing in most districts: fewer districts are on time than communes' share would say
    expect(districts.missing.length).toBeGreaterThan(0);
    expect(districts.missing.length).toBe(new Set(communes.missing.filter((m) => m.unit.level === "COMMUNE").map((m) => m.unit.parentId)).size);
    // the report follows the schedule: 18 units had to report; the bands stay over communes
    const report = await get<ReportData>(`/api/reports/preview?unit=49&date=2025-02-18&schedule=${id}`);
    expect(report.compliance.reportingUnits).toBe(18);
    expect(report.compliance.level).toBe("DISTRICT");
    expect(report.compliance.missing).toBe(districts.missing.length);
    expect({ zero: report.lists.zero.length, under10: report.lists.under10.length, under50: report.lists.under50.length }).toEqual({ zero: 3, under10: 24, under50: 73 });
    // history agrees with the day's view
    const h = await get<{ periods: { onTime: number; late: number; missing: number }[]; units: unknown[] }>(`/api/compliance/history?unit=49&from=2025-02-17&to=2025-02-18&schedule=${id}`);
    expect(h.units).toHaveLength(18);
    expect(h.periods[1]).toEqual(expect.objectContaining({ onTime: districts.onTime.length, late: districts.late.length, missing: districts.missing.length }));
  }, 120_000);

  it("an AGENCY-level schedule expects the agencies only; COMMUNE expects the communes and the agency", async () => {
    const agency = await get<Compliance>(`/api/compliance?unit=49&period=day&date=2025-02-18&schedule=${await createSchedule("AGENCY", "Báo cáo của Sở")}`);
    expect(rowsOf(agency).map((r) => r.unit.code)).toEqual(["49-STP"]);
    const commune = await get<Compliance>(`/api/compliance?unit=49&period=day&date=2025-02-18&schedule=${await createSchedule("COMMUNE", "Báo cáo của xã")}`);
    expect(rowsOf(commune)).toHaveLength(234);
    // a schedule that does not apply to the unit is refused
    const outside = await db.prisma.unit.findFirstOrThrow({ where: { level: "DISTRICT", parent: { code: "49" } }, orderBy: { code: "asc" } });
    const other = await db.prisma.unit.findFirstOrThrow({ where: { level: "DISTRICT", parent: { code: "49" }, code: { not: outside.code } }, orderBy: { code: "asc" } });
    const s = await db.prisma.reportingSchedule.create({ data: { unitId: other.id, level: "COMMUNE", name: "x", cadence: "DAILY", cutoffMinutes: 1020 } });
    expect((await app.request(`/api/compliance?unit=${outside.code}&schedule=${s.id}&date=2025-02-18`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it("after the 2025 reform (no districts), a DISTRICT-level schedule expects the communes, which report to the province", async () => {
    const dn = await db.prisma.unit.findFirst({ where: { level: "PROVINCE", validFrom: { gte: new Date("2025-07-01T00:00:00Z") } }, orderBy: { code: "asc" } });
    expect(dn).not.toBeNull();
    const leaves = await reportingUnits(db, dn!.id, "2025-07-15", null);
    const byDistrict = await reportingUnits(db, dn!.id, "2025-07-15", "DISTRICT");
    expect(leaves.length).toBeGreaterThan(50);
    expect(byDistrict.map((u) => u.unit.id)).toEqual(leaves.map((u) => u.unit.id));
    expect(byDistrict.every((u) => u.members.length === 1 && u.district === null)).toBe(true);
    // before the reform the same level gives the districts
    const before = await reportingUnits(db, provinceId, "2025-02-18", "DISTRICT");
    expect(before.filter((u) => u.unit.level === "DISTRICT")).toHaveLength(17);
    const province = await reportingUnits(db, provinceId, "2025-02-18", "PROVINCE");
    expect(province.map((u) => u.unit.code)).toEqual(["49"]);
    expect(province[0]!.members).toHaveLength(234);
  });

  /** The sum of the reporting units' MONTH targets of a month. */
  const monthTarget = async (month: "2025-01" | "2025-02") => {
    const rows = await db.prisma.target.findMany({ where: { periodType: "MONTH", periodStart: new Date(`${month}-01T00:00:00Z`), unit: { ancestors: { some: { ancestorId: provinceId } } } }, select: { entriesTarget: true } });
    return rows.reduce((a, r) => a + r.entriesTarget, 0);
  };
  const digitized = async (date: string) => (await get<{ unit: { counts: { entriesDigitized: number } } }>(`/api/units/49/progress?date=${date}`)).unit.counts.entriesDigitized;

  it("percent of target follows the period: the day's share, the week so far, the 16th-to-15th month", async () => {
    const feb = await monthTarget("2025-02");
    const jan = await monthTarget("2025-01");
    expect(feb).toBeGreaterThan(0);

    const day = await get<ReportData>("/api/reports/preview?unit=49&period=day&date=2025-02-18");
    const dayOut = (await digitized("2025-02-18")) - (await digitized("2025-02-17"));
    expect(day.total.periodDigitized).toBe(dayOut);
    expect(day.total.entriesTarget).toBe(Math.round(feb / 28));
    expect(day.total.targetPercent).toBeCloseTo(dayOut / Math.round(feb / 28), 12);
    expect(day.targetWindow).toEqual({ start: "2025-02-18", end: "2025-02-18" });
    expect(day.legend.join(" ")).toContain("Tỷ lệ đạt kế hoạch kỳ");
    expect(day.summary).toContain("trong ngày 18/02/2025");

    const week = await get<ReportData>("/api/reports/preview?unit=49&period=week&date=2025-02-18");
    const weekOut = (await digitized("2025-02-18")) - (await digitized("2025-02-16"));
    expect(week.targetWindow).toEqual({ start: "2025-02-17", end: "2025-02-18" });
    expect(week.total.periodDigitized).toBe(weekOut);
    expect(week.total.entriesTarget).toBe(Math.round((feb * 2) / 28));

    const month = await get<ReportData>("/api/reports/preview?unit=49&period=month&date=2025-02-15");
    const monthOut = (await digitized("2025-02-15")) - (await digitized("2025-01-15"));
    expect(month.total.periodDigitized).toBe(monthOut);
    expect(month.total.entriesTarget).toBe(Math.round((jan * 16) / 31 + (feb * 15) / 28));
    expect(month.total.targetPercent).toBeCloseTo(monthOut / month.total.entriesTarget!, 12);
    // three different yardsticks, not the month-to-date figure every time
    expect(new Set([day.total.entriesTarget, week.total.entriesTarget, month.total.entriesTarget]).size).toBe(3);

    // a commune's line: its own output against its own target's share
    const row = day.groups.find((g) => g.subtotal)!.rows[0]!;
    const t = await db.prisma.target.findFirstOrThrow({ where: { unitId: row.unit.id, periodType: "MONTH", periodStart: new Date("2025-02-01T00:00:00Z") } });
    expect(row.entriesTarget).toBe(Math.round(t.entriesTarget / 28));
  }, 120_000);

  it("a unit's own target is used instead of its subtree's, and not added to it", async () => {
    const district = await db.prisma.unit.findFirstOrThrow({ where: { level: "DISTRICT", parent: { code: "49" } }, orderBy: { code: "asc" }, include: { children: { select: { id: true } } } });
    const campaign = await db.prisma.campaign.findFirstOrThrow({});
    const communeTargets = await db.prisma.target.findMany({ where: { periodType: "MONTH", periodStart: new Date("2025-02-01T00:00:00Z"), unitId: { in: district.children.map((c) => c.id) } } });
    const below = communeTargets.reduce((a, r) => a + r.entriesTarget, 0);
    const before = await get<ReportData>("/api/reports/preview?unit=49&period=day&date=2025-02-18");
    await db.prisma.target.create({ data: { campaignId: campaign.id, unitId: district.id, periodType: "MONTH", periodStart: new Date("2025-02-01T00:00:00Z"), periodEnd: new Date("2025-02-28T00:00:00Z"), entriesTarget: 28_000 } });
    const after = await get<ReportData>("/api/reports/preview?unit=49&period=day&date=2025-02-18");
    const line = after.groups.find((g) => g.subtotal?.unit.id === district.id)!.subtotal!;
    expect(line.entriesTarget).toBe(1_000);
    const feb = await monthTarget("2025-02"); // includes the district's own target now
    expect(after.total.entriesTarget).toBe(Math.round((feb - below) / 28));
    expect(after.total.entriesTarget).not.toBe(before.total.entriesTarget);
  }, 120_000);
});
