/** Accounts as the console manages them (never their password hash or sign-in counters). */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit, type AuditRow } from "../audit";
import { unitSelect } from "../units-read";
import type { Page } from "./page";

/** Everything but the password hash and the sign-in counters. */
const select = { id: true, username: true, displayName: true, email: true, role: true, unitId: true, unit: { select: unitSelect }, locale: true, active: true, mustChangePassword: true, lastLoginAt: true, createdAt: true, updatedAt: true } as const satisfies Prisma.UserSelect;
export type UserRow = Prisma.UserGetPayload<{ select: typeof select }>;

type Tx = Prisma.TransactionClient;

export function userById(db: Database, id: string): Promise<UserRow | null> {
  return db.prisma.user.findUnique({ where: { id }, select });
}

export async function userPage(db: Database, where: Prisma.UserWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.user.findMany({ where, ...p, select }), db.prisma.user.count({ where })]);
  return { rows, total };
}

export async function unitExists(db: Database, id: string): Promise<boolean> {
  return !!(await db.prisma.unit.findUnique({ where: { id }, select: { id: true } }));
}

/** Creates the account with its audit entry (whose entityId is the new user's); null when the username is taken. */
export function createUser(db: Database, data: Prisma.UserUncheckedCreateInput, audit: AuditRow): Promise<UserRow | null> {
  return db.prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: data.username }, select: { id: true } })) return null;
    const u = await tx.user.create({ data, select });
    await writeAudit(tx, { ...audit, entityId: u.id });
    return u;
  });
}

/** Updates an account with its audit entry; a deactivated account's sessions and tokens end at `now`. */
export function updateUser(db: Database, id: string, data: Prisma.UserUncheckedUpdateInput, now: Date, audit: AuditRow): Promise<UserRow> {
  return db.prisma.$transaction(async (tx) => {
    const u = await tx.user.update({ where: { id }, data, select });
    if (data.active === false) await endCredentials(tx, id, now);
    await writeAudit(tx, { ...audit, unitId: audit.unitId ?? u.unitId });
    return u;
  });
}

/** Sets a new password; whoever knew the old one is signed out (personal API tokens stay: revoked separately). */
export async function resetPassword(db: Database, id: string, data: { passwordHash: string; mustChangePassword: boolean }, now: Date, audit: AuditRow): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash: data.passwordHash, mustChangePassword: data.mustChangePassword, failedLogins: 0, lockedUntil: null } });
    await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, audit);
  });
}

async function endCredentials(tx: Tx, userId: string, now: Date) {
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
