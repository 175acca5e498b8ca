/**
 * In-browser validation with core's validateGrid — the same rules and messages the server applies — before
 * anything is sent. core needs a ValidationContext (the submitter's units, register kinds, phases, the
 * previous figures); for a commune (or agency) the console builds it from the progress API's kinds × phases
 * breakdown. For units with units below them the console does not have the whole subtree at hand, so it
 * relies on the server's answer (422 with the same issues). The server stays authoritative either way.
 *
 * core is loaded on demand (never in the first view) through `setValidatorLoader`, wired in main.tsx.
 */
import type { KindPhaseRow, ProgressCounts, UnitSummary, ValidationIssue } from "@sohoa/contract";
import type { Grid } from "./xlsx";

export interface ClientValidationContext {
  today: string;
  submitter: UnitSummary;
  units: UnitSummary[];
  registerKinds: { code: string; nameVi: string; nameEn: string; sortOrder?: number }[];
  phases: { code: string; nameVi: string; nameEn: string }[];
  reportDate?: string;
  previous: Map<string, ProgressCounts>;
}

type Validate = (grid: Grid, ctx: ClientValidationContext) => { issues: ValidationIssue[] };

let loader: () => Promise<Validate | null> = async () => null;

export function setValidatorLoader(fn: () => Promise<Validate | null>): void {
  loader = fn;
}

/** A commune's context from its progress breakdown; null when there is nothing to validate against. */
export function communeContext(unit: UnitSummary, breakdown: KindPhaseRow[] | undefined, today: string, reportDate?: string): ClientValidationContext | null {
  if (unit.level !== "COMMUNE" && unit.level !== "AGENCY") return null;
  if (!breakdown || breakdown.length === 0) return null;
  const kinds = new Map<string, ClientValidationContext["registerKinds"][number]>();
  const phases = new Map<string, ClientValidationContext["phases"][number]>();
  const previous = new Map<string, ProgressCounts>();
  breakdown.forEach((r, i) => {
    if (!kinds.has(r.registerKind.code)) kinds.set(r.registerKind.code, { ...r.registerKind, sortOrder: i });
    if (!phases.has(r.phase.code)) phases.set(r.phase.code, { ...r.phase });
    previous.set(`${unit.code}|${r.registerKind.code}|${r.phase.code}`, r.counts);
  });
  return { today, submitter: unit, units: [unit], registerKinds: [...kinds.values()], phases: [...phases.values()], ...(reportDate ? { reportDate } : {}), previous };
}

/** Issues found here, or null when the browser cannot validate this sheet (then the server will). */
export async function validateInBrowser(grid: Grid, ctx: ClientValidationContext | null): Promise<ValidationIssue[] | null> {
  if (!ctx) return null;
  const validate = await loader();
  if (!validate) return null;
  return validate(grid, ctx).issues;
}
