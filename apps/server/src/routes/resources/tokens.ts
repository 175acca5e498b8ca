/**
 * Personal API tokens for the Excel add-in. Anyone signed in issues tokens for themselves; the plain token is
 * returned once and only its sha256 is stored. The list shows your own tokens; an admin's list shows the
 * tokens of every account in their subtree (filter `userId`), and an admin may revoke them.
 * A token carries a scope (SUBMIT by default: the add-in's calls; READ; ADMIN: every right of its user), checked
 * per route by requireAuth, and expires: after 90 days unless a date (at most a year ahead) is given.
 */
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import { tokenPage, tokenWhere, tokenWithOwner, createToken, revokeToken, type Prisma, type TokenRow } from "@sohoa/db";
import { ApiTokenSchema as Token, ApiTokenScopeSchema as Scope } from "@sohoa/contract";
import type { AppEnv } from "../../context";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { API_TOKEN_PREFIX, newToken, sha256 } from "../../lib/crypto";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { scopeFilter } from "../../lib/scope";
import { Day, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, page, today, withTotal } from "./rest";

const WHAT = { vi: "mã truy cập của bạn", en: "Your token" };
export const DEFAULT_TOKEN_DAYS = 90;
const MAX_TOKEN_DAYS = 366;
const list = createRoute({
  method: "get", path: "/api/tokens", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Your personal API tokens (admins: those of their subtree)",
  request: { query: ListQuery.extend({ userId: z.string().max(64).optional(), revoked: z.enum(["true", "false"]).optional() }) },
  responses: { 200: jsonOk(z.array(Token), "Tokens (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/tokens/{id}", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "One token (never the token itself)", request: { params: IdParam }, responses: { 200: jsonOk(Token, "Token"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/tokens", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Issue a personal API token for yourself; the token is shown once",
  request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), scope: Scope.default("SUBMIT"), expiresAt: Day.optional() })) },
  responses: { 201: jsonOk(Token.extend({ token: z.string() }), "Created"), ...errorResponses },
});
const revoke = createRoute({ method: "delete", path: "/api/tokens/{id}", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Revoke a token", request: { params: IdParam }, responses: { 204: { description: "Revoked" }, ...errorResponses } });

type Row = TokenRow;
const out = (t: Row) => ({
  id: t.id, name: t.name, prefix: t.prefix, scope: t.scope, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null, user: t.user,
});

/** Whose tokens the user sees: their own, or (admins) those of every account in their subtree. */
function visible(c: Context<AppEnv>): Prisma.ApiTokenWhereInput {
  const me = c.var.user;
  return me.role === "ADMIN" ? { user: { unit: scopeFilter(me) } } : { userId: me.id };
}

/** yyyy-mm-dd plus `n` calendar days. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function tokenResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const where: Prisma.ApiTokenWhereInput = {
      AND: [visible(c), idFilter(q), q.userId ? { userId: q.userId } : {}, q.revoked ? (q.revoked === "true" ? { revokedAt: { not: null } } : { revokedAt: null }) : {}],
    };
    const p = page(q, ["createdAt", "lastUsedAt", "expiresAt", "name"], { createdAt: "desc" });
    const { rows, total } = await tokenPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });
  app.openapi(one, async (c) => {
    const t = await tokenWhere(c.var.deps.db, { id: c.req.valid("param").id, ...visible(c) });
    if (!t) throw notFound(WHAT);
    return c.json(out(t), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const day = today(c);
    if (body.expiresAt && body.expiresAt < day) throw invalid("expiresAt", "Ngày hết hạn đã qua.", "The expiry date is in the past.");
    if (body.expiresAt && body.expiresAt > addDays(day, MAX_TOKEN_DAYS)) throw invalid("expiresAt", `Ngày hết hạn chỉ được trong vòng ${MAX_TOKEN_DAYS} ngày tới.`, `The expiry date must be within ${MAX_TOKEN_DAYS} days.`);
    const expiresOn = body.expiresAt ?? addDays(day, DEFAULT_TOKEN_DAYS);
    const token = newToken(API_TOKEN_PREFIX);
    const prefix = token.slice(0, API_TOKEN_PREFIX.length + 6);
    const row = await createToken(
      c.var.deps.db,
      // Valid through the end of the expiry day in Vietnam.
      { userId: c.var.user.id, name: body.name, scope: body.scope, prefix, tokenHash: sha256(token), expiresAt: new Date(`${expiresOn}T23:59:59.999+07:00`), createdAt: c.var.deps.clock() },
      auditValues(c, { action: "create", entity: "api_token", unitId: c.var.user.unitId, details: { name: body.name, prefix, scope: body.scope, expiresAt: expiresOn } }),
    );
    return c.json({ ...out(row), token }, 201);
  });
  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid("param");
    const t = await tokenWithOwner(c.var.deps.db, { id, ...visible(c) });
    if (!t) throw notFound(WHAT);
    if (!t.revokedAt) {
      await revokeToken(c.var.deps.db, id, c.var.deps.clock(), auditValues(c, { action: "revoke", entity: "api_token", entityId: id, unitId: t.user.unitId, details: { name: t.name, prefix: t.prefix, owner: t.user.username } }));
    }
    return c.body(null, 204);
  });
  return app;
}
