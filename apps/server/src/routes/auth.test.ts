import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import { LoginThrottle } from "../lib/throttle";

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("sign-in, sessions and tokens", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("signs in with username and password and answers /me with the user's unit", async () => {
    const app = createApp({ db });
    const res = await app.request("/api/auth/login", json({ username: "quangnam", password: "Sohoa@2025" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { role: string; unit: { code: string } } };
    expect(body.user).toMatchObject({ role: "PROVINCE", unit: { code: "49" } });
    const me = await app.request("/api/auth/me", { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    // the token is stored hashed, never in clear
    const stored = await db.prisma.session.findMany({ where: { user: { username: "quangnam" } } });
    expect(stored.some((s) => s.tokenHash === body.token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  it("refuses a wrong password with a message in Vietnamese and English, and audits the attempt", async () => {
    const app = createApp({ db });
    const res = await app.request("/api/auth/login", json({ username: "quangnam", password: "wrong" }, { "x-forwarded-for": "10.0.0.7", "user-agent": "test-agent" }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: { vi: string; en: string } } };
    expect(body.error.message.vi).toContain("mật khẩu");
    expect(body.error.message.en).toContain("password");
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "login_failed", username: "quangnam" }, orderBy: { at: "desc" } });
    expect(entry).toMatchObject({ ip: "10.0.0.7", userAgent: "test-agent" });
    expect(entry?.requestId).toBeTruthy();
  });

  it("throttles repeated failures, then lets the right password through after the lock", async () => {
    let now = new Date("2026-01-01T00:00:00Z").getTime();
    const app = createApp({ db, clock: () => new Date(now), throttle: new LoginThrottle({ maxFailures: 3, windowMs: 60_000, lockMs: 30_000 }) });
    const attempt = (password: string) => app.request("/api/auth/login", json({ username: "donggiang", password }, { "x-forwarded-for": "10.9.9.9" }));
    for (let i = 0; i < 3; i++) expect((await attempt("nope")).status).toBe(401);
    const locked = await attempt("Sohoa@2025");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    now += 31_000;
    expect((await attempt("Sohoa@2025")).status).toBe(200);
  });

  it("signs out: the session token stops working", async () => {
    const app = createApp({ db });
    const token = await signIn(app, "zahung");
    expect((await app.request("/api/auth/logout", { method: "POST", headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    expect((await app.request("/api/auth/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("expires sessions after their lifetime", async () => {
    let now = Date.now();
    const app = createApp({ db, clock: () => new Date(now), config: { sessionTtlHours: 1 } });
    const token = await signIn(app, "zahung");
    expect((await app.request("/api/auth/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    now += 2 * 3600_000;
    const res = await app.request("/api/auth/me", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it("rejects malformed JSON and wrong types with a clear 400", async () => {
    const app = createApp({ db });
    const bad = await app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    const wrong = await app.request("/api/auth/login", json({ username: 12, password: "x" }));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe("username");
  });

  it("sends security headers and a request id", async () => {
    const app = createApp({ db });
    const res = await app.request("/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });
});
