/** Submissions as the console's inbox reads them: a page, one with its figures and versions, its original file. */
import type { Database } from "../../connection";
import type { Prisma } from "../../generated/prisma/client";
import { unitSelect } from "../units-read";
import type { Page } from "./page";

const select = { id: true, unit: { select: { id: true, code: true, fullName: true } }, reportDate: true, source: true, status: true, submittedAt: true, submittedBy: { select: { username: true } }, rowCount: true, errorCount: true, warningCount: true, isCorrection: true, correctionReason: true, fileId: true, ip: true } as const satisfies Prisma.SubmissionSelect;
export type SubmissionSummaryRow = Prisma.SubmissionGetPayload<{ select: typeof select }>;

export async function submissionPage(db: Database, where: Prisma.SubmissionWhereInput, p: Page) {
  const [rows, total] = await Promise.all([db.prisma.submission.findMany({ where, ...p, select }), db.prisma.submission.count({ where })]);
  return { rows, total };
}

/** A submission with its sheet, issues and receipt, the snapshots it wrote (by kind and phase order), and every version of its unit × date. */
export async function submissionDetail(db: Database, id: string) {
  const s = await db.prisma.submission.findUnique({ where: { id }, select: { ...select, grid: true, issues: true, receipt: true, userAgent: true, requestId: true, checksum: true, unit: { select: unitSelect } } });
  if (!s) return null;
  const [rawSnapshots, kinds, phases, versions] = await Promise.all([
    db.prisma.progressSnapshot.findMany({ where: { submissionId: s.id } }),
    db.prisma.registerKind.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true, sortOrder: true } }),
    db.prisma.bookPhase.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true, sortOrder: true } }),
    s.reportDate ? db.prisma.submission.findMany({ where: { unitId: s.unit.id, reportDate: s.reportDate }, select, orderBy: { submittedAt: "asc" } }) : Promise.resolve([]),
  ]);
  const kindOf = new Map(kinds.map((k) => [k.id, k]));
  const phaseOf = new Map(phases.map((p) => [p.id, p]));
  const snapshots = rawSnapshots
    .map((x) => ({ ...x, registerKind: kindOf.get(x.registerKindId)!, phase: phaseOf.get(x.phaseId)! }))
    .sort((a, b) => a.registerKind.sortOrder - b.registerKind.sortOrder || a.phase.sortOrder - b.phase.sortOrder);
  return { submission: s, snapshots, versions };
}

export function submissionFile(db: Database, id: string) {
  return db.prisma.submission.findUnique({ where: { id }, select: { unitId: true, file: true } });
}
