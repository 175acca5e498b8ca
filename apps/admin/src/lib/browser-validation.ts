/**
 * In-browser validation of a Grid with core's validateGrid, the same rules and messages the server applies.
 * core is loaded on demand (it stays out of the first view). Until core exports validateGrid, this returns
 * null and the page relies on the server's answer (422 with the same issues): the server is authoritative
 * either way.
 */
import type { ValidationIssue } from "./api-types";
import type { Grid } from "./xlsx";

type Validator = (grid: Grid, options?: Record<string, unknown>) => { issues?: ValidationIssue[] } | ValidationIssue[];

let loader: () => Promise<Validator | null> = async () => null;

/** Wires the validator (main.tsx does this with core's export once it exists; tests inject their own). */
export function setValidatorLoader(fn: () => Promise<Validator | null>): void {
  loader = fn;
}

export async function validateInBrowser(grid: Grid, options: Record<string, unknown> = {}): Promise<ValidationIssue[] | null> {
  const validate = await loader();
  if (!validate) return null;
  const out = validate(grid, options);
  return Array.isArray(out) ? out : (out.issues ?? []);
}
