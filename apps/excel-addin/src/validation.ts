/**
 * Building core's ValidationContext from what the API gives the task pane, and validating a sheet with it.
 * A commune's sheet is checked against its register kinds × phases and its latest accepted figures; a
 * parent's roll-up against its units. The server re-runs the same rules and stays authoritative.
 */
import { buildValidationContext, figuresMap, validateGrid, type ProgressCounts, type Sheet, type UnitRef, type ValidationContext, type ValidationIssue } from "@sohoa/core";
import type { BookPhase, ProgressView, RegisterKind, UnitRow, UnitSummary } from "@sohoa/contract";

export interface UnitData {
  unit: UnitSummary;
  progress: ProgressView;
  kinds: RegisterKind[];
  phases: BookPhase[];
  children: UnitRow[];
}

const ref = (u: UnitSummary): UnitRef => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo });

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
  return buildValidationContext({
    today,
    reportDate: reportDateFor(d.unit, today),
    submitter: ref(d.unit),
    units: [ref(d.unit), ...d.children.map(ref)],
    registerKinds: d.kinds,
    phases: d.phases,
    previous: d.progress.breakdown.map((r) => ({ unitCode: d.unit.code, registerKind: r.registerKind.code, phase: r.phase.code, counts: r.counts })),
    correctionReason,
  });
}

export function validateSheet(sheet: Sheet, ctx: ValidationContext): ValidationIssue[] {
  return validateGrid({ sheets: [sheet] }, ctx).issues;
}

/** The previous figures the templates start from (commune: per kind × phase; roll-up: per child unit). */
export function templatePrevious(d: UnitData): Map<string, ProgressCounts> {
  return figuresMap([
    ...d.progress.breakdown.map((r) => ({ unitCode: d.unit.code, registerKind: r.registerKind.code, phase: r.phase.code, counts: r.counts })),
    ...d.progress.children.filter((c) => c.reported).map((c) => ({ unitCode: c.code, registerKind: "*", phase: "*", counts: c.counts })),
  ]);
}
export { ref as unitRef };
