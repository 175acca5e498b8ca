/** Reporting schedules in force and the reports generated at their cut-offs (one per dedupe key). */
import type { Database } from "../connection";
import type { Prisma } from "../generated/prisma/client";

/** Active schedules of units that exist at `now` (a unit closed by a reorganization reports no more). */
export function activeSchedulesAt(db: Database, now: Date) {
  return db.prisma.reportingSchedule.findMany({
    where: { active: true, unit: { active: true, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] } },
    orderBy: { id: "asc" },
  });
}

export async function generatedReportExists(db: Database, dedupeKey: string): Promise<boolean> {
  return !!(await db.prisma.generatedReport.findUnique({ where: { dedupeKey }, select: { id: true } }));
}

/** Insert-if-absent on the unique dedupe key (another instance may have stored it meanwhile); whether this call stored it. */
export async function storeGeneratedReport(db: Database, row: Prisma.GeneratedReportCreateManyInput): Promise<boolean> {
  const { count } = await db.prisma.generatedReport.createMany({ data: [row], skipDuplicates: true });
  return count === 1;
}
