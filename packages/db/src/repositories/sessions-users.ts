/** Signing in and out: the user by username, a new session, a revoked one. */
import type { Database } from "../connection";
import { unitSelect } from "./units-read";

/** The user with this (lower-case) username and their unit's summary columns. */
export function userForSignIn(db: Database, username: string) {
  return db.prisma.user.findUnique({ where: { username }, include: { unit: { select: unitSelect } } });
}

/** Opens a session and records the sign-in on the user (failed count reset, a stronger hash if one was made). */
export async function openSession(db: Database, s: { userId: string; tokenHash: string; expiresAt: Date; createdAt: Date; ip: string | null; userAgent: string | null; passwordHash: string | null }): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.session.create({ data: { userId: s.userId, tokenHash: s.tokenHash, expiresAt: s.expiresAt, createdAt: s.createdAt, ip: s.ip, userAgent: s.userAgent } }),
    db.prisma.user.update({ where: { id: s.userId }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: s.createdAt, ...(s.passwordHash ? { passwordHash: s.passwordHash } : {}) } }),
  ]);
}

export async function revokeSession(db: Database, id: string, at: Date): Promise<void> {
  await db.prisma.session.update({ where: { id }, data: { revokedAt: at } });
}

/** Creates a user from the command line, with its audit entry. */
export function createUserFromCli(db: Database, data: { username: string; displayName: string; passwordHash: string; role: "ADMIN" | "PROVINCE" | "DISTRICT" | "COMMUNE" | "VIEWER"; unitId: string }, details: unknown) {
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data });
    await tx.auditLog.create({ data: { action: "create", entity: "user", entityId: user.id, unitId: data.unitId, username: "cli", details: details as object } });
    return user;
  });
}
