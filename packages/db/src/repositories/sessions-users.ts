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
