/** The console's reminders inbox: a person's reminders (their subtree's), marking one read. */
import type { Database } from "../connection";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit, type AuditRow } from "./audit";
import { subtreeFilter } from "./credentials";
import { unitSelect } from "./units-read";

const select = {
  id: true, cutoffAt: true, channel: true, status: true, createdAt: true, readAt: true,
  unit: { select: unitSelect },
  schedule: { select: { id: true, name: true, cadence: true, cutoffMinutes: true, weekday: true, monthDay: true, daysOff: true } },
} as const satisfies Prisma.ReminderSelect;

export type InboxReminder = Prisma.ReminderGetPayload<{ select: typeof select }>;

export interface InboxQuery { scopeUnitId: string; ids?: string[] | undefined; unitId?: string | undefined; unread?: boolean | undefined; skip: number; take: number }

/** A page of console reminders in the scope (unread first, then latest cut-off), and how many there are in all. */
export async function inboxReminders(db: Database, q: InboxQuery): Promise<{ rows: InboxReminder[]; total: number }> {
  const where: Prisma.ReminderWhereInput = {
    channel: "console",
    unit: subtreeFilter(q.scopeUnitId),
    ...(q.ids ? { id: { in: q.ids } } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.unread === true ? { readAt: null } : q.unread === false ? { readAt: { not: null } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.reminder.findMany({ where, skip: q.skip, take: q.take, select, orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { cutoffAt: "desc" }, { createdAt: "desc" }, { id: "asc" }] }),
    db.prisma.reminder.count({ where }),
  ]);
  return { rows, total };
}

export function reminderHead(db: Database, id: string) {
  return db.prisma.reminder.findUnique({ where: { id }, select: { unitId: true, readAt: true, channel: true } });
}

/** Marks a reminder read at `at` (a first reading is kept) with its audit entry, in one transaction. */
export function markReminderRead(db: Database, id: string, at: Date, audit: AuditRow): Promise<InboxReminder> {
  return db.prisma.$transaction(async (tx) => {
    const updated = await tx.reminder.update({ where: { id }, data: { readAt: at }, select });
    await writeAudit(tx, audit);
    return updated;
  });
}
