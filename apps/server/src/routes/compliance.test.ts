import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";

describe("GET /api/compliance", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let token: string;
  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db });
    token = await signIn(app, "quangnam");
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("splits Quảng Nam's reporting units into on time, late and missing for 18/02/2025 (17:00)", async () => {
    const res = await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const b = (await res.json()) as { period: { cutoffAt: string }; onTime: { submittedAt: string }[]; late: { submittedAt: string }[]; missing: unknown[] };
    expect(b.period.cutoffAt).toBe("2025-02-18T10:00:00.000Z");
    expect(b.onTime.length + b.late.length + b.missing.length).toBe(234); // 233 communes + the Department of Justice
    expect(b.missing.length).toBeGreaterThan(0);
    expect(b.late.length).toBeGreaterThan(0);
    for (const r of b.late) expect(r.submittedAt > b.period.cutoffAt).toBe(true);
    for (const r of b.onTime) expect(r.submittedAt <= b.period.cutoffAt).toBe(true);
    // the same from the data
    const accepted = await db.prisma.submission.findMany({ where: { reportDate: new Date("2025-02-18T00:00:00Z"), status: "ACCEPTED" }, distinct: ["unitId"], select: { unitId: true } });
    expect(b.onTime.length + b.late.length).toBe(accepted.length);
  });

  it("gives each reporting unit its district, and the schedule it was judged by", async () => {
    const res = await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${token}` } });
    const b = (await res.json()) as { schedule: { id: string | null; name: string }; onTime: { unit: { level: string }; district: { level: string } | null }[]; missing: { unit: { level: string; code: string }; district: { level: string } | null }[] };
    expect(b.schedule.id).not.toBeNull();
    const rows = [...b.onTime, ...b.missing];
    for (const r of rows) if (r.unit.level === "COMMUNE") expect(r.district?.level).toBe("DISTRICT");
  });

  it("judges a week against Friday 18:00 and a month against the 16th", async () => {
    const week = (await (await app.request("/api/compliance?unit=49&period=week&date=2025-02-18", { headers: { authorization: `Bearer ${token}` } })).json()) as { period: { start: string; end: string; cutoffAt: string }; onTime: unknown[]; late: unknown[]; missing: unknown[] };
    expect(week.period).toEqual({ start: "2025-02-17", end: "2025-02-23", cutoffAt: "2025-02-21T11:00:00.000Z" });
    // the demo's data stops on Tuesday 18/02, before Friday's cut-off: nobody is late yet
    expect(week.late).toHaveLength(0);
    expect(week.onTime.length + week.missing.length).toBe(234);
    const month = (await (await app.request("/api/compliance?unit=49&period=month&date=2025-02-10", { headers: { authorization: `Bearer ${token}` } })).json()) as { period: { start: string; end: string } };
    expect(month.period).toMatchObject({ start: "2025-01-16", end: "2025-02-15" });
  });

  it("gives a history per day, with counts equal to the per-day view, and a commune's own history", async () => {
    const h = (await (await app.request("/api/compliance/history?unit=49&period=day&from=2025-02-12&to=2025-02-18", { headers: { authorization: `Bearer ${token}` } })).json()) as {
      periods: { start: string; onTime: number; late: number; missing: number }[];
      units: { unit: { code: string }; statuses: string[] }[];
    };
    expect(h.periods.map((p) => p.start)).toEqual(["2025-02-12", "2025-02-13", "2025-02-14", "2025-02-15", "2025-02-16", "2025-02-17", "2025-02-18"]);
    expect(h.units).toHaveLength(234);
    const day = (await (await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${token}` } })).json()) as { onTime: unknown[]; late: unknown[]; missing: unknown[] };
    expect(h.periods[6]).toMatchObject({ onTime: day.onTime.length, late: day.late.length, missing: day.missing.length });
    for (let i = 0; i < 7; i++) expect(h.units.filter((u) => u.statuses[i] === "late").length).toBe(h.periods[i]!.late);

    const zahung = await signIn(app, "zahung");
    const me = (await (await app.request("/api/compliance/history?unit=" + h.units.find((u) => u.unit.code)!.unit.code + "&period=day&from=2025-02-12&to=2025-02-18", { headers: { authorization: `Bearer ${token}` } })).json()) as { units: unknown[] };
    expect(me.units).toHaveLength(1);
    const zu = await db.prisma.user.findUniqueOrThrow({ where: { username: "zahung" }, include: { unit: true } });
    const own = await app.request(`/api/compliance/history?unit=${zu.unit.code}&period=day&from=2025-02-12&to=2025-02-18`, { headers: { authorization: `Bearer ${zahung}` } });
    expect(own.status).toBe(200);
    const ob = (await own.json()) as { units: { unit: { code: string }; statuses: string[] }[] };
    expect(ob.units.map((u) => u.unit.code)).toEqual([zu.unit.code]);
    expect(ob.units[0]!.statuses).toHaveLength(7);
    expect((await app.request("/api/compliance/history?unit=49&period=day&from=2025-02-18&to=2025-02-12", { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
  });

  it("is scoped", async () => {
    const t = await signIn(app, "zahung");
    expect((await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${t}` } })).status).toBe(404);
    expect((await app.request("/api/compliance/history?unit=49&period=day", { headers: { authorization: `Bearer ${t}` } })).status).toBe(404);
    expect((await app.request("/api/compliance?unit=49")).status).toBe(401);
  });
});
