import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { fromSocket, openTestDatabase, signIn } from "../testing";
import { DEFAULT_THROTTLE } from "../lib/throttle";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../lib/crypto";
import { randomBytes, scryptSync } from "node:crypto";

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

  it("refuses a wrong password with a message in Vietnamese and English, and audits the attempt from the socket's address", async () => {
    const app = createApp({ db });
    // X-Forwarded-For from a client that is not a configured proxy is ignored
    const res = await app.request("/api/auth/login", json({ username: "quangnam", password: "wrong" }, { "x-forwarded-for": "10.0.0.7", "user-agent": "test-agent" }), fromSocket("192.0.2.10"));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: { vi: string; en: string } } };
    expect(body.error.message.vi).toContain("mật khẩu");
    expect(body.error.message.en).toContain("password");
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "login_failed", username: "quangnam" }, orderBy: { at: "desc" } });
    expect(entry).toMatchObject({ ip: "192.0.2.10", userAgent: "test-agent" });
    expect(entry?.requestId).toBeTruthy();
  });

  it("believes X-Forwarded-For only from a configured proxy, read from the right up to the first other hop", async () => {
    const app = createApp({ db, config: { trustedProxies: ["192.0.2.1", "192.0.2.2"] } });
    const fail = async (socket: string, xff: string) => {
      const res = await app.request("/api/auth/login", json({ username: "lanhdao", password: "wrong" }, { "x-forwarded-for": xff, "user-agent": `xff-${socket}-${xff}` }), fromSocket(socket));
      expect(res.status).toBe(401);
      return (await db.prisma.auditLog.findFirstOrThrow({ where: { action: "login_failed", userAgent: `xff-${socket}-${xff}` } })).ip;
    };
    expect(await fail("::ffff:192.0.2.1", "203.0.113.9")).toBe("203.0.113.9");
    // the client's own claim (1.1.1.1) is left of the address the proxies saw
    expect(await fail("192.0.2.1", "1.1.1.1, 203.0.113.8, 192.0.2.2")).toBe("203.0.113.8");
    expect(await fail("198.51.100.4", "203.0.113.7")).toBe("198.51.100.4");
    expect(await fail("192.0.2.1", "not-an-address")).toBe("192.0.2.1");
  });

  it("counts concurrent attempts atomically: of 32 wrong passwords at once from one address, 5 are checked", async () => {
    const app = createApp({ db });
    const from = fromSocket("198.51.100.32");
    const res = await Promise.all(Array.from({ length: 32 }, () => app.request("/api/auth/login", json({ username: "zahung", password: "wrong" }), from)));
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(DEFAULT_THROTTLE.perAddressUser);
    expect(statuses.filter((s) => s === 429).length).toBe(32 - DEFAULT_THROTTLE.perAddressUser);
  });

  it("throttles per address and username: others still sign in, and the lock ends with its window", async () => {
    let now = new Date("2026-01-01T00:00:00Z").getTime();
    const app = createApp({ db, clock: () => new Date(now), throttle: { windowMs: 60_000, perAddressUser: 3, perAddress: 50, perUser: 10 } });
    const attempt = (username: string, password: string, address = "198.51.100.9") => app.request("/api/auth/login", json({ username, password }), fromSocket(address));
    for (let i = 0; i < 3; i++) expect((await attempt("donggiang", "nope")).status).toBe(401);
    const locked = await attempt("donggiang", "Sohoa@2025");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // the same address for another user, and the same user from another address, are not locked out
    expect((await attempt("zahung", "Sohoa@2025")).status).toBe(200);
    expect((await attempt("donggiang", "Sohoa@2025", "198.51.100.10")).status).toBe(200);
    now += 61_000;
    expect((await attempt("donggiang", "Sohoa@2025")).status).toBe(200);
    // that success also dropped every key whose window was over
    expect(await db.prisma.signInAttempt.count({ where: { windowStart: { lt: new Date(now - 60_000) } } })).toBe(0);
    expect(await db.prisma.signInAttempt.count({ where: { key: "ip:198.51.100.9" } })).toBe(1);
  });

  it("caps one address's attempts over all usernames, and one username's over all addresses", async () => {
    const now = new Date("2026-02-01T00:00:00Z");
    const app = createApp({ db, clock: () => now, throttle: { windowMs: 60_000, perAddressUser: 3, perAddress: 7, perUser: 6 } });
    const attempt = (username: string, address: string) => app.request("/api/auth/login", json({ username, password: "wrong" }), fromSocket(address));
    const sprayed = [];
    for (let i = 0; i < 8; i++) sprayed.push((await attempt(`spray${i}`, "198.51.100.50")).status);
    expect(sprayed).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
    // one username from many addresses: each address adds at most perAddressUser to the username's count
    const spread = [];
    for (let i = 0; i < 8; i++) spread.push((await attempt("victim", `198.51.100.${60 + (i % 4)}`)).status);
    expect(spread).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });

  it("answers unknown and known usernames alike: same statuses, messages and lock, the hash run for both", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const app = createApp({ db, clock: () => now, throttle: { windowMs: 60_000, perAddressUser: 3, perAddress: 50, perUser: 10 } });
    const run = async (username: string) => {
      const out: { status: number; body: unknown; ms: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await app.request("/api/auth/login", json({ username, password: "wrong" }), fromSocket("198.51.100.77"));
        out.push({ status: res.status, body: await res.json(), ms: performance.now() - t });
      }
      return out;
    };
    const known = await run("quangnam");
    const unknown = await run("khong-co-ai");
    expect(unknown.map((r) => [r.status, r.body])).toEqual(known.map((r) => [r.status, r.body]));
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    // scrypt (tens of ms) runs for the unknown username too: its checked attempts are no faster than a tenth of the known's
    const slowest = (rs: typeof known) => Math.min(...rs.slice(0, 3).map((r) => r.ms));
    expect(slowest(unknown)).toBeGreaterThan(slowest(known) / 10);
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

  it("hashes at scrypt N=2^17 and replaces a weaker stored hash at the next successful sign-in", async () => {
    const app = createApp({ db });
    const salt = randomBytes(16);
    const weak = `scrypt$16384$8$1$${salt.toString("base64url")}$${scryptSync("Sohoa@2025", salt, 64, { N: 16384, r: 8, p: 1 }).toString("base64url")}`;
    await db.prisma.user.update({ where: { username: "donggiang" }, data: { passwordHash: weak } });
    await expect(signIn(app, "donggiang", "wrong-password")).rejects.toThrow(/401/);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "donggiang" } })).passwordHash).toBe(weak);
    await signIn(app, "donggiang");
    const stored = (await db.prisma.user.findUniqueOrThrow({ where: { username: "donggiang" } })).passwordHash;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("Sohoa@2025", stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect((await hashPassword("x")).startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(DUMMY_HASH.startsWith("scrypt$131072$")).toBe(true);
    await signIn(app, "donggiang");
  });

  it("deletes expired sessions when someone signs in; live ones stay", async () => {
    const app = createApp({ db });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "lanhdao" } });
    const now = Date.now();
    const old = await db.prisma.session.create({ data: { userId: user.id, tokenHash: `expired-${now}`, expiresAt: new Date(now - 60_000), createdAt: new Date(now - 86_400_000) } });
    const live = await db.prisma.session.create({ data: { userId: user.id, tokenHash: `live-${now}`, expiresAt: new Date(now + 3600_000) } });
    await signIn(app, "quangnam");
    expect(await db.prisma.session.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: live.id } })).not.toBeNull();
    expect(await db.prisma.session.count({ where: { expiresAt: { lt: new Date(now) } } })).toBe(0);
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
