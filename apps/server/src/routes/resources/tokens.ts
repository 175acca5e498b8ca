import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../middleware/auth";
import { audit } from "../../lib/audit";
import { API_TOKEN_PREFIX, newToken, sha256 } from "../../lib/crypto";
import { notFound } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { IsoDate } from "../schemas";

const Token = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() }).openapi("ApiToken");
const list = createRoute({ method: "get", path: "/api/tokens", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Your personal API tokens (for the Excel add-in)", responses: { 200: { description: "Tokens", content: { "application/json": { schema: z.array(Token) } } }, ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/tokens", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Issue a personal API token; the token is shown once",
  request: { body: { required: true, content: { "application/json": { schema: z.object({ name: z.string().trim().min(1).max(100), expiresAt: IsoDate.optional() }) } } } },
  responses: { 201: { description: "Created", content: { "application/json": { schema: Token.extend({ token: z.string() }) } } }, ...errorResponses },
});
const revoke = createRoute({ method: "delete", path: "/api/tokens/{id}", tags: ["Auth"], security, middleware: [requireAuth()] as const, summary: "Revoke a token", request: { params: z.object({ id: z.string().uuid() }) }, responses: { 204: { description: "Revoked" }, ...errorResponses } });

type T = { id: string; name: string; prefix: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null };
const out = (t: T) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null });

export function tokenResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const rows = await c.var.deps.db.prisma.apiToken.findMany({ where: { userId: c.var.user.id }, orderBy: { createdAt: "desc" } });
    c.header("X-Total-Count", String(rows.length));
    return c.json(rows.map(out), 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const token = newToken(API_TOKEN_PREFIX);
    const row = await c.var.deps.db.prisma.$transaction(async (tx) => {
      const t = await tx.apiToken.create({ data: { userId: c.var.user.id, name: body.name, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), tokenHash: sha256(token), expiresAt: body.expiresAt ? new Date(`${body.expiresAt}T23:59:59+07:00`) : null, createdAt: c.var.deps.clock() } });
      await audit(c, { action: "create", entity: "api_token", entityId: t.id, unitId: c.var.user.unitId, details: { name: body.name } }, tx);
      return t;
    });
    return c.json({ ...out(row), token }, 201);
  });
  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid("param");
    const { prisma } = c.var.deps.db;
    const t = await prisma.apiToken.findUnique({ where: { id } });
    const own = t?.userId === c.var.user.id;
    const admin = c.var.user.role === "ADMIN";
    if (!t || (!own && !admin)) throw notFound({ vi: "mã truy cập của bạn", en: "Your token" });
    await prisma.$transaction(async (tx) => {
      await tx.apiToken.update({ where: { id }, data: { revokedAt: c.var.deps.clock() } });
      await audit(c, { action: "revoke", entity: "api_token", entityId: id, unitId: c.var.user.unitId }, tx);
    });
    return c.body(null, 204);
  });
  return app;
}
