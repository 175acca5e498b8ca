/**
 * User accounts. Read: accounts of your subtree (never the password hash). Write: a manager creates and
 * edits accounts inside their own subtree and only with a role below their own (`canGrantRole`); admins
 * may grant any role within their scope. Delete deactivates and ends the account's sessions and tokens.
 */
import type { Context } from "hono";
import { createRoute, z } from "@hono/zod-openapi";
import { createUser, resetPassword, unitExists, updateUser, userById, userPage, type Prisma, type UserRow } from "@sohoa/db";
import type { AppEnv, Role } from "../../context";
import { requireAuth } from "../../middleware/auth";
import { auditValues } from "../../lib/audit";
import { hashPassword } from "../../lib/crypto";
import { conflict, forbidden } from "../../lib/errors";
import { errorResponses, router, security } from "../../lib/openapi";
import { canGrantRole, requireManager, scopeFilter } from "../../lib/scope";
import { toUnitSummary } from "../../lib/units";
import { AccountSchema as Account, RoleSchema } from "@sohoa/contract";
import { assertManages, assertVisible, IdParam, idFilter, invalid, jsonBody, jsonOk, ListQuery, managesUser, page, withTotal } from "./rest";

const WHAT = { vi: "tài khoản trong phạm vi của bạn", en: "User within your scope" };
const Password = z.string().min(8).max(200);
const Locale = z.enum(["vi", "en"]);

const list = createRoute({
  method: "get", path: "/api/users", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "Accounts of your subtree",
  request: { query: ListQuery.extend({ unitId: z.string().max(64).optional(), role: RoleSchema.optional(), active: z.enum(["true", "false"]).optional() }) },
  responses: { 200: jsonOk(z.array(Account), "Accounts (total in X-Total-Count)"), ...errorResponses },
});
const one = createRoute({ method: "get", path: "/api/users/{id}", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "One account", request: { params: IdParam }, responses: { 200: jsonOk(Account, "Account"), ...errorResponses } });
const create = createRoute({
  method: "post", path: "/api/users", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "Create an account in your subtree with a role below yours",
  request: {
    body: jsonBody(z.object({
      username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,50}$/, "3–50 of a-z 0-9 . _ -"),
      displayName: z.string().trim().min(1).max(200), email: z.string().trim().email().max(200).nullable().optional(),
      role: RoleSchema, unitId: z.string().min(1).max(64), locale: Locale.default("vi"), password: Password, mustChangePassword: z.boolean().default(false),
    })),
  },
  responses: { 201: jsonOk(Account, "Created"), 409: jsonOk(z.any(), "Username taken"), ...errorResponses },
});
const update = createRoute({
  method: "patch", path: "/api/users/{id}", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "Edit an account you manage (your own: name, e-mail and language only)",
  request: { params: IdParam, body: jsonBody(z.object({ displayName: z.string().trim().min(1).max(200).optional(), email: z.string().trim().email().max(200).nullable().optional(), role: RoleSchema.optional(), unitId: z.string().min(1).max(64).optional(), locale: Locale.optional(), active: z.boolean().optional() })) },
  responses: { 200: jsonOk(Account, "Updated"), ...errorResponses },
});
const remove = createRoute({ method: "delete", path: "/api/users/{id}", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "Deactivate an account (its sessions and tokens stop working)", request: { params: IdParam }, responses: { 200: jsonOk(Account, "Deactivated"), ...errorResponses } });
const reset = createRoute({
  method: "post", path: "/api/users/{id}/reset-password", tags: ["Users"], security, middleware: [requireAuth()] as const, summary: "Set a new password for an account of a unit below yours (admins: any in scope); its sessions end",
  request: { params: IdParam, body: jsonBody(z.object({ password: Password, mustChangePassword: z.boolean().default(false) })) },
  responses: { 204: { description: "Password set" }, ...errorResponses },
});

/** Everything but the password hash and the sign-in counters. */
type Row = UserRow;
const out = (u: Row) => ({ ...u, unit: toUnitSummary(u.unit), lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() });

const cannotGrant = (role: Role) => forbidden({ vi: `Bạn không được cấp vai trò ${role}; chỉ được cấp vai trò thấp hơn vai trò của mình.`, en: `You may not grant the role ${role}; only roles below your own.` });
const notYours = () => forbidden({ vi: "Bạn chỉ quản lý được tài khoản có vai trò thấp hơn trong phạm vi của mình.", en: "You can only manage accounts with a lower role within your scope." });

