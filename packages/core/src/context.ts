/**
 * Building a ValidationContext from figures as each side has them (the server's database rows, the progress
 * API's breakdown in the console and the task pane): one place for the key of previous figures, the order of
 * register kinds and what a correction carries, so the three validate a sheet alike.
 */
import type { PhaseRef, ProgressCounts, RegisterKindRef, UnitRef, ValidationContext } from "./types";

/** Figures of one unit × register kind × phase ("*" for a whole unit on a roll-up), by codes. */
export interface FiguresAt {
  unitCode: string;
  registerKind: string;
  phase: string;
  counts: ProgressCounts;
}

export interface ContextInput {
  today: string;
  submitter: UnitRef;
  /** the units the sheet may name; default: the submitter alone */
  units?: readonly UnitRef[];
  /** in their order on the sheet; a missing sortOrder is the position in this list */
  registerKinds: readonly { code: string; nameVi: string; nameEn: string; sortOrder?: number | null }[];
  phases: readonly { code: string; nameVi: string; nameEn: string }[];
  reportDate?: string;
  /** latest accepted figures at or before the report date */
  previous?: Iterable<FiguresAt>;
  /** registered book inventory */
  inventory?: Iterable<FiguresAt>;
  /** unitCode → typical entries digitized per day */
  recentDailyOutput?: Map<string, number>;
  campaign?: { startDate: string; endDate: string } | null;
  /** a string (even blank: core then asks for the reason) makes the whole submission a correction; null or absent: none */
  correctionReason?: string | null;
}

/** The key of `ValidationContext.previous` and `.inventory`: "20491|KS|P1". */
export function figuresKey(unitCode: string, registerKind: string, phase: string): string {
  return `${unitCode}|${registerKind}|${phase}`;
}

export function figuresMap(rows: Iterable<FiguresAt>): Map<string, ProgressCounts> {
  const m = new Map<string, ProgressCounts>();
  for (const r of rows) m.set(figuresKey(r.unitCode, r.registerKind, r.phase), r.counts);
  return m;
}

export function buildValidationContext(input: ContextInput): ValidationContext {
  const registerKinds: RegisterKindRef[] = input.registerKinds.map((k, i) => ({ code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, sortOrder: k.sortOrder ?? i }));
  const phases: PhaseRef[] = input.phases.map((p) => ({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn }));
  return {
    today: input.today,
    submitter: input.submitter,
    units: [...(input.units ?? [input.submitter])],
    registerKinds,
    phases,
    ...(input.reportDate ? { reportDate: input.reportDate } : {}),
    ...(input.campaign !== undefined ? { campaign: input.campaign } : {}),
    previous: figuresMap(input.previous ?? []),
    ...(input.inventory ? { inventory: figuresMap(input.inventory) } : {}),
    ...(input.recentDailyOutput ? { recentDailyOutput: input.recentDailyOutput } : {}),
    correction: input.correctionReason != null ? { reason: input.correctionReason } : null,
  };
}
