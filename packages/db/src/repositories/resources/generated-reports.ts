/** Reports generated at schedules' cut-offs, as the console lists, shows and downloads them. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { subtreeFilter } from "../credentials";
import type { Page } from "./page";

const select = { id: true, scheduleId: true, unitId: true, periodType: true, periodStart: true, periodEnd: true, cutoffAt: true, generatedAt: true, unit: { select: { code: true, name: true, fullName: true } } } as const satisfies Prisma.GeneratedReportSelect;
export type GeneratedReportRow = Prisma.GeneratedReportGetPayload<{ select: typeof select }>;

/** The small parts of a stored report's data, and which files it has. */
export interface GeneratedReportHead { id: string; title: string | null; subtitle: string | null; progressLine: string | null; hasXlsx: boolean; hasPdf: boolean }

export interface GeneratedReportQuery { scopeUnitId: string; ids?: string[] | undefined; unitId?: string | undefined; periodType?: "DAY" | "WEEK" | "MONTH" | undefined; scheduleId?: string | undefined }

/** A page of the reports in the scope, each with its head (only the small parts of the data and files are read). */
export async function generatedReportPage(db: Database, q: GeneratedReportQuery, p: Page) {
  const where: Prisma.GeneratedReportWhereInput = {
    unit: subtreeFilter(q.scopeUnitId),
    ...(q.ids ? { id: { in: q.ids } } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.periodType ? { periodType: q.periodType } : {}),
    ...(q.scheduleId ? { scheduleId: q.scheduleId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.prisma.generatedReport.findMany({ where, skip: p.skip, take: p.take, orderBy: [p.orderBy, { id: "asc" }], select }),
    db.prisma.generatedReport.count({ where }),
  ]);
  const ids = rows.map((r) => r.id);
  const heads = ids.length
    ? await db.sql.$queryRawUnsafe<GeneratedReportHead[]>(
        `SELECT id, data->>'title' AS title, data->>'subtitle' AS subtitle, data->>'progressLine' AS "progressLine", "xlsx" IS NOT NULL AS "hasXlsx", "pdf" IS NOT NULL AS "hasPdf"
           FROM "GeneratedReport" WHERE id = ANY($1::text[])`,
        ids,
      )
    : [];
  return { rows, total, heads: new Map(heads.map((h) => [h.id, h])) };
}

export function generatedReport(db: Database, id: string) {
  return db.prisma.generatedReport.findUnique({ where: { id }, select: { ...select, data: true } });
}

/** A report's data and one of its files (null when it was stored without). */
export async function generatedReportFile(db: Database, id: string, format: "xlsx" | "pdf" | "json") {
  const r = await db.prisma.generatedReport.findUnique({ where: { id }, select: { unitId: true, data: true, xlsx: format === "xlsx", pdf: format === "pdf" } });
  if (!r) return null;
  const files = r as { xlsx?: Uint8Array | null; pdf?: Uint8Array | null };
  return { unitId: r.unitId, data: r.data, xlsx: files.xlsx ?? null, pdf: files.pdf ?? null };
}
