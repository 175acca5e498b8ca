/** Reminder rows (one per schedule × unit × cut-off × channel) and who to e-mail them to. */
import type { Database } from "../connection";

export interface ReminderData { scheduleId: string; unitId: string; cutoffAt: Date; channel: string; status: string; detail: string }

/** Inserts a reminder row; null when it already exists (someone else sent it). */
export async function claimReminder(db: Database, data: ReminderData): Promise<string | null> {
  try {
    const r = await db.prisma.reminder.create({ data, select: { id: true } });
    return r.id;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  }
}

/** Inserts the reminder rows not there yet; how many were new. */
export async function addReminders(db: Database, rows: ReminderData[]): Promise<number> {
  return (await db.prisma.reminder.createMany({ data: rows, skipDuplicates: true })).count;
}

export async function setReminderStatus(db: Database, id: string, status: string): Promise<void> {
  await db.prisma.reminder.update({ where: { id }, data: { status } });
}

/** E-mail addresses of the active users of each unit. */
export async function emailsOfUnits(db: Database, unitIds: string[]): Promise<Map<string, string[]>> {
  const users = await db.prisma.user.findMany({ where: { unitId: { in: unitIds }, active: true, email: { not: null } }, select: { unitId: true, email: true } });
  const emails = new Map<string, string[]>();
  for (const u of users) emails.set(u.unitId, [...(emails.get(u.unitId) ?? []), u.email!]);
  return emails;
}
