/** Every write leaves an audit entry: who, when, from where (ip, user agent, request id), what. */
import type { Context } from "hono";
import { writeAudit, type AuditRow, type Sql } from "@sohoa/db";
import type { AppEnv } from "../context";
import { clientIp, userAgent } from "./request-info";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  unitId?: string | null;
  details?: unknown;
  /** For sign-in attempts, before a user is known. */
  username?: string | null;
  userId?: string | null;
}

/** The audit row for `entry` in this request: who, when, from where. */
export function auditValues(c: Context<AppEnv>, entry: AuditEntry): AuditRow {
  const user = c.get("user") as AppEnv["Variables"]["user"] | undefined;
  return {
    at: c.var.deps.clock(),
    userId: entry.userId ?? user?.id ?? null,
    username: entry.username ?? user?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    unitId: entry.unitId ?? null,
    ip: clientIp(c),
    userAgent: userAgent(c),
    requestId: c.get("requestId") ?? null,
    details: entry.details === undefined ? undefined : (JSON.parse(JSON.stringify(entry.details)) as unknown),
  };
}

/** Writes the entry, in the caller's transaction when `tx` is given. */
export async function audit(c: Context<AppEnv>, entry: AuditEntry, tx?: Sql): Promise<void> {
  await writeAudit(tx ?? c.var.deps.db.sql, auditValues(c, entry));
}
