import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { body, client, type Client, type DemoUser, expectMessage, setup, type TestApp, unitId } from "./test-kit";

let db: Database;
let app: TestApp;
let as: Record<DemoUser, Client>;
let campaignId: string;
const H = { "user-agent": "vitest-management", "x-forwarded-for": "10.0.0.42" };

/** The write left an audit row with who, from where and the request id. */
async function audited(where: { entity: string; entityId?: string; action?: string }, username: string) {
  const a = await db.prisma.auditLog.findFirst({ where: { ...where, username }, orderBy: { id: "desc" } });
  expect(a, JSON.stringify(where)).not.toBeNull();
  expect(a).toMatchObject({ ip: "10.0.0.42", userAgent: "vitest-management" });
  expect(a!.userId).toBeTruthy();
  expect(a!.requestId).toBeTruthy();
  return a!;
}

beforeAll(async () => {
  ({ db, app, as } = await setup());
  campaignId = (await db.prisma.campaign.findFirstOrThrow({ where: { code: "QNA-SHHT-2025" } })).id;
}, 300_000);
afterAll(async () => {
  await db?.close();
});

describe("deadlines", () => {
  it("bulk-sets the deadline of every child unit valid today, in one transaction, audited", async () => {
    const d505 = await unitId(db, "505");
    const children = await db.prisma.unit.count({ where: { parentId: d505, validFrom: { lte: new Date("2025-02-18") }, OR: [{ validTo: null }, { validTo: { gt: new Date("2025-02-18") } }] } });
    const res = await as.donggiang.post("/api/deadlines/bulk", { campaignId, parentUnitId: d505, dueDate: "2025-03-05", note: "Hạn chung cho các xã" }, H);
    expect(res.status).toBe(200);
    const b = await body(res);
    expect(b.count).toBe(children);
    expect(b.created).toBe(children);
    const rows = await db.prisma.deadline.findMany({ where: { campaignId, unit: { parentId: d505 } } });
    expect(rows).toHaveLength(children);
    expect(rows.every((d) => d.dueDate.toISOString().startsWith("2025-03-05") && d.note === "Hạn chung cho các xã")).toBe(true);
    await audited({ entity: "deadline", entityId: rows[0]!.id }, "donggiang");
    // again with another date: updated, not duplicated
    const again = await body(await as.donggiang.post("/api/deadlines/bulk", { campaignId, parentUnitId: d505, dueDate: "2025-03-06" }, H));
    expect(again).toMatchObject({ count: children, created: 0, updated: children });
    expect(await db.prisma.deadline.count({ where: { campaignId, unit: { parentId: d505 } } })).toBe(children);
    // the list filters by campaign and unit
    const za = await unitId(db, "20491");
    const listed = await as.zahung.get(`/api/deadlines?campaignId=${campaignId}&unitId=${za}`);
    expect(listed.headers.get("x-total-count")).toBe("1");
    expect((await body<any[]>(listed))[0]).toMatchObject({ dueDate: "2025-03-06", unit: { code: "20491" }, campaign: { id: campaignId } });
  });

  it("creates, edits and removes one deadline; bad input → 400 with nothing stored", async () => {
    const za = await unitId(db, "20491");
    await db.prisma.deadline.deleteMany({ where: { campaignId, unitId: za } });
    const before = await db.prisma.deadline.count();
    for (const bad of [
      { campaignId, unitId: za, dueDate: "2025-02-30" },
      { campaignId, unitId: za, dueDate: "07/03/2025" },
      { campaignId, unitId: za, dueDate: "2025-03-07", note: "x".repeat(501) },
      { campaignId: "nope", unitId: za, dueDate: "2025-03-07" },
      { unitId: za, dueDate: "2025-03-07" },
    ]) {
      const res = await as.donggiang.post("/api/deadlines", bad, H);
      expect(res.status, JSON.stringify(bad).slice(0, 90)).toBe(400);
      expectMessage(await body(res));
    }
    expect(await db.prisma.deadline.count()).toBe(before);
    const created = await as.donggiang.post("/api/deadlines", { campaignId, unitId: za, dueDate: "2025-03-07", note: "Xã chậm" }, H);
    expect(created.status).toBe(201);
    const d = await body(created);
    await audited({ entity: "deadline", entityId: d.id, action: "create" }, "donggiang");
    expect((await as.donggiang.post("/api/deadlines", { campaignId, unitId: za, dueDate: "2025-03-08" }, H)).status).toBe(409);
    const moved = await as.donggiang.patch(`/api/deadlines/${d.id}`, { dueDate: "2025-03-09" }, H);
    expect((await body(moved)).dueDate).toBe("2025-03-09");
    await audited({ entity: "deadline", entityId: d.id, action: "update" }, "donggiang");
    expect((await as.zahung.get(`/api/deadlines/${d.id}`)).status).toBe(200);
    expect((await as.donggiang.del(`/api/deadlines/${d.id}`, H)).status).toBe(204);
    await audited({ entity: "deadline", entityId: d.id, action: "delete" }, "donggiang");
    expect((await as.donggiang.get(`/api/deadlines/${d.id}`)).status).toBe(404);
  });
});

