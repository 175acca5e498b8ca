/** Bearer credentials (sessions and personal API tokens) by their sha256 hash, with their user and unit. */
import { PREPARED, type Sql } from "../sql";
import type { Database } from "../connection";

export interface CredentialRow {
  credentialId: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null; scope: string | null;
  userId: string; username: string; displayName: string; role: string; locale: string; userActive: boolean;
  unitId: string; code: string; name: string; fullName: string; nameEn: string | null; level: string; parentId: string | null; validFrom: Date; validTo: Date | null;
}

export type CredentialKind = "session" | "token";

const credentialSql = (table: "Session" | "ApiToken") => `${PREPARED}
  SELECT req."index", t."id" AS "credentialId", t."revokedAt", t."expiresAt", ${table === "ApiToken" ? `t."lastUsedAt", t."scope"::text AS "scope"` : `NULL::timestamp AS "lastUsedAt", NULL::text AS "scope"`},
         usr."id" AS "userId", usr."username", usr."displayName", usr."role"::text AS "role", usr."locale", usr."active" AS "userActive",
         un."id" AS "unitId", un."code", un."name", un."fullName", un."nameEn", un."level"::text AS "level", un."parentId", un."validFrom", un."validTo"
    FROM unnest($1::text[]) WITH ORDINALITY AS req("hash", "index")
    JOIN "${table}" t ON t."tokenHash" = req."hash" JOIN "User" usr ON usr."id" = t."userId" JOIN "Unit" un ON un."id" = usr."unitId"`;
const SQL: Record<CredentialKind, string> = { session: credentialSql("Session"), token: credentialSql("ApiToken") };

/** The credential of each hash, in one statement (null where none matches). */
export async function credentialsByHash(sql: Sql, kind: CredentialKind, hashes: string[]): Promise<(CredentialRow | null)[]> {
  const rows = await sql.$queryRawUnsafe<(CredentialRow & { index: bigint })[]>(SQL[kind], hashes);
  const byIndex = new Map(rows.map((r) => [Number(r.index) - 1, r]));
  return hashes.map((_, i) => byIndex.get(i) ?? null);
}

/** Records when an API token was last used (best effort: a failure is ignored). */
export function touchApiToken(db: Database, id: string, at: Date): void {
  void db.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: at } }).catch(() => undefined);
}

/** Whether `descendantId` lies in the subtree of `ancestorId` (itself included). */
export async function isInSubtree(db: Database, ancestorId: string, descendantId: string): Promise<boolean> {
  if (ancestorId === descendantId) return true;
  const row = await db.prisma.unitClosure.findUnique({ where: { ancestorId_descendantId: { ancestorId, descendantId } }, select: { distance: true } });
  return !!row;
}

/** Prisma filter for rows whose unit lies in the subtree of `unitId`. */
export function subtreeFilter(unitId: string) {
  return { ancestors: { some: { ancestorId: unitId } } };
}
