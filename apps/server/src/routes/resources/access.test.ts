/**
 * The access matrix: every role × own subtree / other subtree × every resource. Lists show only rows of the
 * caller's subtree (campaigns and schedules: also those set above it, which apply to it); show/edit/delete
 * of a row outside → 403 or 404; writes by COMMUNE and VIEWER → 403 and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { body, DAY, type Client, type DemoUser, setup, unitId } from "./test-kit";

let db: Database;
let as: Record<DemoUser, Client>;
const unitOf: Record<string, string> = {};
const scopeOf: Record<string, Set<string>> = {};
const aboveOf: Record<string, Set<string>> = {};
/** Per "other" unit: ids of one row of each resource placed there. */
const outside: Record<string, Record<string, string>> = {};
const otherOf: Partial<Record<DemoUser, string>> = {};

async function placeRows(key: string, unit: string, n: number) {
  const { prisma } = db;
  const campaign = await prisma.campaign.create({ data: { code: `ACC-${n}`, name: `Đợt ngoài phạm vi ${n}`, unitId: unit, startDate: new Date("2025-01-01"), endDate: new Date("2025-12-31"), phases: ["P1"] } });
  const deadline = await prisma.deadline.create({ data: { campaignId: campaign.id, unitId: unit, dueDate: new Date("2025-03-04") } });
  const target = await prisma.target.create({ data: { campaignId: campaign.id, unitId: unit, periodType: "MONTH", periodStart: new Date("2025-02-01"), periodEnd: new Date("2025-02-28"), entriesTarget: 100 } });
  const schedule = await prisma.reportingSchedule.create({ data: { unitId: unit, level: "COMMUNE", name: `Lịch ${n}`, cadence: "DAILY", cutoffMinutes: 1020 } });
  const user = await prisma.user.create({ data: { username: `outsider${n}`, displayName: `Người ngoài ${n}`, passwordHash: "x", role: "COMMUNE", unitId: unit } });
  const token = await prisma.apiToken.create({ data: { userId: user.id, name: "t", prefix: "sohoa_pat_x", tokenHash: `h${n}` } });
  const submission = await prisma.submission.create({ data: { unitId: unit, source: "API", status: "REJECTED", checksum: `c${n}` } });
  const audit = await prisma.auditLog.create({ data: { action: "update", entity: "deadline", entityId: deadline.id, unitId: unit } });
  outside[key] = { units: unit, campaigns: campaign.id, deadlines: deadline.id, targets: target.id, schedules: schedule.id, users: user.id, tokens: token.id, submissions: submission.id, "audit-logs": String(audit.id) };
}

