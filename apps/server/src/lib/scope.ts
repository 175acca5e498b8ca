/** Scope: every user sees and changes only their unit's subtree (UnitClosure). */
import type { Context } from "hono";
import { isInSubtree, subtreeFilter } from "@sohoa/db";
import type { AppEnv, AuthUser, Role } from "../context";
import { forbidden, outOfScope } from "./errors";

export async function inScope(c: Context<AppEnv>, unitId: string): Promise<boolean> {
  return isInSubtree(c.var.deps.db, c.var.user.unitId, unitId);
}

export async function assertInScope(c: Context<AppEnv>, unitId: string): Promise<void> {
  if (!(await inScope(c, unitId))) throw outOfScope();
}

/** Prisma filter for rows whose unit lies in the user's subtree. */
export function scopeFilter(user: AuthUser) {
  return subtreeFilter(user.unitId);
}

const RANK: Record<Role, number> = { ADMIN: 4, PROVINCE: 3, DISTRICT: 2, COMMUNE: 1, VIEWER: 0 };

export function requireRole(user: AuthUser, ...roles: Role[]): void {
  if (!roles.includes(user.role)) throw forbidden();
}

/** Management (campaigns, deadlines, targets, schedules, users) is for admins and province/district officials. */
export function requireManager(user: AuthUser): void {
  requireRole(user, "ADMIN", "PROVINCE", "DISTRICT");
}

export function canGrantRole(user: AuthUser, role: Role): boolean {
  if (user.role === "ADMIN") return true;
  return RANK[role] < RANK[user.role];
}

/** Who may submit figures: everyone but viewers, within scope. */
export function requireSubmitter(user: AuthUser): void {
  if (user.role === "VIEWER") throw forbidden({ vi: "Tài khoản chỉ xem không được gửi số liệu.", en: "Viewer accounts cannot submit figures." });
}
