import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../middleware/auth";
import { audit } from "../lib/audit";
import { purgeExpiredSessions, userForSignIn, openSession, revokeSession } from "@sohoa/db";
import { DUMMY_HASH, SESSION_PREFIX, hashPassword, needsRehash, newToken, sha256, verifyPassword } from "../lib/crypto";
import { ApiError } from "../lib/errors";
import { clearAttempts, countAttempt } from "../lib/throttle";
import { errorResponses, router, security } from "../lib/openapi";
import { clientIp, userAgent } from "../lib/request-info";
import { toUnitSummary } from "../lib/units";
import { LoginBodySchema as LoginBody, LoginResultSchema as LoginOk, LogoutWithTokenSchema, MeSchema, UnitSummarySchema } from "@sohoa/contract";

const login = createRoute({
  method: "post", path: "/api/auth/login", tags: ["Auth"], summary: "Sign in with username and password",
  request: { body: { content: { "application/json": { schema: LoginBody } }, required: true } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: LoginOk } } },
    400: errorResponses[400], 401: errorResponses[401],
    429: { description: "Too many sign-in attempts", content: { "application/json": { schema: z.object({}) } } },
  },
});

const me = createRoute({
  method: "get", path: "/api/auth/me", tags: ["Auth"], summary: "The signed-in user", security, middleware: [requireAuth({ token: "submit" })] as const,
  responses: { 200: { description: "User", content: { "application/json": { schema: MeSchema } } }, 401: errorResponses[401] },
});

const logout = createRoute({
  method: "post", path: "/api/auth/logout", tags: ["Auth"], summary: "Sign out (revokes this session; a personal API token is not revoked: DELETE /api/tokens/{id})", security, middleware: [requireAuth({ token: "submit" })] as const,
  responses: {
    204: { description: "Signed out: the session no longer works" },
    200: { description: "Called with a personal API token: nothing revoked, the token keeps working", content: { "application/json": { schema: LogoutWithTokenSchema } } },
    401: errorResponses[401],
  },
});

const badCredentials = new ApiError(401, "unauthorized", {
  vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
  en: "Wrong username or password.",
});

export function authRoutes() {
  const app = router();

  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid("json");
    const { db, clock, throttle, config } = c.var.deps;
    const now = clock();
    const ip = clientIp(c) ?? "local";
    const name = username.toLowerCase();
    // Counted before the password is checked, alike for every username: the answer never tells which exist.
    const wait = await countAttempt(db.sql, throttle, ip, name, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header("Retry-After", String(seconds));
      throw new ApiError(429, "rate_limited", {
        vi: `Đăng nhập quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
        en: `Too many sign-in attempts. Try again in ${seconds} seconds.`,
      });
    }
    const user = await userForSignIn(db, name);
    // The hash runs for unknown usernames too (DUMMY_HASH), so both take as long.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      await audit(c, { action: "login_failed", entity: "user", entityId: user?.id ?? null, username: name, userId: user?.id ?? null });
      throw badCredentials;
    }
    await clearAttempts(db.sql, throttle, ip, name, now);
    // Sessions are created here, so expired ones are dropped here too (no table growing for ever).
    await purgeExpiredSessions(db.sql, now);
    const token = newToken(SESSION_PREFIX);
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3600_000);
    // A hash of an older, cheaper cost is replaced now that the password is known.
    const stronger = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
    await openSession(db, { userId: user.id, tokenHash: sha256(token), expiresAt, createdAt: now, ip, userAgent: userAgent(c), passwordHash: stronger });
    await audit(c, { action: "login", entity: "user", entityId: user.id, userId: user.id, username: user.username, unitId: user.unitId });
    return c.json(
      {
        token,
        expiresAt: expiresAt.toISOString(),
        user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, locale: user.locale, unit: toUnitSummary(user.unit) },
      },
      200,
    );
  });

  app.openapi(me, (c) => {
    const u = c.var.user;
    return c.json({ user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, unit: u.unit } }, 200);
  });

  app.openapi(logout, async (c) => {
    const u = c.var.user;
    // A token is not a sign-in: answering 204 here would let its holder believe it stopped working.
    if (u.via === "token") {
      return c.json({
        revoked: false as const,
        message: {
          vi: "Đăng xuất không thu hồi mã truy cập cá nhân: mã này vẫn dùng được. Để thu hồi, xóa mã (DELETE /api/tokens/{id}) trên trang Mã truy cập.",
          en: "Signing out does not revoke a personal API token: this token still works. To revoke it, delete it (DELETE /api/tokens/{id}) on the tokens page.",
        },
      }, 200);
    }
    await revokeSession(c.var.deps.db, u.credentialId, c.var.deps.clock());
    await audit(c, { action: "logout", entity: "session", entityId: u.credentialId });
    return c.body(null, 204);
  });

  return app;
}

export { UnitSummarySchema };
