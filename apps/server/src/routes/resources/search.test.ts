import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { body, type Client, type DemoUser, setup } from "./test-kit";

let db: Database;
let as: Record<DemoUser, Client>;
beforeAll(async () => {
  ({ db, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe("?q= on the submissions, targets and deadlines lists", () => {
  for (const resource of ["submissions", "targets", "deadlines"]) {
    it(`${resource}: by the unit's name (accents and case ignored) or its code`, async () => {
      // a commune with rows of this kind, found by its name written without accents and in capitals, and by its code
      const model = { submissions: db.prisma.submission, targets: db.prisma.target, deadlines: db.prisma.deadline }[resource] as unknown as { findFirst(a: object): Promise<{ unit: { id: string; code: string; name: string } } | null> };
      const { unit } = (await model.findFirst({ where: { unit: { level: "COMMUNE" } }, select: { unit: { select: { id: true, code: true, name: true } } } }))!;
      const za = unit.id;
      const all = Number((await as.admin.get(`/api/${resource}?_end=1`)).headers.get("x-total-count"));
      const own = Number((await as.admin.get(`/api/${resource}?unitId=${za}&_end=1`)).headers.get("x-total-count"));
      expect(own).toBeGreaterThan(0);
      expect(all).toBeGreaterThan(own);
      for (const q of [unit.name, unit.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toUpperCase(), unit.code]) {
        const res = await as.admin.get(`/api/${resource}?q=${encodeURIComponent(q)}&_end=1000`);
        expect(res.status, q).toBe(200);
        const rows = await body<{ unitId?: string; unit?: { id: string } }[]>(res);
        expect(Number(res.headers.get("x-total-count")), q).toBe(own);
        expect(rows.every((r) => (r.unit?.id ?? r.unitId) === za), q).toBe(true);
      }
      const none = await as.admin.get(`/api/${resource}?q=${encodeURIComponent("không có đơn vị này")}`);
      expect(none.headers.get("x-total-count")).toBe("0");
    });
  }
});