describe("targets, schedules, campaigns, register kinds", () => {
  it("targets: create, filter by period, edit, remove", async () => {
    const za = await unitId(db, "20491");
    const res = await as.donggiang.post("/api/targets", { campaignId, unitId: za, periodType: "WEEK", periodStart: "2025-02-17", periodEnd: "2025-02-23", entriesTarget: 1200 }, H);
    expect(res.status).toBe(201);
    const t = await body(res);
    await audited({ entity: "target", entityId: t.id, action: "create" }, "donggiang");
    const listed = await body<any[]>(await as.zahung.get(`/api/targets?unitId=${za}&periodStart=2025-02-17`));
    expect(listed.map((x) => x.id)).toEqual([t.id]);
    expect((await as.donggiang.post("/api/targets", { campaignId, unitId: za, periodType: "WEEK", periodStart: "2025-02-17", periodEnd: "2025-02-23", entriesTarget: 1 }, H)).status).toBe(409);
    for (const bad of [{ entriesTarget: -1 }, { entriesTarget: 1.5 }, { periodEnd: "2025-02-01" }]) {
      const r = await as.donggiang.patch(`/api/targets/${t.id}`, bad, H);
      expect(r.status).toBe(400);
      expectMessage(await body(r));
    }
    expect((await db.prisma.target.findUniqueOrThrow({ where: { id: t.id } })).entriesTarget).toBe(1200);
    expect((await body(await as.donggiang.patch(`/api/targets/${t.id}`, { entriesTarget: 1500 }, H))).entriesTarget).toBe(1500);
    expect((await as.donggiang.del(`/api/targets/${t.id}`, H)).status).toBe(204);
    await audited({ entity: "target", entityId: t.id, action: "delete" }, "donggiang");
  });

  it("schedules: weekly needs a weekday; create, edit, deactivate; communes see the province's schedules", async () => {
    const prov = await unitId(db, "49");
    const bad = await as.quangnam.post("/api/schedules", { unitId: prov, name: "Tuần", cadence: "WEEKLY", cutoffMinutes: 1080 }, H);
    expect(bad.status).toBe(400);
    expectMessage(await body(bad));
    expect((await as.quangnam.post("/api/schedules", { unitId: prov, name: "X", cadence: "DAILY", cutoffMinutes: 1440 }, H)).status).toBe(400);
    expect((await as.quangnam.post("/api/schedules", { unitId: prov, name: "X", cadence: "DAILY", cutoffMinutes: 1020, timezone: "Mars/Olympus" }, H)).status).toBe(400);
    const res = await as.quangnam.post("/api/schedules", { campaignId, unitId: prov, name: "Báo cáo tuần (thứ Sáu 18:00)", cadence: "WEEKLY", cutoffMinutes: 1080, weekday: 5, daysOff: [6, 7, "2025-04-30"] }, H);
    expect(res.status).toBe(201);
    const s = await body(res);
    expect(s).toMatchObject({ cadence: "WEEKLY", weekday: 5, monthDay: null, timezone: "Asia/Ho_Chi_Minh", daysOff: [6, 7, "2025-04-30"] });
    await audited({ entity: "schedule", entityId: s.id, action: "create" }, "quangnam");
    expect((await body<any[]>(await as.zahung.get("/api/schedules?_end=100"))).map((x) => x.id)).toContain(s.id);
    const monthly = await body(await as.quangnam.patch(`/api/schedules/${s.id}`, { cadence: "MONTHLY", monthDay: 16 }, H));
    expect(monthly).toMatchObject({ cadence: "MONTHLY", weekday: null, monthDay: 16 });
    const off = await body(await as.quangnam.del(`/api/schedules/${s.id}`, H));
    expect(off.active).toBe(false);
    await audited({ entity: "schedule", entityId: s.id, action: "deactivate" }, "quangnam");
  });

  it("campaigns: create (unique code), edit, deactivate; communes see campaigns set above them", async () => {
    const d505 = await unitId(db, "505");
    const res = await as.donggiang.post("/api/campaigns", { code: "DG-2025", name: "Tăng tốc Đông Giang", unitId: d505, startDate: "2025-02-20", endDate: "2025-03-07", phases: ["P1"] }, H);
    expect(res.status).toBe(201);
    const k = await body(res);
    await audited({ entity: "campaign", entityId: k.id, action: "create" }, "donggiang");
    expect((await as.donggiang.post("/api/campaigns", { code: "DG-2025", name: "Lặp", unitId: d505, startDate: "2025-02-20", endDate: "2025-03-07" }, H)).status).toBe(409);
    expect((await as.donggiang.post("/api/campaigns", { code: "DG-X", name: "Ngược", unitId: d505, startDate: "2025-03-20", endDate: "2025-03-07" }, H)).status).toBe(400);
    expect((await as.donggiang.post("/api/campaigns", { code: "DG-Y", name: "Sai giai đoạn", unitId: d505, startDate: "2025-02-20", endDate: "2025-03-07", phases: ["P9"] }, H)).status).toBe(400);
    expect(await db.prisma.campaign.count({ where: { code: { in: ["DG-X", "DG-Y"] } } })).toBe(0);
    const seen = await body<any[]>(await as.zahung.get("/api/campaigns?_end=100"));
    expect(seen.map((x) => x.code)).toEqual(expect.arrayContaining(["DG-2025", "QNA-SHHT-2025"]));
    // the district cannot edit the province's campaign, though it sees it
    expect((await as.donggiang.patch(`/api/campaigns/${campaignId}`, { name: "X" }, H)).status).toBe(403);
    expect((await body(await as.donggiang.patch(`/api/campaigns/${k.id}`, { endDate: "2025-03-10" }, H))).endDate).toBe("2025-03-10");
    expect((await body(await as.donggiang.del(`/api/campaigns/${k.id}`, H))).active).toBe(false);
    await audited({ entity: "campaign", entityId: k.id, action: "deactivate" }, "donggiang");
  });

  it("register kinds: everyone reads, only an admin renames or retires", async () => {
    const kinds = await body<any[]>(await as.zahung.get("/api/register-kinds?q=khai sinh"));
    expect(kinds.length).toBeGreaterThan(0);
    const k = kinds[0];
    expect((await as.quangnam.patch(`/api/register-kinds/${k.id}`, { active: false }, H)).status).toBe(403);
    const r = await as.admin.patch(`/api/register-kinds/${k.id}`, { nameEn: "Birth registration" }, H);
    expect(r.status).toBe(200);
    expect((await body(r)).nameEn).toBe("Birth registration");
    await audited({ entity: "register_kind", entityId: k.id }, "admin");
  });
});

