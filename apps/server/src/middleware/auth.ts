/**
 * Bearer authentication: a session token or a personal API token, both looked up by their sha256 hash.
 * One statement per request (credential, user and unit together): it runs before every API call.
 */
import { createMiddleware } from "hono/factory";
import { PREPARED } from "@sohoa/db";
import type { AppEnv, AuthUser, Role } from "../context";
import { API_TOKEN_PREFIX, sha256 } from "../lib/crypto";
import { unauthorized } from "../lib/errors";
import { toUnitSummary } from "../lib/units";

interface CredentialRow {
  credentialId: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null;
  userId: string; username: string; displayName: string; role: Role; locale: string; userActive: boolean;
  unitId: string; code: string; name: string; fullName: string; nameEn: string | null; level: string; parentId: string | null; validFrom: Date; validTo: Date | null;
}

const credentialSql = (table: "Session" | "ApiToken") => `${PREPARED}
  SELECT t."id" AS "credentialId", t."revokedAt", t."expiresAt", ${table === "ApiToken" ? `t."lastUsedAt"` : `NULL::timestamp AS "lastUsedAt"`},
         usr."id" AS "userId", usr."username", usr."displayName", usr."role"::text AS "role", usr."locale", usr."active" AS "userActive",
         un."id" AS "unitId", un."code", un."name", un."fullName", un."nameEn", un."level"::text AS "level", un."parentId", un."validFrom", un."validTo"
    FROM "${table}" t JOIN "User" usr ON usr."id" = t."userId" JOIN "Unit" un ON un."id" = usr."unitId"
   WHERE t."tokenHash" = $1`;
const SESSION_SQL = credentialSql("Session");
const TOKEN_SQL = credentialSql("ApiToken");

/** An add-in token's "last used" is kept to the minute: not one write per request. */
const LAST_USED_PRECISION_MS = 60_000;

export const requireAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized({ vi: "Cần đăng nhập để tiếp tục.", en: "Sign-in required." });
    const token = m[1]!;
    const viaToken = token.startsWith(API_TOKEN_PREFIX);
    const { prisma, sql } = c.var.deps.db;
    const now = c.var.deps.clock();
    const [row] = await sql.$queryRawUnsafe<CredentialRow[]>(viaToken ? TOKEN_SQL : SESSION_SQL, sha256(token));
    const valid = row && !row.revokedAt && (viaToken ? !row.expiresAt || row.expiresAt > now : !!row.expiresAt && row.expiresAt > now) && row.userActive;
    if (!valid) throw unauthorized();
    const user: AuthUser = {
      id: row.userId, username: row.username, displayName: row.displayName, role: row.role, locale: row.locale, unitId: row.unitId,
      unit: toUnitSummary({ id: row.unitId, code: row.code, name: row.name, fullName: row.fullName, nameEn: row.nameEn, level: row.level, parentId: row.parentId, validFrom: row.validFrom, validTo: row.validTo }),
      via: viaToken ? "token" : "session", credentialId: row.credentialId,
    };
    if (viaToken && (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS)) {
      void prisma.apiToken.update({ where: { id: row.credentialId }, data: { lastUsedAt: now } }).catch(() => undefined);
    }
    c.set("user", user);
    await next();
  });
