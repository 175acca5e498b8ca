/**
 * In-browser validation with core's validateGrid — the same rules and messages the server applies — before
 * anything is sent. core needs a ValidationContext (the submitter's units, register kinds, phases, the
 * previous figures); for a commune (or agency) the console builds it from the progress API's kinds × phases
 * breakdown. For units with units below them the console does not have the whole subtree at hand, so it
 * relies on the server's answer (422 with the same issues). The server stays authoritative either way.
 *
 * core is loaded on demand (never in the first view) through `setValidatorLoader`, wired in main.tsx.
 */
import { buildValidationContext, type ValidationContext } from "@sohoa/core";
import type { KindPhaseRow, UnitSummary, ValidationIssue } from "@sohoa/contract";
import type { Grid } from "./xlsx";

/** core's own context type (a type only: core's validator itself is loaded on demand). */
export type ClientValidationContext = ValidationContext;

type Validate = (grid: Grid, ctx: ClientValidationContext) => { issues: ValidationIssue[] };

let loader: () => Promise<Validate | null> = async () => null;

export function setValidatorLoader(fn: () => Promise<Validate | null>): void {
  loader = fn;
}

/** A commune's context from its progress breakdown; null when there is nothing to validate against. */
export function communeContext(unit: UnitSummary, breakdown: KindPhaseRow[] | undefined, today: string, reportDate?: string): ClientValidationContext | null {
  if (unit.level !== "COMMUNE" && unit.level !== "AGENCY") return null;
  if (!breakdown || breakdown.length === 0) return null;
  const firstOf = <T extends { code: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.code, x] as const)).values()];
  return buildValidationContext({
    today, submitter: unit, reportDate,
    registerKinds: firstOf(breakdown.map((r) => r.registerKind)),
    phases: firstOf(breakdown.map((r) => r.phase)),
    previous: breakdown.map((r) => ({ unitCode: unit.code, registerKind: r.registerKind.code, phase: r.phase.code, counts: r.counts })),
  });
}

/** Issues found here, or null when the browser cannot validate this sheet (then the server will). */
export async function validateInBrowser(grid: Grid, ctx: ClientValidationContext | null): Promise<ValidationIssue[] | null> {
  if (!ctx) return null;
  const validate = await loader();
  if (!validate) return null;
  return validate(grid, ctx).issues;
}