describe("users", () => {
  it("never returns a password hash", async () => {
    const text = await (await as.admin.get("/api/users?_end=1000")).text();
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("scrypt$");
  });

  it("a district creates a commune account in its subtree, not a peer or a higher role", async () => {
    const za = await unitId(db, "20491");
    const ok = await as.donggiang.post("/api/users", { username: "zahung2", displayName: "Cán bộ mới Za Hung", role: "COMMUNE", unitId: za, password: "Mat-khau-2025" }, H);
    expect(ok.status).toBe(201);
    const u = await body(ok);
    expect(u).not.toHaveProperty("passwordHash");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toMatch(/^scrypt\$/);
    await audited({ entity: "user", entityId: u.id, action: "create" }, "donggiang");
    // signs in with the password set
    const signIn = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "zahung2", password: "Mat-khau-2025" }) });
    expect(signIn.status).toBe(200);
    expect((await as.donggiang.post("/api/users", { username: "peer505", displayName: "X", role: "DISTRICT", unitId: za, password: "Mat-khau-2025" }, H)).status).toBe(403);
    expect((await as.donggiang.post("/api/users", { username: "boss505", displayName: "X", role: "ADMIN", unitId: za, password: "Mat-khau-2025" }, H)).status).toBe(403);
    expect((await as.donggiang.post("/api/users", { username: "zahung2", displayName: "X", role: "VIEWER", unitId: za, password: "Mat-khau-2025" }, H)).status).toBe(409);
    const short = await as.donggiang.post("/api/users", { username: "shortpw", displayName: "X", role: "VIEWER", unitId: za, password: "123" }, H);
    expect(short.status).toBe(400);
    expectMessage(await body(short));
    expect(await db.prisma.user.count({ where: { username: { in: ["peer505", "boss505", "shortpw"] } } })).toBe(0);
    // nor promote an account to its own level, nor touch the province's accounts
    expect((await as.donggiang.patch(`/api/users/${u.id}`, { role: "DISTRICT" }, H)).status).toBe(403);
    const qn = await db.prisma.user.findFirstOrThrow({ where: { username: "quangnam" } });
    expect([403, 404]).toContain((await as.donggiang.patch(`/api/users/${qn.id}`, { displayName: "X" }, H)).status);
    // its own account: name yes, role no
    const me = await db.prisma.user.findFirstOrThrow({ where: { username: "donggiang" } });
    expect((await as.donggiang.patch(`/api/users/${me.id}`, { role: "PROVINCE" }, H)).status).toBe(403);
    expect((await as.donggiang.patch(`/api/users/${me.id}`, { displayName: "Phòng Tư pháp Đông Giang" }, H)).status).toBe(200);
  });

  it("resets a password: the old one and the account's sessions stop working, the new one signs in", async () => {
    const login = (password: string) => app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "zahung", password }) });
    const session = (await body(await login("Sohoa@2025"))).token as string;
    const za = await db.prisma.user.findFirstOrThrow({ where: { username: "zahung" } });
    expect((await as.zahung.post(`/api/users/${za.id}/reset-password`, { password: "Khac-hoan-toan-1" }, H)).status).toBe(403);
    expect((await as.donggiang.post(`/api/users/${za.id}/reset-password`, { password: "short" }, H)).status).toBe(400);
    const res = await as.donggiang.post(`/api/users/${za.id}/reset-password`, { password: "Mat-khau-moi-2025" }, H);
    expect(res.status).toBe(204);
    await audited({ entity: "user", entityId: za.id, action: "reset_password" }, "donggiang");
    expect((await client(app, session).get("/api/auth/me")).status).toBe(401);
    expect((await login("Sohoa@2025")).status).toBe(401);
    const fresh = await login("Mat-khau-moi-2025");
    expect(fresh.status).toBe(200);
    as.zahung = client(app, (await body(fresh)).token);
  });

  it("a province official cannot reset the password of an account at their own unit (the provincial leaders' viewer)", async () => {
    const leaders = await db.prisma.user.findFirstOrThrow({ where: { username: "lanhdao" } });
    const quangnam = await db.prisma.user.findFirstOrThrow({ where: { username: "quangnam" } });
    expect(leaders.unitId).toBe(quangnam.unitId);
    const res = await as.quangnam.post(`/api/users/${leaders.id}/reset-password`, { password: "Chiem-quyen-2025" }, H);
    expect(res.status).toBe(403);
    expect((await body(res)).error.message.vi).toContain("cấp trên");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: leaders.id } })).passwordHash).toBe(leaders.passwordHash);
    expect((await as.lanhdao.get("/api/auth/me")).status).toBe(200);
    const login = (password: string) => app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "lanhdao", password }) });
    expect((await login("Chiem-quyen-2025")).status).toBe(401);
    expect(await db.prisma.auditLog.count({ where: { action: "reset_password", entityId: leaders.id } })).toBe(0);
  });

  it("deactivates instead of deleting: the account can no longer sign in", async () => {
    const u = await db.prisma.user.findFirstOrThrow({ where: { username: "zahung2" } });
    const res = await as.donggiang.del(`/api/users/${u.id}`, H);
    expect(res.status).toBe(200);
    expect((await body(res)).active).toBe(false);
    expect(await db.prisma.user.findUnique({ where: { id: u.id } })).not.toBeNull();
    const signIn = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "zahung2", password: "Mat-khau-2025" }) });
    expect(signIn.status).toBe(401);
    await audited({ entity: "user", entityId: u.id, action: "deactivate" }, "donggiang");
  });
});

