/** Bearer authentication: a session token or a personal API token, both looked up by their sha256 hash. */
import { createMiddleware } from "hono/factory";
import type { AppEnv, AuthUser } from "../context";
import { API_TOKEN_PREFIX, sha256 } from "../lib/crypto";
import { unauthorized } from "../lib/errors";
import { toUnitSummary, unitSelect } from "../lib/units";

const userSelect = { id: true, username: true, displayName: true, role: true, locale: true, unitId: true, active: true, unit: { select: unitSelect } } as const;

export const requireAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized({ vi: "Cần đăng nhập để tiếp tục.", en: "Sign-in required." });
    const token = m[1]!;
    const hash = sha256(token);
    const { prisma } = c.var.deps.db;
    const now = c.var.deps.clock();
    let user: AuthUser | null = null;
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const t = await prisma.apiToken.findUnique({ where: { tokenHash: hash }, select: { id: true, revokedAt: true, expiresAt: true, user: { select: userSelect } } });
      if (t && !t.revokedAt && (!t.expiresAt || t.expiresAt > now) && t.user.active) {
        user = { ...t.user, role: t.user.role, unit: toUnitSummary(t.user.unit), via: "token", credentialId: t.id };
        void prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } }).catch(() => undefined);
      }
    } else {
      const s = await prisma.session.findUnique({ where: { tokenHash: hash }, select: { id: true, revokedAt: true, expiresAt: true, user: { select: userSelect } } });
      if (s && !s.revokedAt && s.expiresAt > now && s.user.active) {
        user = { ...s.user, role: s.user.role, unit: toUnitSummary(s.user.unit), via: "session", credentialId: s.id };
      }
    }
    if (!user) throw unauthorized();
    c.set("user", user);
    await next();
  });
