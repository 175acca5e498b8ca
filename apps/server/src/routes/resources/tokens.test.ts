import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../../app";
import { body, client, type Client, type DemoUser, setup, type TestApp } from "./test-kit";

let db: Database;
let app: TestApp;
let as: Record<DemoUser, Client>;

beforeAll(async () => {
  ({ db, app, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const issue = async (who: Client, extra: Record<string, unknown> = {}) => {
  const res = await who.post("/api/tokens", { name: "Excel", ...extra });
  expect(res.status).toBe(201);
  return body<{ id: string; token: string; scope: string; expiresAt: string }>(res);
};

describe("token scopes", () => {
  it("a token is submit-only by default: the add-in's calls work, nothing else does", async () => {
    const t = await issue(as.quangnam);
    expect(t.scope).toBe("SUBMIT");
    const pat = client(app, t.token);
    for (const path of ["/api/auth/me", "/api/units?parentId=x", "/api/register-kinds", "/api/book-phases", "/api/units/49/progress"]) {
      expect((await pat.get(path)).status, path).toBe(200);
    }
    // a submission reaches its validation (400 for an empty body), not the scope check
    expect((await pat.post("/api/submissions", {})).status).toBe(400);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "lanhdao" } });
    const refused = [
      await pat.post("/api/tokens", { name: "another" }),
      await pat.post("/api/users", { username: "intruder", displayName: "x", role: "VIEWER", unitId: user.unitId, password: "Mat-khau-2025" }),
      await pat.post(`/api/users/${user.id}/reset-password`, { password: "Mat-khau-2025" }),
      await pat.get("/api/campaigns"),
    ];
    for (const r of refused) expect(r.status).toBe(403);
    const msg = (await body(refused[0]!)).error.message;
    expect(msg.vi).toContain("chỉ gửi số liệu");
    expect(msg.en).toContain("submit only");
    expect(await db.prisma.user.findUnique({ where: { username: "intruder" } })).toBeNull();
  });

  it("a read token reads anything its user may read and writes nothing; an admin token may do all", async () => {
    const read = client(app, (await issue(as.quangnam, { scope: "READ" })).token);
    expect((await read.get("/api/campaigns")).status).toBe(200);
    expect((await read.post("/api/tokens", { name: "x" })).status).toBe(403);
    expect((await read.post("/api/submissions", {})).status).toBe(403);
    const admin = client(app, (await issue(as.quangnam, { scope: "ADMIN" })).token);
    expect((await admin.post("/api/tokens", { name: "minted by a token" })).status).toBe(201);
    expect((await as.quangnam.post("/api/tokens", { name: "x", scope: "ROOT" })).status).toBe(400);
  });
});

describe("token expiry", () => {
  it("expires after 90 days by default, and an expiry over a year ahead is refused", async () => {
    const t = await issue(as.zahung);
    // 2025-02-18 + 90 days, to the end of that day in Vietnam
    expect(t.expiresAt).toBe("2025-05-19T16:59:59.999Z");
    expect((await as.zahung.post("/api/tokens", { name: "x", expiresAt: "2026-06-01" })).status).toBe(400);
    let now = new Date("2025-05-19T16:00:00Z");
    const later = createApp({ db, clock: () => now });
    const me = () => later.request("/api/auth/me", { headers: { authorization: `Bearer ${t.token}` } });
    expect((await me()).status).toBe(200);
    now = new Date("2025-05-19T17:00:00Z");
    expect((await me()).status).toBe(401);
  });
});

describe("logout with a token", () => {
  it("says that it revokes nothing, and the token keeps working", async () => {
    const t = await issue(as.donggiang);
    const pat = client(app, t.token);
    const res = await pat.post("/api/auth/logout");
    expect(res.status).toBe(200);
    const b = await body(res);
    expect(b.revoked).toBe(false);
    expect(b.message.vi).toContain("không thu hồi");
    expect(b.message.en).toContain("DELETE /api/tokens/");
    expect((await pat.get("/api/auth/me")).status).toBe(200);
  });
});