describe("tokens", () => {
  it("creates a token shown once, which authenticates /api/auth/me; revoked, it gets 401", async () => {
    const res = await as.donggiang.post("/api/tokens", { name: "Excel máy văn phòng", expiresAt: "2025-12-31" }, H);
    expect(res.status).toBe(201);
    const t = await body(res);
    expect(t.token).toMatch(/^sohoa_pat_/);
    expect(t.token.startsWith(t.prefix)).toBe(true);
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(stored.tokenHash).not.toBe(t.token);
    expect(JSON.stringify(stored)).not.toContain(t.token);
    await audited({ entity: "api_token", entityId: t.id, action: "create" }, "donggiang");
    const me = await client(app, t.token).get("/api/auth/me");
    expect(me.status).toBe(200);
    expect((await body(me)).user).toMatchObject({ username: "donggiang", role: "DISTRICT" });
    // the list shows it without the token
    const listed = await (await as.donggiang.get("/api/tokens")).text();
    expect(listed).toContain(t.id);
    expect(listed).not.toContain(t.token);
    // someone else cannot revoke it; the owner can
    expect((await as.quangnam.del(`/api/tokens/${t.id}`)).status).toBe(404);
    expect((await as.donggiang.del(`/api/tokens/${t.id}`, H)).status).toBe(204);
    await audited({ entity: "api_token", entityId: t.id, action: "revoke" }, "donggiang");
    expect((await client(app, t.token).get("/api/auth/me")).status).toBe(401);
  });

  it("an admin lists and revokes tokens of accounts in their subtree", async () => {
    const t = await body(await as.zahung.post("/api/tokens", { name: "Excel xã" }, H));
    const all = await body<any[]>(await as.admin.get("/api/tokens?_end=1000"));
    expect(all.find((x) => x.id === t.id)).toMatchObject({ user: { username: "zahung" } });
    expect((await as.admin.del(`/api/tokens/${t.id}`, H)).status).toBe(204);
    expect((await client(app, t.token).get("/api/auth/me")).status).toBe(401);
    // a past expiry is refused, nothing stored
    const before = await db.prisma.apiToken.count();
    expect((await as.zahung.post("/api/tokens", { name: "cũ", expiresAt: "2024-01-01" })).status).toBe(400);
    expect((await as.zahung.post("/api/tokens", { name: "" })).status).toBe(400);
    expect(await db.prisma.apiToken.count()).toBe(before);
  });
});

describe("audit log", () => {
  it("admins see every entry; others only entries of their subtree; filters by entity, user, action and time", async () => {
    const adminRows = await as.admin.get("/api/audit-logs?entity=deadline&_end=5");
    expect(Number(adminRows.headers.get("x-total-count"))).toBeGreaterThan(5);
    const mine = await body<any[]>(await as.zahung.get("/api/audit-logs?_end=1000"));
    const za = await unitId(db, "20491");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.unitId === za)).toBe(true);
    const dg = await db.prisma.user.findFirstOrThrow({ where: { username: "donggiang" } });
    const byUser = await body<any[]>(await as.quangnam.get(`/api/audit-logs?userId=${dg.id}&action=create&_end=1000`));
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((r) => r.userId === dg.id && r.action === "create")).toBe(true);
    const future = await as.admin.get("/api/audit-logs?from=2030-01-01");
    expect(future.headers.get("x-total-count")).toBe("0");
    expect((await as.admin.get("/api/audit-logs?from=2025-03-01&to=2025-02-01")).status).toBe(400);
    // read-only: no write routes
    expect([404, 405]).toContain((await as.admin.post("/api/audit-logs", { action: "x" })).status);
  });
});
