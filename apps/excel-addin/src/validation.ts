/**
 * Building core's ValidationContext from what the API gives the task pane, and validating a sheet with it.
 * A commune's sheet is checked against its register kinds × phases and its latest accepted figures; a
 * parent's roll-up against its units. The server re-runs the same rules and stays authoritative.
 */
import { validateGrid, type ProgressCounts, type Sheet, type UnitRef, type ValidationContext, type ValidationIssue } from "@sohoa/core";
import type { BookPhase, ProgressView, RegisterKind, UnitRow, UnitSummary } from "@sohoa/contract";

export interface UnitData {
  unit: UnitSummary;
  progress: ProgressView;
  kinds: RegisterKind[];
  phases: BookPhase[];
  children: UnitRow[];
}

const ref = (u: UnitSummary): UnitRef => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId, validFrom: u.validFrom ?? null, validTo: u.validTo ?? null });


/**
 * The date a report is made for: today, unless the unit has since been closed (merged or divided in a
 * reorganization), in which case its last valid day: a code identifies a unit only together with a date.
 */
export function reportDateFor(unit: UnitSummary, today: string): string {
  if (unit.validTo && unit.validTo <= today) {
    const d = new Date(`${unit.validTo}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  return today;
}

export function isLeaf(d: UnitData): boolean {
  return d.children.length === 0;
}

export function buildContext(d: UnitData, today: string, correctionReason?: string | null): ValidationContext {
  const reportDate = reportDateFor(d.unit, today);
  const previous = new Map<string, ProgressCounts>();
  for (const r of d.progress.breakdown ?? []) previous.set(`${d.unit.code}|${r.registerKind.code}|${r.phase.code}`, r.counts);
  return {
    today,
    reportDate,
    submitter: ref(d.unit),
    units: [ref(d.unit), ...d.children.map(ref)],
    registerKinds: d.kinds.map((k, i) => ({ code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, sortOrder: k.sortOrder ?? i })),
    phases: d.phases.map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn })),
    previous,
    ...(correctionReason !== undefined && correctionReason !== null ? { correction: { reason: correctionReason } } : {}),
  };
}

export function validateSheet(sheet: Sheet, ctx: ValidationContext): ValidationIssue[] {
  return validateGrid({ sheets: [sheet] }, ctx).issues;
}

/** The previous figures the templates start from (commune: per kind × phase; roll-up: per child unit). */
export function templatePrevious(d: UnitData): Map<string, ProgressCounts> {
  const m = new Map<string, ProgressCounts>();
  for (const r of d.progress.breakdown ?? []) if (r.reportDate) m.set(`${d.unit.code}|${r.registerKind.code}|${r.phase.code}`, r.counts);
  for (const c of d.progress.children ?? []) if (c.reported) m.set(`${c.code}|*|*`, c.counts);
  return m;
}
export { ref as unitRef };
