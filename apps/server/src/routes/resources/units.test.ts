import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { body, type Client, type DemoUser, expectMessage, setup, unitId } from "./test-kit";

let db: Database;
let as: Record<DemoUser, Client>;
beforeAll(async () => {
  ({ db, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe("units", () => {
  it("finds Xã Za Hung without diacritics or case, only within scope", async () => {
    for (const q of ["za hung", "ZA HUNG", "Zà Hung", "xã za   hung"]) {
      const rows = await body<any[]>(await as.donggiang.get(`/api/units?q=${encodeURIComponent(q)}`));
      expect(rows.map((r) => r.fullName), q).toContain("Xã Za Hung");
    }
    // outside the scope nothing is found
    const other = await body<any[]>(await as.zahung.get("/api/units?q=tam%20ky"));
    expect(other).toEqual([]);
  });

  it("paginates with X-Total-Count; pages are disjoint and sorted", async () => {
    const d505 = await unitId(db, "505");
    const all = await as.quangnam.get(`/api/units?parentId=${d505}&_sort=code&_order=asc&_start=0&_end=1000`);
    const total = Number(all.headers.get("x-total-count"));
    const allRows = await body<any[]>(all);
    expect(total).toBe(allRows.length);
    expect(total).toBeGreaterThan(5);
    const p1 = await as.quangnam.get(`/api/units?parentId=${d505}&_sort=code&_order=asc&_start=0&_end=3`);
    const p2 = await as.quangnam.get(`/api/units?parentId=${d505}&_sort=code&_order=asc&_start=3&_end=6`);
    expect(p1.headers.get("x-total-count")).toBe(String(total));
    const ids = [...(await body<any[]>(p1)), ...(await body<any[]>(p2))].map((r) => r.code);
    expect(ids).toEqual(allRows.slice(0, 6).map((r) => r.code));
    // refine's getMany: ?id=a&id=b
    const many = await body<any[]>(await as.quangnam.get(`/api/units?id=${allRows[0].id}&id=${allRows[1].id}`));
    expect(many.map((r) => r.id).sort()).toEqual([allRows[0].id, allRows[1].id].sort());
    // a window larger than the cap reads at most 1000 rows; unknown sort fields are refused
    expect((await body<any[]>(await as.admin.get("/api/units?_start=0&_end=100000&date=2025-08-01"))).length).toBeLessThanOrEqual(1000);
    const bad = await as.quangnam.get("/api/units?_sort=passwordHash");
    expect(bad.status).toBe(400);
    expectMessage(await body(bad));
  });

  it("lists units valid on a date: the old district is gone after the 2025 reorganization", async () => {
    expect(await body<any[]>(await as.admin.get("/api/units?code=505&date=2025-02-18"))).toHaveLength(1);
    expect(await body<any[]>(await as.admin.get("/api/units?code=505&date=2025-08-01"))).toHaveLength(0);
    expect((await as.admin.get("/api/units?date=2025-02-30")).status).toBe(400);
  });

  it("creates a unit with its closure rows and an audit entry; edits names; deactivates", async () => {
    const d505 = await unitId(db, "505");
    const res = await as.donggiang.post("/api/units", { code: "20499", name: "Thử Nghiệm", level: "COMMUNE", parentId: d505 }, { "user-agent": "vitest-units", "x-forwarded-for": "10.1.2.3" });
    expect(res.status).toBe(201);
    const u = await body(res);
    expect(u).toMatchObject({ code: "20499", fullName: "Xã Thử Nghiệm", parentId: d505, validFrom: "2025-02-18", active: true });
    const closure = await db.prisma.unitClosure.findMany({ where: { descendantId: u.id }, orderBy: { distance: "asc" } });
    const expected = await db.prisma.unitClosure.findMany({ where: { descendantId: d505 } });
    expect(closure).toHaveLength(expected.length + 1);
    expect(closure[0]).toMatchObject({ ancestorId: u.id, distance: 0 });
    expect(closure[1]).toMatchObject({ ancestorId: d505, distance: 1 });
    // visible through the scope joins at once, and searchable without diacritics
    expect((await body<any[]>(await as.donggiang.get("/api/units?q=thu nghiem"))).map((r) => r.id)).toEqual([u.id]);
    const a = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "unit", entityId: u.id, action: "create" } });
    expect(a).toMatchObject({ username: "donggiang", ip: "10.1.2.3", userAgent: "vitest-units", unitId: u.id });
    expect(a.requestId).toBeTruthy();

    // same code valid on the same date → 409, nothing more stored
    const dup = await as.donggiang.post("/api/units", { code: "20499", name: "Khác", level: "COMMUNE", parentId: d505 });
    expect(dup.status).toBe(409);
    expectMessage(await body(dup));
    expect(await db.prisma.unit.count({ where: { code: "20499" } })).toBe(1);

    const renamed = await body(await as.donggiang.patch(`/api/units/${u.id}`, { name: "Thử Nghiệm Mới" }));
    expect(renamed).toMatchObject({ name: "Thử Nghiệm Mới", fullName: "Xã Thử Nghiệm Mới" });
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { id: u.id } })).searchName).toBe("xa thu nghiem moi");

    // a district cannot deactivate itself, nor a unit that still has active units under it
    expect((await as.donggiang.del(`/api/units/${d505}`)).status).toBe(403);
    expect((await as.quangnam.del(`/api/units/${d505}`)).status).toBe(409);
    const off = await as.donggiang.del(`/api/units/${u.id}`);
    expect(off.status).toBe(200);
    expect((await body(off)).active).toBe(false);
    expect(await db.prisma.auditLog.count({ where: { entity: "unit", entityId: u.id } })).toBe(3);
  });

  it("refuses bad input with a {vi,en} message and stores nothing", async () => {
    const before = await db.prisma.unit.count();
    const cases = [
      { code: "bad code!", name: "X", level: "COMMUNE", parentId: await unitId(db, "505") },
      { code: "1", name: "", level: "COMMUNE", parentId: await unitId(db, "505") },
      { code: "1", name: "X".repeat(201), level: "COMMUNE", parentId: await unitId(db, "505") },
      { code: "1", name: "X", level: "NATION", parentId: await unitId(db, "505") },
      { code: "1", name: "X", level: "COMMUNE", parentId: await unitId(db, "20491") },
    ];
    for (const c of cases) {
      const res = await as.admin.post("/api/units", c);
      expect(res.status, JSON.stringify(c).slice(0, 80)).toBe(400);
      expectMessage(await body(res));
    }
    const malformed = await as.admin.post("/api/units", undefined, { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(await db.prisma.unit.count()).toBe(before);
  });

  it("merges A + B into a new C: A and B closed, successions written, closure for C, figures carried, history kept", async () => {
    const d505 = await unitId(db, "505");
    const [a, b] = await db.prisma.unit.findMany({ where: { parentId: d505, code: { in: ["20470", "20473"] } }, orderBy: { code: "asc" } });
    expect(a && b).toBeTruthy();
    const res = await as.donggiang.post(
      "/api/units/merge",
      { sourceIds: [a!.id, b!.id], target: { code: "20470M", name: "Hợp Nhất", level: "COMMUNE", parentId: d505 }, effectiveDate: "2025-03-01", reason: "Nghị quyết sắp xếp đơn vị hành chính cấp xã" },
      { "user-agent": "vitest-merge" },
    );
    expect(res.status).toBe(201);
    const m = await body(res);
    expect(m.target).toMatchObject({ code: "20470M", fullName: "Xã Hợp Nhất", validFrom: "2025-03-01" });
    expect(m.closed.map((u: any) => u.validTo)).toEqual(["2025-03-01", "2025-03-01"]);
    const c = m.target.id as string;
    const links = await db.prisma.unitSuccession.findMany({ where: { successorId: c } });
    expect(links.map((l) => l.predecessorId).sort()).toEqual([a!.id, b!.id].sort());
    expect(links.every((l) => l.kind === "MERGE" && l.effectiveDate.toISOString().startsWith("2025-03-01"))).toBe(true);
    expect(await db.prisma.unitClosure.findUnique({ where: { ancestorId_descendantId: { ancestorId: d505, descendantId: c } } })).toMatchObject({ distance: 1 });
    // history: A and B still exist and are listed on a date before the merge, C after it
    const before = await body<any[]>(await as.donggiang.get(`/api/units?parentId=${d505}&date=2025-02-28&_end=1000`));
    const after = await body<any[]>(await as.donggiang.get(`/api/units?parentId=${d505}&date=2025-03-01&_end=1000`));
    expect(before.map((u) => u.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));
    expect(before.map((u) => u.id)).not.toContain(c);
    expect(after.map((u) => u.id)).toContain(c);
    expect(after.map((u) => u.id)).not.toContain(a!.id);
    // the snapshots of A and B are untouched; C received their figures from the effective date
    expect(await db.prisma.progressSnapshot.count({ where: { unitId: a!.id, reportDate: { lt: new Date("2025-03-01") } } })).toBeGreaterThan(0);
    const carried = await db.prisma.progressSnapshot.findMany({ where: { unitId: c, source: "CARRIED" } });
    const fromA = await db.prisma.progressSnapshot.findMany({ where: { unitId: { in: [a!.id, b!.id] }, reportDate: { lte: new Date("2025-02-28") } }, orderBy: { version: "desc" } });
    const latest = new Map<string, number>();
    for (const s of fromA.sort((x, y) => y.reportDate.getTime() - x.reportDate.getTime() || y.version - x.version)) {
      const k = `${s.unitId}|${s.registerKindId}|${s.phaseId}`;
      if (!latest.has(k)) latest.set(k, s.entriesDigitized);
    }
    expect(carried.reduce((t, s) => t + s.entriesDigitized, 0)).toBe([...latest.values()].reduce((t, v) => t + v, 0));
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "merge", entityId: c } });
    expect(audit).toMatchObject({ username: "donggiang", userAgent: "vitest-merge" });
    // merging again the same (now closed) units is refused
    const again = await as.donggiang.post("/api/units/merge", { sourceIds: [a!.id, b!.id], target: { id: c }, effectiveDate: "2025-03-01", reason: "lặp lại" });
    expect(again.status).toBe(400);
    expectMessage(await body(again));
  });

  it("merges into an existing unit", async () => {
    const d505 = await unitId(db, "505");
    const [a, b, t] = await db.prisma.unit.findMany({ where: { parentId: d505, validTo: new Date("2025-07-01"), level: "COMMUNE", code: { notIn: ["20491"] } }, orderBy: { code: "desc" }, take: 3 });
    const res = await as.quangnam.post("/api/units/merge", { sourceIds: [a!.id, b!.id], target: { id: t!.id }, effectiveDate: "2025-04-01", reason: "Sáp nhập vào xã lân cận" });
    expect(res.status).toBe(201);
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { id: a!.id } })).validTo?.toISOString().slice(0, 10)).toBe("2025-04-01");
    expect(await db.prisma.unitSuccession.count({ where: { successorId: t!.id, kind: "MERGE" } })).toBe(2);
    // a target among the sources is refused
    const [x, y] = await db.prisma.unit.findMany({ where: { parentId: d505, validTo: new Date("2025-07-01"), level: "COMMUNE" }, take: 2 });
    expect((await as.quangnam.post("/api/units/merge", { sourceIds: [x!.id, y!.id], target: { id: x!.id }, effectiveDate: "2025-05-01", reason: "không hợp lệ" })).status).toBe(400);
  });
});

describe("OpenAPI", () => {
  it("documents every resource from the same zod schemas", async () => {
    const doc = await body(await as.admin.get("/api/openapi.json"));
    for (const p of ["/api/units", "/api/units/merge", "/api/units/{id}", "/api/register-kinds/{id}", "/api/campaigns", "/api/deadlines/bulk", "/api/targets", "/api/schedules/{id}", "/api/users/{id}/reset-password", "/api/tokens/{id}", "/api/audit-logs", "/api/submissions/{id}/file"]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths["/api/submissions"]).not.toHaveProperty("get.requestBody");
  });
});
