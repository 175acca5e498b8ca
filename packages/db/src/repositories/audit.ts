/** Audit entries: every write leaves one (who, when, from where, what). */
import type { Sql } from "../sql";

export interface AuditRow {
  at: Date; userId: string | null; username: string | null; action: string; entity: string; entityId: string | null; unitId: string | null;
  ip: string | null; userAgent: string | null; requestId: string | null; details?: unknown;
}

const TYPES: [keyof AuditRow, string][] = [
  ["at", "timestamptz"], ["userId", "text"], ["username", "text"], ["action", "text"], ["entity", "text"], ["entityId", "text"], ["unitId", "text"],
  ["ip", "text"], ["userAgent", "text"], ["requestId", "text"], ["details", "jsonb"],
];

/** AuditLog's columns as they travel in a JSON array of entries (auditJson). */
export const AUDIT_JSON_COLUMNS = {
  names: TYPES.map(([c]) => `"${c}"`).join(", "),
  types: TYPES.map(([c, t]) => `"${c}" ${t}`).join(", "),
  select: (a: string) => TYPES.map(([c]) => (c === "at" ? `${a}."at" AT TIME ZONE 'UTC'` : `${a}."${c}"`)).join(", "),
};

export const auditJson = (rows: AuditRow[]) => JSON.stringify(rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details ?? null })));

const INSERT = `INSERT INTO "AuditLog" (${AUDIT_JSON_COLUMNS.names}) SELECT ${AUDIT_JSON_COLUMNS.select("a")} FROM jsonb_to_recordset($1::jsonb) AS a(${AUDIT_JSON_COLUMNS.types})`;

/** Writes audit entries (in the caller's transaction when `tx` is one). */
export async function writeAudit(tx: Sql, ...rows: AuditRow[]): Promise<void> {
  if (rows.length) await tx.$executeRawUnsafe(INSERT, auditJson(rows));
}
