import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@sohoa/db";
import type { UnitRef } from "@sohoa/core";
import { createApp } from "../app";
import { signIn, startTestServer, type TestServer } from "../testing";
import { communeGrid } from "../test-support/sheets";
import { viewCacheStats } from "../services/view-cache";
import { cachedSubtreeBreakdown } from "../services/breakdown-cache";
import { subtreeBreakdown } from "@sohoa/db";

/**
 * The views are cached until a version stamp moves (services/view-cache.ts): every change a view shows must be
 * seen by the next read — an accepted submission, targets, deadlines, campaigns, unit edits, a reorganization —
 * and, on PostgreSQL, by another server instance on the same database whose cache holds the old view.
 */
describe("cached views follow every change", () => {
  let server: TestServer;
  let other: { app: ReturnType<typeof createApp>; db: Database } | null = null;
  let token: string;
  let zaHung: UnitRef;
  let body: (digitized: number, date?: string) => string;
  type App = ReturnType<typeof createApp>;
  const auth = () => ({ headers: { authorization: `Bearer ${token}` } });
  const get = async <T>(path: string, app: App = server.app): Promise<T> => {
    const r = await app.request(path, auth());
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as T;
  };
  interface View { date: string; unit: { name: string; counts: { entriesDigitized: number }; target: { entriesTarget: number } | null; deadline: string | null }; children: { code: string; name: string; deadline: string | null; counts: { entriesDigitized: number } }[]; breakdown: { counts: { entriesDigitized: number } }[] }
  const progress = (code: string, app?: App) => get<View>(`/api/units/${code}/progress?date=2025-02-20`, app);
  const digitized = (v: View) => v.unit.counts.entriesDigitized;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    token = await signIn(server.app, "quangnam");
    const u = await server.db.prisma.unit.findFirstOrThrow({ where: { code: "20491", validTo: { not: null } } });
    zaHung = { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId };
    const kinds = await server.db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    const phases = await server.db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
    body = (n, date = "2025-02-20") => JSON.stringify({
      unitCode: "20491", acceptWarnings: true,
      grid: communeGrid({ unit: zaHung, registerKinds: kinds, phases, reportDate: date, counts: () => ({ booksTotal: 20, booksDigitized: 5, entriesTotal: 2000, entriesDigitized: n, entriesChecked: 0, entriesLoaded: 0 }) }),
    });
    // A second instance on the same PostgreSQL database, with its own pool and its own cache.
    if (server.db.kind === "postgresql" && "name" in server.db) {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${String(server.db.name)}`;
      const db = await openDatabase({ url: url.toString() });
      other = { db, app: createApp({ db }) };
    }
  }, 180_000);
  afterAll(async () => {
    await other?.db.close();
    await server?.close();
  });

  const submit = async (n: number, key: string, date?: string) => {
    const r = await server.app.request("/api/submissions", { method: "POST", headers: { ...auth().headers, "content-type": "application/json", "idempotency-key": key }, body: body(n, date) });
    expect(r.status, await r.clone().text()).toBe(201);
  };

  it("answers a repeated read from the cache, and shows an accepted submission at once at every level and in every view", async () => {
    const province = await progress("49");
    const district = await progress("505");
    const commune = await progress("20491");
    expect(other !== null).toBe(server.db.kind === "postgresql");
    const hits = viewCacheStats.hits;
    expect(await progress("49")).toEqual(province);
    expect(viewCacheStats.hits).toBe(hits + 1);
    const trend0 = await get<{ points: { date: string; entriesDigitized: number }[] }>("/api/units/20491/trend?from=2025-02-10&to=2025-02-20");
    const compliance0 = await get<{ onTime: { unit: { code: string } }[]; late: { unit: { code: string } }[] }>("/api/compliance?unit=505&period=day&date=2025-02-20");
    const bottom0 = await get<{ units: { code: string; counts: { entriesDigitized: number } }[] }>("/api/units/505/bottom-units?date=2025-02-20&list=all");
    if (other) {
      token = await signIn(other.app, "quangnam");
      await progress("49", other.app); // the other instance now holds the old view
      token = await signIn(server.app, "quangnam");
    }

    const before = commune.breakdown.reduce((a, r) => a + r.counts.entriesDigitized, 0);
    const n = Math.ceil(before / commune.breakdown.length) + 50;
    await submit(n, "view-cache-0001");
    const added = n * commune.breakdown.length - before;
    expect(added).toBeGreaterThan(0);
    expect(digitized(await progress("20491"))).toBe(digitized(commune) + added);
    expect(digitized(await progress("505"))).toBe(digitized(district) + added);
    const p = await progress("49");
    expect(digitized(p)).toBe(digitized(province) + added);
    expect(p.breakdown.reduce((a, r) => a + r.counts.entriesDigitized, 0)).toBe(province.breakdown.reduce((a, r) => a + r.counts.entriesDigitized, 0) + added);
    if (other) {
      token = await signIn(other.app, "quangnam");
      expect(digitized(await progress("49", other.app))).toBe(digitized(province) + added);
      token = await signIn(server.app, "quangnam");
    }
    const trend1 = await get<typeof trend0>("/api/units/20491/trend?from=2025-02-10&to=2025-02-20");
    expect(trend1.points.at(-1)!.entriesDigitized).toBe(trend0.points.at(-1)!.entriesDigitized + added);
    const compliance1 = await get<typeof compliance0>("/api/compliance?unit=505&period=day&date=2025-02-20");
    const reported = (c: typeof compliance0) => [...c.onTime, ...c.late].map((r) => r.unit.code);
    expect(reported(compliance0)).not.toContain("20491");
    expect(reported(compliance1)).toContain("20491");
    const bottom1 = await get<typeof bottom0>("/api/units/505/bottom-units?date=2025-02-20&list=all");
    const za = (b: typeof bottom0) => b.units.find((u) => u.code === "20491")!.counts.entriesDigitized;
    expect(za(bottom1)).toBe(za(bottom0) + added);
  }, 120_000);

  it("shows target, deadline, campaign and schedule changes and unit edits made straight in the database", async () => {
    const { prisma } = server.db;
    const province = await prisma.unit.findFirstOrThrow({ where: { code: "49" } });
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { active: true } });
    const v0 = await progress("49");
    await prisma.target.upsert({
      where: { campaignId_unitId_periodType_periodStart: { campaignId: campaign.id, unitId: province.id, periodType: "MONTH", periodStart: new Date("2025-02-01T00:00:00Z") } },
      create: { campaignId: campaign.id, unitId: province.id, periodType: "MONTH", periodStart: new Date("2025-02-01T00:00:00Z"), periodEnd: new Date("2025-02-28T00:00:00Z"), entriesTarget: 123_456 },
      update: { entriesTarget: { increment: 123_456 } },
    });
    const v1 = await progress("49");
    expect(v1.unit.target!.entriesTarget).toBe((v0.unit.target?.entriesTarget ?? 0) + 123_456);

    await prisma.deadline.upsert({
      where: { campaignId_unitId: { campaignId: campaign.id, unitId: province.id } },
      create: { campaignId: campaign.id, unitId: province.id, dueDate: new Date("2031-12-31T00:00:00Z") },
      update: { dueDate: new Date("2031-12-31T00:00:00Z") },
    });
    expect((await progress("49")).unit.deadline).toBe("2031-12-31");
    // the districts' deadlines belong to the campaign: closing it takes them off the children
    const deadlineOf505 = async () => (await progress("49")).children.find((c) => c.code === "505")!.deadline;
    expect(await deadlineOf505()).not.toBeNull();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { active: false } });
    expect(await deadlineOf505()).toBeNull();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { active: true } });
    expect(await deadlineOf505()).not.toBeNull();

    // a schedule's cut-off moves the compliance view's period
    const cutoff = async () => Date.parse((await get<{ period: { cutoffAt: string } }>("/api/compliance?unit=49&period=day&date=2025-02-20")).period.cutoffAt);
    const c0 = await cutoff();
    await prisma.reportingSchedule.updateMany({ where: { unitId: province.id, cadence: "DAILY" }, data: { cutoffMinutes: 17 * 60 + 30 } });
    expect(await cutoff()).toBe(c0 + 30 * 60_000);

    const child = v1.children[0]!;
    await prisma.unit.updateMany({ where: { code: child.code }, data: { name: `${child.name} (đổi tên)` } });
    expect((await progress("49")).children.find((c) => c.code === child.code)!.name).toBe(`${child.name} (đổi tên)`);
    // a reorganization moves the tree: a unit leaving the province leaves its children too
    await prisma.unit.updateMany({ where: { code: child.code }, data: { active: false } });
    expect((await progress("49")).children.map((c) => c.code)).not.toContain(child.code);
  }, 120_000);

  it("sums a subtree's kinds × phases from the units' cached parts exactly as the one statement does, after a sheet too", async () => {
    const units = await server.db.prisma.unit.findMany({ where: { code: { in: ["49", "505"] } } });
    const same = async (date: string) => {
      for (const u of units) expect(await cachedSubtreeBreakdown(server.db, u.id, date)).toEqual(await subtreeBreakdown(server.db.sql, u.id, date));
    };
    await same("2025-02-21");
    await same("2025-02-21"); // from the parts
    await submit(1500, "view-cache-0002", "2025-02-21");
    await same("2025-02-21");
    await same("2025-02-18");
  }, 120_000);
});
