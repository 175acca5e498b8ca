/**
 * Bearer authentication: a session token or a personal API token, both looked up by their sha256 hash.
 * One statement (credential, user and unit together) for the requests arriving together: it runs before every API call.
 */
import { createMiddleware } from "hono/factory";
import { credentialsByHash, touchApiToken, type Database } from "@sohoa/db";
import { batched } from "../lib/batched";
import type { AppEnv, AuthUser, Role, TokenScope } from "../context";
import { API_TOKEN_PREFIX, sha256 } from "../lib/crypto";
import { forbidden, unauthorized } from "../lib/errors";
import { toUnitSummary } from "../lib/units";

/** Credentials by token hash, for the requests arriving together: one statement. */
const findSession = batched((db: Database, hashes: string[]) => credentialsByHash(db.sql, "session", hashes));
const findToken = batched((db: Database, hashes: string[]) => credentialsByHash(db.sql, "token", hashes));

/** An add-in token's "last used" is kept to the minute: not one write per request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * What a personal API token's scope lets it call: ADMIN everything, READ any GET, SUBMIT only the routes marked
 * `{ token: "submit" }` (the add-in's calls). Sessions are not limited: the role alone decides.
 */
export function tokenAllows(scope: TokenScope, method: string, route: { token?: "submit" }): boolean {
  if (scope === "ADMIN") return true;
  if (scope === "READ") return method === "GET" || method === "HEAD";
  return route.token === "submit";
}

const SCOPE_NAME: Record<TokenScope, { vi: string; en: string }> = {
  SUBMIT: { vi: "chỉ gửi số liệu", en: "submit only" },
  READ: { vi: "chỉ đọc", en: "read only" },
  ADMIN: { vi: "toàn quyền", en: "full rights" },
};

const outsideTokenScope = (scope: TokenScope) =>
  forbidden({
    vi: `Mã truy cập này có phạm vi "${SCOPE_NAME[scope].vi}" nên không dùng được cho thao tác này. Hãy đăng nhập, hoặc tạo mã có phạm vi rộng hơn.`,
    en: `This API token's scope is "${SCOPE_NAME[scope].en}", which does not cover this call. Sign in, or issue a token with a wider scope.`,
  });

/** `token: "submit"` opens the route to submit-only tokens (what the Excel add-in calls). */
export const requireAuth = (route: { token?: "submit" } = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized({ vi: "Cần đăng nhập để tiếp tục.", en: "Sign-in required." });
    const token = m[1]!;
    const viaToken = token.startsWith(API_TOKEN_PREFIX);
    const { db } = c.var.deps;
    const now = c.var.deps.clock();
    const row = await (viaToken ? findToken : findSession)(db, sha256(token));
    const valid = row && !row.revokedAt && (viaToken ? !row.expiresAt || row.expiresAt > now : !!row.expiresAt && row.expiresAt > now) && row.userActive;
    if (!valid) throw unauthorized();
    const scope = (row.scope ?? "SUBMIT") as TokenScope;
    if (viaToken && !tokenAllows(scope, c.req.method, route)) throw outsideTokenScope(scope);
    const user: AuthUser = {
      id: row.userId, username: row.username, displayName: row.displayName, role: row.role as Role, locale: row.locale, unitId: row.unitId,
      unit: toUnitSummary({ id: row.unitId, code: row.code, name: row.name, fullName: row.fullName, nameEn: row.nameEn, level: row.level, parentId: row.parentId, validFrom: row.validFrom, validTo: row.validTo }),
      via: viaToken ? "token" : "session", credentialId: row.credentialId, tokenScope: viaToken ? scope : null,
    };
    if (viaToken && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS)) {
      touchApiToken(db, row.credentialId, now);
    }
    c.set("user", user);
    await next();
  });