beforeAll(async () => {
  ({ db, as } = await setup());
  const { prisma } = db;
  for (const u of await prisma.user.findMany({ where: { username: { in: ["admin", "quangnam", "lanhdao", "donggiang", "zahung"] } } })) {
    unitOf[u.username] = u.unitId;
    scopeOf[u.username] = new Set((await prisma.unitClosure.findMany({ where: { ancestorId: u.unitId } })).map((r) => r.descendantId));
    aboveOf[u.username] = new Set((await prisma.unitClosure.findMany({ where: { descendantId: u.unitId } })).map((r) => r.ancestorId));
  }
  const d505 = await unitId(db, "505");
  const tamKy = await unitId(db, "502");
  const tamKyCommune = (await prisma.unit.findFirstOrThrow({ where: { parentId: tamKy }, orderBy: { code: "asc" } })).id;
  const sibling = (await prisma.unit.findFirstOrThrow({ where: { parentId: d505, code: { not: "20491" } }, orderBy: { code: "asc" } })).id;
  const daNang = await unitId(db, "48", "2025-08-01");
  const daNangCommune = (await prisma.unit.findFirstOrThrow({ where: { parentId: daNang }, orderBy: { code: "asc" } })).id;
  await placeRows("danang", daNangCommune, 1);
  await placeRows("tamky", tamKyCommune, 2);
  await placeRows("sibling", sibling, 3);
  otherOf.quangnam = "danang";
  otherOf.lanhdao = "danang";
  otherOf.donggiang = "tamky";
  otherOf.zahung = "sibling";
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const RESOURCES = ["units", "campaigns", "deadlines", "targets", "schedules", "users", "tokens", "submissions", "audit-logs"] as const;
type Res = (typeof RESOURCES)[number];
/** The unit a listed row belongs to. */
const rowUnit = (r: Res, row: any): string | null =>
  r === "units" ? row.id : r === "submissions" ? row.unit.id : r === "tokens" ? null : r === "audit-logs" ? row.unitId : row.unitId;

describe("lists show only rows of the caller's scope", () => {
  for (const user of ["admin", "quangnam", "lanhdao", "donggiang", "zahung"] as const) {
    for (const r of RESOURCES) {
      it(`${user} × ${r}`, async () => {
        const date = r === "units" ? `&date=${user === "admin" ? "2025-08-01" : DAY}` : "";
        const res = await as[user].get(`/api/${r}?_start=0&_end=1000${date}`);
        expect(res.status).toBe(200);
        const rows = await body<any[]>(res);
        expect(Number(res.headers.get("x-total-count"))).toBeGreaterThanOrEqual(rows.length);
        for (const row of rows) {
          const unit = rowUnit(r, row);
          if (r === "tokens") {
            if (user !== "admin") expect(row.user.username).toBe(user);
          } else if (r === "campaigns" || r === "schedules") {
            expect(scopeOf[user]!.has(unit!) || aboveOf[user]!.has(unit!)).toBe(true);
          } else if (user !== "admin") {
            expect(scopeOf[user]!.has(unit!), `${r} row ${row.id} of unit ${unit}`).toBe(true);
          }
        }
        const other = otherOf[user];
        if (other) expect(rows.map((x) => String(x.id))).not.toContain(outside[other]![r]);
        else expect(rows.map((x) => String(x.id))).toContain(outside.danang![r]); // admin sees everything
      });
    }
  }
});

describe("rows outside the caller's subtree cannot be read, changed or deleted", () => {
  for (const user of ["quangnam", "lanhdao", "donggiang", "zahung"] as const) {
    for (const r of RESOURCES) {
      it(`${user} × ${r}`, async () => {
        const id = outside[otherOf[user]!]![r]!;
        expect([403, 404]).toContain((await as[user].get(`/api/${r}/${id}`)).status);
        if (r === "submissions" || r === "audit-logs") return; // read-only here
        if (r !== "tokens") expect([403, 404]).toContain((await as[user].patch(`/api/${r}/${id}`, r === "units" ? { name: "X" } : r === "targets" ? { entriesTarget: 1 } : r === "deadlines" ? { note: "x" } : r === "users" ? { displayName: "X" } : { name: "X" })).status);
        expect([403, 404]).toContain((await as[user].del(`/api/${r}/${id}`)).status);
      });
    }
  }

  it("left every outside row as it was", async () => {
    const { prisma } = db;
    for (const key of ["danang", "tamky", "sibling"]) {
      const o = outside[key]!;
      expect((await prisma.unit.findUniqueOrThrow({ where: { id: o.units! } })).active).toBe(true);
      expect((await prisma.campaign.findUniqueOrThrow({ where: { id: o.campaigns! } })).active).toBe(true);
      expect(await prisma.deadline.findUnique({ where: { id: o.deadlines! } })).not.toBeNull();
      expect((await prisma.target.findUniqueOrThrow({ where: { id: o.targets! } })).entriesTarget).toBe(100);
      expect((await prisma.reportingSchedule.findUniqueOrThrow({ where: { id: o.schedules! } })).active).toBe(true);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: o.users! } })).active).toBe(true);
      expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: o.tokens! } })).revokedAt).toBeNull();
    }
  });

  it("a manager cannot create rows for units outside their subtree", async () => {
    const campaign = (await db.prisma.campaign.findFirstOrThrow({ where: { code: "QNA-SHHT-2025" } })).id;
    const tamKyCommune = outside.tamky!.units!;
    const r = (res: Response) => res.status;
    expect(r(await as.donggiang.post("/api/deadlines", { campaignId: campaign, unitId: tamKyCommune, dueDate: "2025-03-01" }))).toBe(403);
    expect(r(await as.donggiang.post("/api/targets", { campaignId: campaign, unitId: tamKyCommune, periodStart: "2025-03-01", periodEnd: "2025-03-31", entriesTarget: 5 }))).toBe(403);
    expect(r(await as.donggiang.post("/api/users", { username: "tamky.x", displayName: "X", role: "COMMUNE", unitId: tamKyCommune, password: "Sohoa@2025!" }))).toBe(403);
    expect(r(await as.donggiang.post("/api/campaigns", { code: "X-1", name: "X", unitId: tamKyCommune, startDate: "2025-01-01", endDate: "2025-02-01" }))).toBe(403);
    expect(r(await as.donggiang.post("/api/schedules", { unitId: tamKyCommune, name: "X", cadence: "DAILY", cutoffMinutes: 1020 }))).toBe(403);
    expect(r(await as.donggiang.post("/api/units", { code: "99999", name: "Mới", level: "COMMUNE", parentId: await unitId(db, "502") }))).toBe(403);
    expect([403, 404]).toContain(r(await as.quangnam.post("/api/deadlines/bulk", { campaignId: campaign, parentUnitId: await unitId(db, "48", "2025-08-01"), dueDate: "2025-03-01" })));
    // a district does not move its own deadline: the level above sets it
    const own = await db.prisma.deadline.findFirstOrThrow({ where: { unitId: unitOf.donggiang, campaignId: campaign } });
    expect(r(await as.donggiang.patch(`/api/deadlines/${own.id}`, { dueDate: "2025-04-01" }))).toBe(403);
  });
});

