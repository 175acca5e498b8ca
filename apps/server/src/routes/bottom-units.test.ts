import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";

interface Item { code: string; name: string; level: string; parent: { code: string; name: string } | null; counts: { entriesDigitized: number; entriesTotal: number }; completion: number | null; bucket: string; lastReportDate: string | null }
interface View { date: string; unit: { code: string }; total: number; buckets: Record<string, number>; units: Item[]; agencies: Item[] }

describe("GET /api/units/:code/bottom-units", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const get = (user: string, path: string) => app.request(path, { headers: { authorization: `Bearer ${tokens[user]}` } });
  const view = async (user: string, path: string) => {
    const res = await get(user, path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as View;
  };
  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db });
    for (const u of ["quangnam", "lanhdao", "donggiang", "zahung"]) tokens[u] = await signIn(app, u);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("bands Quảng Nam's 233 communes on 18/02/2025 (not its 18 direct children): 3 / 24 / 73 / 118 / 15, the agency apart", async () => {
    const v = await view("quangnam", "/api/units/49/bottom-units");
    expect(v.date).toBe("2025-02-18");
    expect(v.total).toBe(233);
    expect(v.buckets).toEqual({ zero: 3, under10: 24, under50: 73, under100: 118, done: 15 });
    expect(v.units).toEqual([]);
    expect(v.agencies.map((a) => [a.name, a.bucket])).toEqual([["Tư pháp tỉnh Quảng Nam", "done"]]);
    // every commune and the agency add up to the province's 642.806 entries
    const all = await view("quangnam", "/api/units/49/bottom-units?list=all");
    expect(all.units).toHaveLength(233);
    expect([...all.units, ...all.agencies].reduce((a, u) => a + u.counts.entriesDigitized, 0)).toBe(642_806);
    expect(all.units.every((u) => u.level === "COMMUNE")).toBe(true);
  });

  it("lists one band's communes with their district, figures and last report date, lowest first", async () => {
    const zero = await view("lanhdao", "/api/units/49/bottom-units?list=zero");
    expect(zero.units.map((u) => [u.name, u.parent?.name]).sort()).toEqual([["Sông Kôn", "Đông Giang"], ["Trà Mai", "Nam Trà My"], ["Za Hung", "Đông Giang"]]);
    expect(zero.units.every((u) => u.counts.entriesDigitized === 0 && u.counts.entriesTotal > 0 && u.lastReportDate === "2025-02-18")).toBe(true);
    const under10 = await view("lanhdao", "/api/units/49/bottom-units?list=under10");
    expect(under10.units).toHaveLength(24);
    expect(under10.units.every((u) => u.completion! > 0 && u.completion! < 0.1)).toBe(true);
    const c = under10.units.map((u) => u.completion!);
    expect(c).toEqual([...c].sort((a, b) => a - b));
  });

  it("works at any level: a district's communes, a commune on its own, an earlier date", async () => {
    const d = await view("donggiang", "/api/units/505/bottom-units?list=all");
    expect(d.total).toBe(11);
    expect(d.units.every((u) => u.parent?.code === "505")).toBe(true);
    expect(d.buckets.zero).toBe(2); // Sông Kôn and Za Hung
    const self = await view("zahung", "/api/units/20491/bottom-units?list=all");
    expect(self.units.map((u) => [u.code, u.bucket])).toEqual([["20491", "zero"]]);
    const early = await view("quangnam", "/api/units/49/bottom-units?date=2025-02-01");
    expect(early.date).toBe("2025-02-01");
    expect(early.buckets.done).toBeLessThan(15);
  });

  it("only inside the caller's subtree: other units are not found, no token is 401, a bad band is 400", async () => {
    expect((await get("donggiang", "/api/units/49/bottom-units")).status).toBe(404);
    expect((await get("donggiang", "/api/units/506/bottom-units")).status).toBe(404);
    expect((await get("zahung", "/api/units/505/bottom-units")).status).toBe(404);
    expect((await get("zahung", "/api/units/20473/bottom-units")).status).toBe(404); // Sông Kôn, a neighbour
    expect((await app.request("/api/units/49/bottom-units")).status).toBe(401);
    expect((await get("quangnam", "/api/units/49/bottom-units?list=some")).status).toBe(400);
  });
});
