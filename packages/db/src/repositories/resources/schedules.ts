/** Reporting schedules as the console manages them. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { writeAudit } from "../audit";
import type { AuditOf } from "./campaigns";
import type { Page } from "./page";

const include = { unit: { select: { id: true, code: true, fullName: true } } } as const satisfies Prisma.ReportingScheduleInclude;
export type ScheduleRow = Prisma.ReportingScheduleGetPayload<{ include: typeof include }>;

export async function schedulePage(db: Database, where: Prisma.ReportingScheduleWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.reportingSchedule.findMany({ where, ...p, include }), db.prisma.reportingSchedule.count({ where })]);
  return { rows, total };
}

export function scheduleWhere(db: Database, where: Prisma.ReportingScheduleWhereInput): Promise<ScheduleRow | null> {
  return db.prisma.reportingSchedule.findFirst({ where, include });
}

export function createSchedule(db: Database, data: Prisma.ReportingScheduleUncheckedCreateInput, auditOf: AuditOf<ScheduleRow>): Promise<ScheduleRow> {
  return db.prisma.$transaction(async (tx) => {
    const s = await tx.reportingSchedule.create({ data, include });
    await writeAudit(tx, auditOf(s));
    return s;
  });
}

export function updateSchedule(db: Database, id: string, data: Prisma.ReportingScheduleUncheckedUpdateInput, auditOf: AuditOf<ScheduleRow>): Promise<ScheduleRow> {
  return db.prisma.$transaction(async (tx) => {
    const s = await tx.reportingSchedule.update({ where: { id }, data, include });
    await writeAudit(tx, auditOf(s));
    return s;
  });
}