describe("COMMUNE and VIEWER are read-only (except their own tokens)", () => {
  for (const user of ["zahung", "lanhdao"] as const) {
    it(`${user}: every management write is refused with 403 and leaves nothing`, async () => {
      const { prisma } = db;
      const c = as[user];
      const campaign = await prisma.campaign.findFirstOrThrow({ where: { code: "QNA-SHHT-2025" } });
      const za = unitOf.zahung!;
      const d505 = await unitId(db, "505");
      const target = await prisma.target.findFirstOrThrow({ where: { unitId: za } });
      const deadline = await prisma.deadline.upsert({ where: { campaignId_unitId: { campaignId: campaign.id, unitId: za } }, create: { campaignId: campaign.id, unitId: za, dueDate: new Date("2025-03-07") }, update: {} });
      const schedule = await prisma.reportingSchedule.findFirstOrThrow({ where: { campaignId: campaign.id } });
      const kind = await prisma.registerKind.findFirstOrThrow();
      // an account they can see but must not manage
      const peer = user === "zahung" ? await prisma.user.create({ data: { username: "zahung.viewer", displayName: "Xem", passwordHash: "x", role: "VIEWER", unitId: za } }) : await prisma.user.findFirstOrThrow({ where: { username: "donggiang" } });
      const before = await prisma.auditLog.count();
      const attempts: [string, Promise<Response>][] = [
        ["POST units", c.post("/api/units", { code: "88888", name: "Mới", level: "COMMUNE", parentId: d505 })],
        ["PATCH units", c.patch(`/api/units/${za}`, { name: "Zà Hung" })],
        ["DELETE units", c.del(`/api/units/${za}`)],
        ["POST merge", c.post("/api/units/merge", { sourceIds: [za, (await prisma.unit.findFirstOrThrow({ where: { parentId: d505, id: { not: za } } })).id], target: { id: za }, effectiveDate: "2025-03-01", reason: "thử nghiệm" })],
        ["PATCH register-kinds", c.patch(`/api/register-kinds/${kind.id}`, { nameVi: "X" })],
        ["POST campaigns", c.post("/api/campaigns", { code: "RO-1", name: "X", unitId: za, startDate: "2025-01-01", endDate: "2025-02-01" })],
        ["PATCH campaigns", c.patch(`/api/campaigns/${campaign.id}`, { name: "X" })],
        ["DELETE campaigns", c.del(`/api/campaigns/${campaign.id}`)],
        ["POST deadlines", c.post("/api/deadlines", { campaignId: campaign.id, unitId: za, dueDate: "2025-03-01" })],
        ["POST deadlines/bulk", c.post("/api/deadlines/bulk", { campaignId: campaign.id, parentUnitId: d505, dueDate: "2025-03-01" })],
        ["PATCH deadlines", c.patch(`/api/deadlines/${deadline.id}`, { note: "x" })],
        ["DELETE deadlines", c.del(`/api/deadlines/${deadline.id}`)],
        ["POST targets", c.post("/api/targets", { campaignId: campaign.id, unitId: za, periodStart: "2025-03-01", periodEnd: "2025-03-31", entriesTarget: 5 })],
        ["PATCH targets", c.patch(`/api/targets/${target.id}`, { entriesTarget: 1 })],
        ["DELETE targets", c.del(`/api/targets/${target.id}`)],
        ["POST schedules", c.post("/api/schedules", { unitId: za, name: "X", cadence: "DAILY", cutoffMinutes: 1020 })],
        ["PATCH schedules", c.patch(`/api/schedules/${schedule.id}`, { name: "X" })],
        ["DELETE schedules", c.del(`/api/schedules/${schedule.id}`)],
        ["POST users", c.post("/api/users", { username: `ro.${user}`, displayName: "X", role: "VIEWER", unitId: za, password: "Sohoa@2025!" })],
        ["PATCH users", c.patch(`/api/users/${peer.id}`, { displayName: "X" })],
        ["DELETE users", c.del(`/api/users/${peer.id}`)],
        ["POST reset-password", c.post(`/api/users/${peer.id}/reset-password`, { password: "Sohoa@2026!" })],
      ];
      for (const [what, p] of attempts) {
        const res = await p;
        expect(res.status, what).toBe(403);
        if (res.status === 403) expect((await body(res)).error.message).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
      }
      expect(await prisma.auditLog.count()).toBe(before);
      // …but they can manage their own tokens
      const t = await c.post("/api/tokens", { name: "Excel" });
      expect(t.status).toBe(201);
      expect((await c.del(`/api/tokens/${(await body(t)).id}`)).status).toBe(204);
    });
  }
});