/** Loads an account the signed-in user may manage: 404 outside scope, 403 when in scope but not theirs to manage. */
async function manageable(c: Context<AppEnv>, id: string): Promise<Row> {
  const u = await userById(c.var.deps.db, id);
  await assertVisible(c, u?.unitId, WHAT);
  requireManager(c.var.user);
  if (u!.id === c.var.user.id || !(await managesUser(c, c.var.user, u!))) throw notYours();
  return u!;
}

export function userResources() {
  const app = router();
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const term = q.q?.trim();
    const where: Prisma.UserWhereInput = {
      AND: [
        { unit: scopeFilter(c.var.user) }, idFilter(q),
        q.unitId ? { unitId: q.unitId } : {}, q.role ? { role: q.role } : {}, q.active ? { active: q.active === "true" } : {},
        term ? { OR: [{ username: { contains: term, mode: "insensitive" } }, { displayName: { contains: term, mode: "insensitive" } }] } : {},
      ],
    };
    const p = page(q, ["username", "displayName", "role", "createdAt", "lastLoginAt"], { username: "asc" });
    const { rows, total } = await userPage(c.var.deps.db, where, p);
    return c.json(withTotal(c, rows.map(out), total), 200);
  });

  app.openapi(one, async (c) => {
    const u = await userById(c.var.deps.db, c.req.valid("param").id);
    await assertVisible(c, u?.unitId, WHAT);
    return c.json(out(u!), 200);
  });

  app.openapi(create, async (c) => {
    const b = c.req.valid("json");
    const me = c.var.user;
    await assertManages(c, b.unitId);
    if (!canGrantRole(me, b.role)) throw cannotGrant(b.role);
    if (!(await unitExists(c.var.deps.db, b.unitId))) throw invalid("unitId", "Không có đơn vị này.", "No such unit.");
    const passwordHash = await hashPassword(b.password);
    const u = await createUser(
      c.var.deps.db,
      { username: b.username, displayName: b.displayName, email: b.email ?? null, role: b.role, unitId: b.unitId, locale: b.locale, passwordHash, mustChangePassword: b.mustChangePassword },
      auditValues(c, { action: "create", entity: "user", unitId: b.unitId, details: { username: b.username, role: b.role, unitId: b.unitId } }),
    );
    if (!u) throw conflict({ vi: `Tên đăng nhập ${b.username} đã có.`, en: `The username ${b.username} is taken.` });
    return c.json(out(u), 201);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const me = c.var.user;
    let before: Row;
    if (id === me.id) {
      // Your own account: the personal fields only; role, unit and status are set by the level above.
      if (b.role !== undefined || b.unitId !== undefined || b.active !== undefined) throw forbidden({ vi: "Bạn không tự đổi được vai trò, đơn vị hay trạng thái của mình.", en: "You cannot change your own role, unit or status." });
      before = (await userById(c.var.deps.db, id))!;
    } else {
      before = await manageable(c, id);
      if (b.role !== undefined && !canGrantRole(me, b.role)) throw cannotGrant(b.role);
      if (b.unitId !== undefined) await assertManages(c, b.unitId);
    }
    // The entry's unit is the account's after the change (filled in by updateUser).
    const u = await updateUser(c.var.deps.db, id, b, c.var.deps.clock(), auditValues(c, { action: "update", entity: "user", entityId: id, details: { before: { displayName: before.displayName, email: before.email, role: before.role, unitId: before.unitId, locale: before.locale, active: before.active }, after: b } }));
    return c.json(out(u), 200);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const before = await manageable(c, id);
    const u = await updateUser(c.var.deps.db, id, { active: false }, c.var.deps.clock(), auditValues(c, { action: "deactivate", entity: "user", entityId: id, unitId: before.unitId, details: { username: before.username } }));
    return c.json(out(u), 200);
  });

  app.openapi(reset, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    const target = await manageable(c, id);
    // Whoever sets a password can sign in as its owner: a colleague of the same unit may not, only the level above (or an admin).
    if (c.var.user.role !== "ADMIN" && target.unitId === c.var.user.unitId) {
      throw forbidden({ vi: "Chỉ quản trị viên hoặc cấp trên của đơn vị mới đặt lại được mật khẩu tài khoản này.", en: "Only an administrator or the level above this account's unit may reset its password." });
    }
    const passwordHash = await hashPassword(b.password);
    // Whoever knew the old password is signed out; personal API tokens stay (revoke them separately).
    await resetPassword(c.var.deps.db, id, { passwordHash, mustChangePassword: b.mustChangePassword }, c.var.deps.clock(), auditValues(c, { action: "reset_password", entity: "user", entityId: id, unitId: target.unitId, details: { username: target.username } }));
    return c.body(null, 204);
  });
  return app;
}
