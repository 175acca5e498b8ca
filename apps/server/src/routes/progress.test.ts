import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";

interface View {
  date: string;
  latestReportDate: string;
  unit: { code: string; counts: { entriesDigitized: number; entriesTotal: number }; completion: number; forecast: { status: string; reason: { vi: string; en: string } }; deadline: string | null; target: { percent: number | null } | null };
  children: { code: string; level: string; rank: number | null; siblings: number; bucket: string; completion: number | null; counts: { entriesDigitized: number } }[];
  buckets: Record<string, number>;
  breakdown: { registerKind: { code: string }; phase: { code: string }; counts: { entriesDigitized: number; entriesTotal: number }; version: number | null; reportDate: string }[];
  ancestors: { code: string }[];
}

describe("GET /api/units/:code/progress", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const get = async (user: string, path: string) => app.request(path, { headers: { authorization: `Bearer ${tokens[user]}` } });
  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db });
    for (const u of ["admin", "quangnam", "lanhdao", "donggiang", "zahung"]) tokens[u] = await signIn(app, u);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("shows Quảng Nam on its latest report date: 642.806/1.443.893, its 17 districts and the Department of Justice", async () => {
    const res = await get("quangnam", "/api/units/49/progress");
    expect(res.status).toBe(200);
    const v = (await res.json()) as View;
    expect(v.date).toBe("2025-02-18");
    expect([v.unit.counts.entriesDigitized, v.unit.counts.entriesTotal]).toEqual([642_806, 1_443_893]);
    expect(v.unit.completion).toBeCloseTo(0.445, 3);
    expect(v.children).toHaveLength(18);
    expect(v.children.filter((c) => c.level === "AGENCY")).toHaveLength(1);
    // the 17 districts are banded and ranked among themselves; the agency is neither
    expect(Object.values(v.buckets).reduce((a, b) => a + b, 0)).toBe(17);
    expect(v.buckets).toEqual({ zero: 0, under10: 0, under50: 6, under100: 11, done: 0 });
    const agency = v.children.find((c) => c.level === "AGENCY")!;
    expect([agency.rank, agency.completion]).toEqual([null, 1]);
    const districts = v.children.filter((c) => c.level === "DISTRICT");
    expect(districts.map((d) => d.rank).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(new Set(districts.map((d) => d.siblings))).toEqual(new Set([17]));
    // kinds × phases summed over the whole province add up to its total
    expect(v.breakdown).toHaveLength(14);
    expect(v.breakdown.reduce((a, r) => a + r.counts.entriesDigitized, 0)).toBe(642_806);
    expect(v.breakdown.reduce((a, r) => a + r.counts.entriesTotal, 0)).toBe(1_443_893);
    expect(v.breakdown.every((r) => r.version === null && r.reportDate === "2025-02-18")).toBe(true);
    // the children add up to the province
    expect(v.children.reduce((a, c) => a + c.counts.entriesDigitized, 0)).toBe(642_806);
    // ranks: 1 is the best completion
    const best = v.children.filter((c) => c.level !== "AGENCY").reduce((a, c) => ((c.completion ?? 0) > (a.completion ?? 0) ? c : a));
    expect(best.rank).toBe(1);
    expect(v.unit.deadline).toBe("2025-03-12");
    expect(v.unit.target?.percent).toBeGreaterThan(0);
    expect(v.unit.forecast.reason.vi.length).toBeGreaterThan(5);
    // breadcrumbs stop at the user's scope
    expect(v.ancestors).toEqual([]);
  });

  it("drills down to a commune's register kinds and phases", async () => {
    const v = (await (await get("donggiang", "/api/units/20491/progress?date=2025-02-18")).json()) as View;
    expect(v.unit.counts.entriesDigitized).toBe(0);
    expect(v.breakdown).toHaveLength(14);
    expect(v.ancestors.map((a) => a.code)).toEqual(["505"]);
    const district = (await (await get("donggiang", "/api/units/505/progress?date=2025-02-18")).json()) as View;
    expect(district.children).toHaveLength(11);
    expect(district.unit.deadline).toBe("2025-03-07"); // a slow district
    expect(district.breakdown.reduce((a, r) => a + r.counts.entriesDigitized, 0)).toBe(district.unit.counts.entriesDigitized);
  });

  it("the nation takes no province's deadline as its own (Quảng Nam's campaign covers Quảng Nam only)", async () => {
    const v = (await (await get("admin", "/api/units/VN/progress?date=2025-02-18")).json()) as View;
    expect(v.unit.deadline).toBeNull();
    const trend = (await (await get("admin", "/api/units/VN/trend?to=2025-02-18")).json()) as { deadline: string | null };
    expect(trend.deadline).toBeNull();
    const province = (await (await get("admin", "/api/units/49/trend?to=2025-02-18")).json()) as { deadline: string | null; points: { date: string; target: number | null }[] };
    expect(province.deadline).toBe("2025-03-12");
    // the target line is cumulative across months: it never falls (it used to drop back on 01/02)
    const line = province.points.filter((p) => p.target !== null);
    expect(line.some((p) => p.date === "2025-01-31") && line.some((p) => p.date === "2025-02-01")).toBe(true);
    for (let i = 1; i < line.length; i++) expect(line[i]!.target!, line[i]!.date).toBeGreaterThanOrEqual(line[i - 1]!.target!);
  });

  it("enforces scope: outside one's subtree is not found, without a token is 401", async () => {
    expect((await get("zahung", "/api/units/49/progress")).status).toBe(404);
    expect((await get("zahung", "/api/units/20473/progress")).status).toBe(404); // Sông Kôn, a neighbour
    expect((await get("donggiang", "/api/units/506/progress")).status).toBe(404);
    expect((await get("lanhdao", "/api/units/49/progress")).status).toBe(200);
    expect((await app.request("/api/units/49/progress")).status).toBe(401);
    expect((await get("zahung", "/api/units/20491/progress")).status).toBe(200);
  });

  it("shows the nation on the old map before 01/07/2025 and on the new one after, with the same total", async () => {
    const before = (await (await get("admin", "/api/units/VN/progress")).json()) as View;
    expect(before.date).toBe("2025-02-18");
    expect(before.children.map((c) => c.code)).toContain("49");
    const after = (await (await get("admin", "/api/units/VN/progress?date=2025-07-01")).json()) as View;
    expect(after.children.map((c) => c.code)).not.toContain("49");
    expect(after.unit.counts.entriesDigitized).toBe(before.unit.counts.entriesDigitized);
    const daNang = after.children.find((c) => c.code === "48")!;
    expect(daNang.counts.entriesDigitized).toBe(642_806);
  });

  it("draws a new commune's trend through 2025 without a gap, from its predecessors before the reform", async () => {
    const succ = await db.prisma.unitSuccession.findFirstOrThrow({ where: { predecessor: { code: "20494" } }, include: { successor: true } });
    const res = await get("admin", `/api/units/${succ.successor.code}/trend?from=2025-02-10&to=2025-07-03`);
    expect(res.status).toBe(200);
    const { points } = (await res.json()) as { points: { date: string; entriesDigitized: number }[] };
    const at = (d: string) => points.find((p) => p.date === d)!.entriesDigitized;
    expect(at("2025-02-18")).toBeGreaterThan(0);
    expect(at("2025-06-30")).toBe(at("2025-07-01"));
    for (let i = 1; i < points.length; i++) expect(points[i]!.entriesDigitized).toBeGreaterThanOrEqual(points[i - 1]!.entriesDigitized);
  });

  it("validates the date", async () => {
    const res = await get("admin", "/api/units/49/progress?date=18/02/2025");
    expect(res.status).toBe(400);
  });
});
